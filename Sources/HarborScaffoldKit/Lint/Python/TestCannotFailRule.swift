/// P103: a test cannot fail (it checks nothing), or, at the final stage, cannot pass (an
/// unconditional `pytest.fail`, `raise` or `assert False` left in its body).
struct TestCannotFailRule: LintRule {
    static let description = RuleDescription(
        id: "P103", name: "test-cannot-fail", title: "A test cannot fail, or at the final stage always fails",
        severity: .error,
        rationale: """
            A test must be able to tell a correct solution from a wrong one. A body of only `pass`, `...` or a \
            docstring, or of asserts on constants (`assert True`), always passes: harbor init's template test \
            `def test_outputs(): pass` is exactly that, and Harbor's behavior_in_tests criterion fails it. A \
            placeholder such as `pytest.fail(...)` can fail, so it is fine in a skeleton; at --stage final a test \
            whose body fails unconditionally can never pass (L002 reports those still marked \
            TODO(harbor-scaffold)).
            """,
        triggering: [
            RuleExample(files: ["tests.py": "def test_outputs():\n    pass\n"]),
            RuleExample(files: ["tests.py": "def test_limit():\n    \"\"\"429 past the limit.\"\"\"\n    assert True\n    assert (1, \"msg\")\n"]),
            RuleExample(files: ["tests.py": "import pytest\n\ndef test_limit():\n    \"\"\"429 past the limit.\"\"\"\n    pytest.fail(\"not written yet\")\n"], stage: .final),
            RuleExample(files: ["tests.py": "def test_limit():\n    status = get('/api')\n    assert False, status\n"], stage: .final),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": "import pytest\n\ndef test_limit():\n    \"\"\"429 past the limit.\"\"\"\n    pytest.fail(\"not written yet\")\n"]),
            RuleExample(files: ["tests.py": "import pytest\n\ndef test_limit():\n    pytest.fail(\"TODO(harbor-scaffold): write it\")\n"], stage: .final),
            RuleExample(files: ["tests.py": """
                import pytest

                def test_limit():
                    try:
                        parse("x")
                        pytest.fail("parse accepted x")
                    except ValueError:
                        pass


                def test_reset(client):
                    check_reset(client)


                def test_raises():
                    with pytest.raises(ValueError):
                        parse("x")
                """], stage: .final),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            var blocks: PythonBlocks?
            for test in module.testFunctions {
                if let problem = Self.cannotFail(test) {
                    sink.report(
                        "\(test.qualifiedName) \(problem), so it always passes", in: file, at: test.nameRange,
                        hint: "assert on the behaviour the prompt asks for, e.g. an HTTP status, a file's content or a command's output")
                    continue
                }
                guard target.stage == .final, !Self.holdsPlaceholder(test, file.source) else { continue }
                let failures = test.raises.map(\.range) + test.asserts.filter(\.isTriviallyFalse).map(\.range)
                guard !failures.isEmpty else { continue }
                if blocks == nil { blocks = PythonBlocks(module) }
                guard let blocks, let failure = failures.sorted(by: { $0.start < $1.start }).first(where: { range in
                    guard let token = blocks.token(at: range.start) else { return false }
                    return blocks.enclosingBlocks(ofToken: token).first?.keyword == .def
                }) else { continue }
                sink.report(
                    "\(test.qualifiedName) fails unconditionally here, so it can never pass", in: file, at: failure,
                    hint: "replace the placeholder failure with the real checks")
            }
        }
    }

    /// Why `test` cannot fail, or nil when it can: it makes no call at all (a call may raise or be a
    /// helper that asserts) and has no assert that is not trivially true, and no raise.
    static func cannotFail(_ test: PythonFunction) -> String? {
        guard !test.hasAssertion, test.calls.isEmpty else { return nil }
        if test.isOnlyPassOrEllipsisOrDocstring { return "has an empty body" }
        if !test.asserts.isEmpty { return "only asserts constants" }
        return "checks nothing"
    }

    private static let marker = Array(placeholderMarker.utf8)

    /// True when a line of `test` holds a TODO(harbor-scaffold) marker (L002 reports it).
    static func holdsPlaceholder(_ test: PythonFunction, _ source: SourceText) -> Bool {
        let first = max(1, test.range.start.line)
        let last = min(source.lineStarts.count, max(first, test.range.end.line))
        guard first <= last else { return false }
        let bytes = source.bytes[source.byteRange(ofLine: first).lowerBound..<source.byteRange(ofLine: last).upperBound]
        return ByteSearch.firstIndex(of: marker, in: bytes, from: bytes.startIndex) != nil
    }
}
