import Testing
@testable import HarborScaffoldKit

/// The M rules, with exact positions and judged phrases.
@Suite struct PromptRuleTests {
    /// M102's findings on `prompt` (instruction.md when `tests` makes a Harbor directory) as `line:column quote`.
    private func mentions(_ prompt: String, tests: [String: String] = [:]) -> [String] {
        let name = tests.isEmpty ? "prompt.md" : "instruction.md"
        return LintRuleTestSupport.diagnostics([name: prompt].merging(tests) { $1 }, select: ["M102"]).map { diagnostic in
            let quote = diagnostic.message.split(separator: "'", maxSplits: 2).dropFirst().first ?? ""
            return "\(diagnostic.line):\(diagnostic.column) \(quote)"
        }
    }

    @Test func emptyPromptsIgnoreCommentsAndPlaceholders() {
        let diagnostics = LintRuleTestSupport.diagnostics(["prompt.md": "<!-- a\nb -->\n   \nTODO(harbor-scaffold): write\n"], select: ["M101"])
        #expect(diagnostics.map(\.message) == ["prompt.md holds only comments and placeholders, so the agent receives no task"])
        #expect(LintRuleTestSupport.findings(["prompt.md": "\n\n"], select: ["M101"]) == ["M101 prompt.md:1:1 prompt.md is empty, so the agent receives no task"])
        #expect(LintRuleTestSupport.findings(["prompt.md": "<!-- unclosed comment\n# Task\n"], select: ["M101"]).count == 1)
        #expect(LintRuleTestSupport.findings(["prompt.md": "<!-- x -->Fix it.\n"], select: ["M101"]).isEmpty)
        #expect(LintRuleTestSupport.findings(["tests.py": "def test_a():\n    assert f()\n"], select: ["M101"]).isEmpty, "no prompt: another rule")
    }

    @Test func verifierFilesAreJudgedByTheirFolder() {
        #expect(mentions("Run `pytest tests.py` and check weights.json.\nSee ./tests.py, /tests/test.sh and /logs/verifier/reward.txt.\n")
            == ["1:13 tests.py", "1:33 weights.json", "2:5 ./tests.py", "2:17 /tests/test.sh", "2:36 /logs/verifier/reward.txt"])
        #expect(mentions("Fix billing/tests.py and src/tests/test_api.py; save model weights to /app/model/weights.json.\n").isEmpty)
        let harbor = ["tests/test_outputs.py": "def test_a():\n    assert f()\n"]
        #expect(mentions("Make test_outputs.py and test_api.py pass.\n", tests: harbor) == ["1:6 test_outputs.py"])
    }

    @Test func phrasesAboutTheChecksAreJudgedInContext() {
        let leaks = """
            The hidden test suite sends bursts. Tests will also verify the headers.
            The test cases will be run twice. Your implementation will be evaluated on speed.
            Everything is checked by the grader. Our autograder will inspect logs.
            The verifier compares the output.
            """
        #expect(mentions(leaks) == [
            "1:5 hidden test suite", "1:37 Tests will also verify", "2:5 test cases will be run", "2:35 Your implementation will be evaluated",
            "3:23 by the grader", "3:38 Our autograder will", "4:1 The verifier compares",
        ])
        let fine = """
            Write tests that check the limiter; your tests will verify both tenants.
            The existing unit tests will check the old behaviour and must still pass.
            The JWT verifier rejects expired tokens; the verifier will reject them with 401.
            The grader service stores grades. `the_grader` is a module. Assignments are graded weekly.
            Currently the tests fail because the limiter counts keys.
            """
        #expect(mentions(fine).isEmpty)
    }

    @Test func shortFinalPromptsAreReportedWithTheirWordCount() {
        let short = "<!-- a long comment that does not count as prompt words at all, however many words it has -->\n# Fix the rate limiter\n\n- The limiter counts keys, not tenants.\n"
        #expect(LintRuleTestSupport.findings(["prompt.md": short], stage: .final, select: ["M103"])
            == ["M103 prompt.md:1:1 prompt.md has only 10 words, too few to describe a repository-level task"])
        #expect(LintRuleTestSupport.findings(["prompt.md": short], stage: .skeleton, select: ["M103"]).isEmpty)
    }
}
