/// P101: the task's test files define no test function pytest would collect.
struct NoTestFunctionsRule: LintRule {
    static let description = RuleDescription(
        id: "P101", name: "no-test-functions", title: "The test files define no test pytest would collect",
        severity: .error,
        rationale: """
            The pipeline's data point has "1-3 weighted tests". pytest collects module-level `test*` \
            functions and `test*` methods of `Test*` classes (without `__init__`) or `TestCase` subclasses; \
            fixtures do not count. A file with none checks nothing, and Harbor's reward is then meaningless.
            """,
        triggering: [
            RuleExample(files: ["tests.py": "def check_limit():\n    assert get('/api') == 429\n"]),
            RuleExample(files: ["tests.py": "class TestLimits:\n    def __init__(self):\n        self.n = 1\n\n    def test_limit(self):\n        assert self.n\n"]),
            RuleExample(files: ["tests.py": "import pytest\n\n@pytest.fixture\ndef test_data():\n    return 1\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": "import unittest\n\nclass Limits(unittest.TestCase):\n    def test_limit(self):\n        self.assertEqual(f(), 429)\n"]),
            RuleExample(files: ["tests/test_a.py": "def helper():\n    pass\n", "tests/test_b.py": "def test_b():\n    assert f()\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let first = target.testModules.first,
            target.testModules.allSatisfy({ $0.parsed.testFunctions.isEmpty })
        else { return }
        let names = target.testFiles.map(\.path).joined(separator: ", ")
        sink.report(
            "\(names) \(target.testModules.count == 1 ? "defines" : "define") no test function pytest would collect",
            in: first.file, at: .line(1),
            hint: "name each check `def test_<aspect>():` at module level (or in a `Test*` class without __init__)")
    }
}
