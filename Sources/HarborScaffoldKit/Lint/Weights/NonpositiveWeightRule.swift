/// W102: a test's weight is zero or negative.
struct NonpositiveWeightRule: LintRule {
    static let description = RuleDescription(
        id: "W102", name: "nonpositive-weight", title: "A test's weight is zero or negative",
        severity: .error,
        rationale: """
            Each of the data point's "1-3 weighted tests" must add to the reward when it passes. A zero weight \
            makes a test that can never change the score; a negative one makes passing it lower the reward.
            """,
        triggering: [
            RuleExample(files: ["weights.json": "{\"test_a\": 1.0, \"test_b\": 0}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": 1.5, \"test_b\": -0.5}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": 1.0, \"test_b\": -0.0e5}\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["weights.json": "{\"test_a\": 0.999, \"test_b\": 1e-3}\n"]),
            RuleExample(files: ["weights.json": "{\"test_a\": \"-1\"}\n"], excerpt: "{\"test_a\": \"-1\"} (not a number: W001 reports it)"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let table = WeightsTable(target) else { return }
        for entry in table.entries {
            guard let weight = entry.value.number, weight <= 0 else { continue }
            let verdict = weight == 0 ? "zero, so passing it never adds to the reward" : "negative, so passing it lowers the reward"
            sink.report(
                "the weight of '\(entry.key)' is \(verdict)", in: table.file, at: table.range(entry.value.byteRange),
                hint: "give every test a share above 0, or delete the test and its weight")
        }
    }
}
