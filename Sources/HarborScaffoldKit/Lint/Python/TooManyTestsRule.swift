/// P102: the task has more than three test functions.
struct TooManyTestsRule: LintRule {
    static let description = RuleDescription(
        id: "P102", name: "too-many-tests", title: "The task has more than 3 test functions",
        severity: .error,
        rationale: """
            The pipeline's final data point "will have 1-3 weighted tests checking different aspects". More \
            test functions than that dilute the weights and usually split one aspect across tests. A \
            parametrized test counts once, as it has one weight.
            """,
        triggering: [
            RuleExample(files: ["tests.py": (1...4).map { "def test_\($0)():\n    assert f(\($0))\n" }.joined(separator: "\n\n")]),
            RuleExample(files: [
                "tests/test_api.py": "def test_a():\n    assert f()\n\n\ndef test_b():\n    assert g()\n",
                "tests/test_db.py": "class TestDb:\n    def test_c(self):\n        assert h()\n\n    def test_d(self):\n        assert i()\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": """
                import pytest

                @pytest.mark.parametrize("tenant", ["a", "b", "c", "d", "e"])
                def test_limit(tenant):
                    assert f(tenant)


                def test_reset():
                    assert g()


                def helper_test_data():
                    return [1, 2]


                @pytest.fixture
                def test_client():
                    return h()
                """]),
            RuleExample(files: ["tests.py": "def test_a():\n    def test_inner():\n        pass\n    assert f()\n"]),
        ])

    /// The most test functions a task may have.
    static let maximum = 3

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        let tests = target.testModules.flatMap { module in module.parsed.testFunctions.map { (module.file, $0) } }
        guard tests.count > Self.maximum else { return }
        let (file, extra) = tests[Self.maximum]
        let names = tests.map(\.1.name)
        let listed = names.count > 6 ? names.prefix(5).joined(separator: ", ") + ", …" : names.joined(separator: ", ")
        sink.report(
            "the task has \(tests.count) test functions (\(listed)); the pipeline wants 1–\(Self.maximum) weighted tests",
            in: file, at: extra.nameRange,
            hint: "merge the checks of one aspect into one test (several asserts are fine) and keep one weight per test")
    }
}
