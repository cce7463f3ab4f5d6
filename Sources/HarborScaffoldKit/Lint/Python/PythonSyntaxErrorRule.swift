/// P001: a test file has a Python syntax error.
struct PythonSyntaxErrorRule: LintRule {
    static let description = RuleDescription(
        id: "P001", name: "python-syntax-error", title: "A test file has a Python syntax error",
        severity: .error,
        rationale: """
            The verifier runs the Python tests with pytest after the agent finishes. A file that does not \
            parse is a collection error: no test runs, and the task scores 0 however good the agent's work is \
            (or, if the verifier does not guard it, writes no reward at all and the trial fails).
            """,
        triggering: [
            RuleExample(files: ["tests.py": "def test_limit():\n    assert get('/api') == 429\n    print 'done'\n"]),
            RuleExample(files: ["tests.py": "def test_limit()\n    assert True\n"]),
            RuleExample(files: ["tests/test_outputs.py": "def test_report():\n    assert read(\"/app/out.csv) == 1\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": "def test_limit():\n    match status:\n        case 429:\n            pass\n"]),
            RuleExample(files: ["tests.py": "async def test_x():\n    assert (await f()) == f\"{1:>{width}}\"\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            for issue in module.syntaxIssues {
                sink.report(
                    "Python syntax error in \(file.path): \(issue.message)", in: file, at: issue.range,
                    hint: Self.hint(issue.kind))
            }
        }
    }

    private static func hint(_ kind: PythonSyntaxIssue.Kind) -> String {
        switch kind {
        case .unterminatedString, .unterminatedTripleQuotedString: return "close the string with the quote it opens with"
        case .invalidFString: return "double a literal brace ({{ or }}) and close every replacement field"
        case .unmatchedBracket, .mismatchedBracket, .eofInMultiLineStatement: return "balance the brackets"
        case .badLineContinuation: return "put nothing after a line-continuation backslash, or wrap the expression in parentheses"
        case .inconsistentDedent, .unexpectedIndent, .inconsistentTabs, .expectedIndentedBlock:
            return "indent with four spaces per level, never tabs"
        case .missingColon: return "end the block header with ':'"
        default: return "the file must be valid Python 3.12; run python -m py_compile on it"
        }
    }
}
