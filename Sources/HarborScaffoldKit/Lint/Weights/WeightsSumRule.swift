/// W103: the weights do not sum to 1.
struct WeightsSumRule: LintRule {
    static let description = RuleDescription(
        id: "W103", name: "weights-sum", title: "The weights do not sum to 1",
        severity: .error,
        rationale: """
            The reward is the weighted sum of the passing tests, and Harbor reads it as a score between 0 and \
            1: weights summing to less than 1 cap a perfect solution below full marks, more than 1 push the \
            reward past 1. The sum must be 1 within 1e-6 (0.33 + 0.33 + 0.34 is fine).
            """,
        triggering: [
            RuleExample(files: ["weights.json": "{\"test_a\": 0.33, \"test_b\": 0.33, \"test_c\": 0.33}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": 60, \"test_b\": 40}\n"]),
            RuleExample(files: ["weights.json": "{}\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["weights.json": "{\"test_a\": 0.33, \"test_b\": 0.33, \"test_c\": 0.34}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": 0.1, \"test_b\": 0.2, \"test_c\": 0.7000001}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": \"0.5\", \"test_b\": 0.2}\n"], excerpt: "a quoted weight: W001 reports it, the sum is not judged"),
        ])

    /// How far from 1 the sum may be.
    static let tolerance = 1e-6

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let table = WeightsTable(target) else { return }
        let weights = table.entries.compactMap { $0.value.number }
        guard weights.count == table.entries.count, weights.allSatisfy(\.isFinite) else { return }
        let sum = weights.reduce(0, +)
        guard abs(sum - 1) > Self.tolerance else { return }
        let brace = table.object.byteRange.lowerBound
        let at = table.range(brace..<(brace + 1))
        if weights.isEmpty {
            sink.report(
                "\(table.file.path) has no weights; they must sum to 1", in: table.file, at: at,
                hint: "give each test function a weight, e.g. {\"test_a\": 0.5, \"test_b\": 0.5}")
            return
        }
        let hint = sum > 0
            ? "divide each weight by \(Self.format(sum)) so they sum to 1"
            : "make every weight positive and the sum 1"
        sink.report("the weights in \(table.file.path) sum to \(Self.format(sum)), not 1", in: table.file, at: at, hint: hint)
    }

    /// `value` rounded to six decimals, without trailing zeros (`0.99`, `100`).
    static func format(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return "\(rounded)"
    }
}
