/// W101: weights.json and the test functions disagree: a weight for a test that does not exist,
/// or a test without a weight.
struct WeightsTestMismatchRule: LintRule {
    static let description = RuleDescription(
        id: "W101", name: "weights-test-mismatch", title: "weights.json and the test functions do not name the same tests",
        severity: .error,
        rationale: """
            The pipeline's data point has "1-3 weighted tests", and the reward is the weighted sum of the tests \
            that pass. A weight whose key names no test function never counts (the best reachable reward stays \
            below 1), and a test without a weight counts for nothing. Keys are test function names; \
            `Class::test`, `file.py::test` and parametrize ids (`test_x[1]`) are accepted.
            """,
        triggering: [
            RuleExample(files: [
                "tests.py": "def test_limit():\n    \"\"\"429 past the limit.\"\"\"\n    assert 1 + 1 == 2\n",
                "weights.json": "{\"test_limits\": 1.0}\n",
            ]),
            RuleExample(files: [
                "tests.py": "def test_a():\n    assert f()\n\n\ndef test_b():\n    assert g()\n",
                "weights.json": "{\"test_a\": 1.0}\n",
            ]),
            RuleExample(files: [
                "tests/test_outputs.py": "class TestApi:\n    def test_get(self):\n        assert f()\n",
                "tests/weights.json": "{\"TestOther::test_get\": 1.0}\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "tests.py": "import pytest\n\n@pytest.mark.parametrize(\"n\", [1, 2])\ndef test_a(n):\n    assert f(n)\n\n\ndef test_b():\n    assert g()\n",
                "weights.json": "{\"test_a\": 0.5, \"test_b\": 0.5}\n",
            ]),
            RuleExample(files: [
                "tests/test_outputs.py": "class TestApi:\n    def test_get(self):\n        assert f()\n\n\ndef helper_test():\n    pass\n",
                "tests/weights.json": "{\"tests/test_outputs.py::TestApi::test_get\": 1.0}\n",
            ]),
            RuleExample(files: ["weights.json": "{\"test_a\": 1.0}\n"], excerpt: "weights.json without tests.py (another rule reports the missing file)"),
        ])

    /// How many names a did-you-mean suggestion is chosen from (it costs an edit distance each).
    private static let suggestionPool = 200

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let table = WeightsTable(target), !target.testModules.isEmpty else { return }
        let tests = target.testModules.flatMap { module in module.parsed.testFunctions.map { (file: module.file, test: $0) } }
        var byName: [Substring: [Int]] = [:]
        for (index, entry) in tests.enumerated() { byName[entry.test.name[...], default: []].append(index) }
        let keys = table.entries.map { WeightsTable.parse(key: $0.key) }
        var weighted = Set<Int>()
        var matched: [Bool] = []
        for key in keys {
            let hits = (byName[key.name] ?? []).filter { index in
                WeightsTable.qualifiers(key.qualifiers, match: tests[index].test, inFile: tests[index].file.path)
            }
            weighted.formUnion(hits)
            matched.append(!hits.isEmpty)
        }
        let unweighted = tests.indices.filter { !weighted.contains($0) }.map { tests[$0] }
        let strayNames = keys.indices.filter { !matched[$0] }.prefix(Self.suggestionPool).map { String(keys[$0].name) }
        let unweightedNames = unweighted.prefix(Self.suggestionPool).map(\.test.name)
        for (index, entry) in table.entries.enumerated() where !matched[index] {
            var hint = "remove the entry or rename it after a test function in \(target.testFiles.map(\.path).joined(separator: ", "))"
            if let suggestion = EditDistance.suggestion(for: String(keys[index].name), among: unweightedNames) {
                hint = "did you mean '\(suggestion)'?"
            }
            sink.report(
                "\(table.file.path) gives a weight to '\(entry.key)', but no test function has that name", in: table.file,
                at: table.range(entry.keyRange), hint: hint)
        }
        for (file, test) in unweighted {
            var hint = "add \"\(test.name)\": <weight> to \(table.file.path) and keep the weights summing to 1"
            if let suggestion = EditDistance.suggestion(for: test.name, among: strayNames) {
                hint = "did you mean to name it '\(suggestion)' as in \(table.file.path), or rename that key?"
            }
            sink.report("\(test.qualifiedName) has no weight in \(table.file.path)", in: file, at: test.nameRange, hint: hint)
        }
    }
}
