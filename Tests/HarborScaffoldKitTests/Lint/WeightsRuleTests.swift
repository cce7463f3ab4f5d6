import Testing
@testable import HarborScaffoldKit

/// The W rules, with exact positions, messages and hints.
@Suite struct WeightsRuleTests {
    private let tests = """
        def test_limit():
            assert f()


        class TestReset:
            def test_window(self):
                assert g()
        """

    private func findings(_ weights: String, _ select: String, tests: String? = nil) -> [String] {
        LintRuleTestSupport.findings(["tests.py": tests ?? self.tests, "weights.json": weights], select: [select])
    }

    @Test func invalidJSONPointsAtTheFirstProblem() {
        #expect(findings("{\n  \"test_limit\": 0.5,\n  \"test_window\": 0.5,\n}\n", "W001")
            == ["W001 weights.json:3:21 weights.json is not valid JSON: trailing comma before '}'"])
        #expect(findings("", "W001") == ["W001 weights.json:1:1 weights.json is not valid JSON: the file is empty; expected a JSON value"])
        #expect(findings("[0.5, 0.5]", "W001") == ["W001 weights.json:1:1 weights.json holds an array, not an object of test name → weight"])
    }

    @Test func everyValueThatIsNotANumberIsReported() {
        let diagnostics = LintRuleTestSupport.diagnostics(
            ["weights.json": "{\"a\": \"0.5\", \"b\": {\"x\": 1}, \"c\": true, \"a\": null, \"d\": 1e400}"], select: ["W001"])
        #expect(diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "1:7 the weight of 'a' is a string, not a number",
            "1:19 the weight of 'b' is an object, not a number",
            "1:34 the weight of 'c' is true, not a number",
            "1:40 'a' is given twice in weights.json; json.load keeps only the last weight",
            "1:45 the weight of 'a' is null, not a number",
            "1:56 the weight of 'd' is too large to be a number",
        ])
        #expect(diagnostics[0].hint == "remove the quotes: \"a\": 0.5")
    }

    @Test func mismatchesAreReportedBothWaysWithDidYouMean() {
        let found = LintRuleTestSupport.diagnostics(
            ["tests.py": tests, "weights.json": "{\"test_limits\": 0.5, \"TestReset::test_window\": 0.5}"], select: ["W101"])
        #expect(found.map { "\($0.path):\($0.line):\($0.column) \($0.message)" } == [
            "tests.py:1:5 test_limit has no weight in weights.json",
            "weights.json:1:2 weights.json gives a weight to 'test_limits', but no test function has that name",
        ])
        #expect(found.map(\.hint) == [
            "did you mean to name it 'test_limits' as in weights.json, or rename that key?", "did you mean 'test_limit'?",
        ])
        #expect(findings("{\"test_limit\": 0.5, \"TestReset.test_window\": 0.5}", "W101").isEmpty)
        #expect(findings("{\"tests.py::test_limit\": 0.5, \"tests.py::TestReset::test_window[x-1]\": 0.5}", "W101").isEmpty)
        #expect(findings("{\"test_limit\": 0.5, \"TestOther::test_window\": 0.5}", "W101").count == 2)
        #expect(findings("{\"other.py::test_limit\": 0.5, \"test_window\": 0.5}", "W101").count == 2)
    }

    @Test func weightsMustBePositiveAndSumToOne() {
        #expect(findings("{\"test_limit\": 1, \"test_window\": 0.0}", "W102")
            == ["W102 weights.json:1:34 the weight of 'test_window' is zero, so passing it never adds to the reward"])
        #expect(findings("{\"test_limit\": 0.7, \"test_window\": 0.2}", "W103")
            == ["W103 weights.json:1:1 the weights in weights.json sum to 0.9, not 1"])
        let hint = LintRuleTestSupport.diagnostics(["weights.json": "{\"a\": 60,\n \"b\": 40}"], select: ["W103"]).first?.hint
        #expect(hint == "divide each weight by 100 so they sum to 1")
        #expect(findings("  {\"test_limit\": 0.3333333, \"test_window\": 0.6666667}", "W103").isEmpty)
        #expect(findings("{\"test_limit\": 0.333, \"test_window\": 0.666}", "W103")
            == ["W103 weights.json:1:1 the weights in weights.json sum to 0.999, not 1"])
        #expect(findings("{\"test_limit\": 1.5, \"test_window\": -0.5}", "W103").isEmpty, "sums to 1; W102 reports the negative weight")
    }

    @Test func theHarborLayoutReadsTestsWeightsJSON() {
        let files = [
            "tests/test_outputs.py": "def test_a():\n    assert f()\n",
            "tests/weights.json": "{\"test_b\": 1}",
            "weights.json": "not read in a Harbor directory",
        ]
        #expect(LintRuleTestSupport.findings(files, select: ["W"]) == [
            "W101 tests/test_outputs.py:1:5 test_a has no weight in tests/weights.json",
            "W101 tests/weights.json:1:2 tests/weights.json gives a weight to 'test_b', but no test function has that name",
        ])
    }
}
