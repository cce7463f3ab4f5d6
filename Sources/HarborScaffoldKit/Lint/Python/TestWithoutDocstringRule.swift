/// P109: a test function has no docstring.
struct TestWithoutDocstringRule: LintRule {
    static let description = RuleDescription(
        id: "P109", name: "test-without-docstring", title: "A test function has no docstring",
        severity: .info,
        rationale: """
            Harbor's informative_test_structure criterion asks that each test make clear which behaviour it \
            checks. A one-line docstring per test does that for reviewers and for the rubric, and the scaffolded \
            outline starts every test with one.
            """,
        triggering: [
            RuleExample(files: ["tests.py": "def test_limit():\n    assert get('/api') == 429\n"]),
            RuleExample(files: ["tests.py": "class TestLimits:\n    def test_limit(self):\n        # 429 past the limit\n        assert get('/api') == 429\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": "def test_limit():\n    \"\"\"Requests past the tenant's limit get 429.\"\"\"\n    assert get('/api') == 429\n"]),
            RuleExample(files: ["tests.py": "def helper():\n    return 1\n\n\nasync def test_limit():\n    r'''Raw docstring.'''\n    assert await f()\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            for test in module.testFunctions where test.docstring == nil {
                sink.report(
                    "\(test.qualifiedName) has no docstring saying which behaviour it checks", in: file, at: test.nameRange,
                    hint: "start the body with a one-line docstring, e.g. \"\"\"Requests past the limit get 429.\"\"\"")
            }
        }
    }
}
