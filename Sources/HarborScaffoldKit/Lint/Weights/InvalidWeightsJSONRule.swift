/// W001: weights.json is not JSON, or not a flat object of test name → number.
struct InvalidWeightsJSONRule: LintRule {
    static let description = RuleDescription(
        id: "W001", name: "invalid-weights-json", title: "weights.json is not a flat JSON object of test name → number",
        severity: .error,
        rationale: """
            The pipeline's final data point has "1-3 weighted tests": weights.json maps each test function's name \
            to its share of the reward, and the verifier loads it with `json.load` to compute the weighted sum. \
            A file that is not strict JSON, a nested value, a quoted number or a repeated key breaks that sum, \
            and with it the reward the verifier must always write.
            """,
        triggering: [
            RuleExample(files: ["weights.json": "{\n  \"test_a\": 0.5,\n  \"test_b\": 0.5,\n}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": \"0.5\", \"test_b\": 0.5}\n"]),
            RuleExample(files: ["weights.json": "[{\"test_a\": 1}]\n"]),
            RuleExample(files: ["weights.json": "{'test_a': 1}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": 0.5, \"test_a\": 0.5}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": NaN}\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["weights.json": "{\n  \"test_a\": 0.25,\n  \"test_b\": 0.75\n}\n"]),
            RuleExample(files: ["weights.json": "\u{FEFF}{\"test_\\u0061\": 1e0}\r\n"], excerpt: "(with a BOM and CRLF) {\"test_\\u0061\": 1e0}"),
            RuleExample(files: ["weights.json": "{}"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let document = target.weightsDocument else { return }
        let file = document.file
        let source = file.source
        switch document.parsed {
        case .failure(let error):
            let end = min(error.byteOffset + 1, source.bytes.count)
            sink.report(
                "\(file.path) is not valid JSON: \(error.message)", in: file,
                at: source.range(ofBytes: error.byteOffset..<max(end, error.byteOffset)),
                hint: "write strict JSON: double-quoted keys, plain numbers, no comments or trailing commas")
        case .success(let value):
            guard case .object(let members) = value.kind else {
                sink.report(
                    "\(file.path) holds \(value.kindDescription), not an object of test name → weight", in: file,
                    at: source.range(ofBytes: value.byteRange.lowerBound..<(value.byteRange.lowerBound + 1)),
                    hint: "write one object such as {\"test_api_returns_429\": 0.5, \"test_counters_reset\": 0.5}")
                return
            }
            var seen: Set<String> = []
            for member in members {
                if !seen.insert(member.key).inserted {
                    sink.report(
                        "'\(member.key)' is given twice in \(file.path); json.load keeps only the last weight", in: file,
                        at: source.range(ofBytes: member.keyRange), hint: "keep one entry per test")
                }
                check(member, file, into: &sink)
            }
        }
    }

    private func check(_ member: JSONMember, _ file: LintFile, into sink: inout FindingSink) {
        if let number = member.value.number {
            if !number.isFinite {
                sink.report(
                    "the weight of '\(member.key)' is too large to be a number", in: file,
                    at: file.source.range(ofBytes: member.value.byteRange),
                    hint: "use a share between 0 and 1")
            }
            return
        }
        var hint = "write the weight as a plain number such as 0.5"
        if case .string(let text) = member.value.kind, let number = Double(text), number.isFinite {
            hint = "remove the quotes: \"\(member.key)\": \(text)"
        }
        sink.report(
            "the weight of '\(member.key)' is \(member.value.kindDescription), not a number", in: file,
            at: file.source.range(ofBytes: member.value.byteRange), hint: hint)
    }
}
