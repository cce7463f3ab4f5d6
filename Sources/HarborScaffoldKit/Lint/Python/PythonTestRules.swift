extension LintRules {
    /// The Python test rules (P): `tests.py`, or `tests/test_*.py` in a Harbor directory.
    static let pythonTests: [any LintRule.Type] = [
        PythonSyntaxErrorRule.self, NoTestFunctionsRule.self, TooManyTestsRule.self, TestCannotFailRule.self,
        NetworkAccessRule.self, SleepWaitRule.self, UnseededRandomRule.self, WallClockRule.self,
        UnmentionedReferenceRule.self, TestWithoutDocstringRule.self, TestReadsSolutionRule.self,
    ]
}
