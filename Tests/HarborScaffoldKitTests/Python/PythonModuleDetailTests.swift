import Testing
@testable import HarborScaffoldKit

@Suite struct PythonModuleDetailTests {
    private func module(_ text: String) -> PythonModule { PythonTestSupport.module(text) }

    @Test(arguments: [
        ("assert True", true, false), ("assert 1", true, false), ("assert 0.5", true, false), ("assert \"x\"", true, false),
        ("assert 'a' 'b'", true, false), ("assert not False", true, false), ("assert not None", true, false),
        ("assert (True)", true, false), ("assert (x, \"message\")", true, false), ("assert [1]", true, false),
        ("assert ...", true, false), ("assert not not 1", true, false),
        ("assert False", false, true), ("assert 0", false, true), ("assert 0x0", false, true), ("assert ''", false, true),
        ("assert None", false, true), ("assert ()", false, true), ("assert []", false, true), ("assert not True", false, true),
        ("assert x", false, false), ("assert x == 1", false, false), ("assert not x", false, false),
        ("assert f\"{x}\"", false, false), ("assert [y for y in z]", false, false), ("assert [*items]", false, false),
        ("assert True, 'always'", true, false), ("assert 1 == 1", false, false),
    ])
    func assertionTruth(_ line: String, _ alwaysTrue: Bool, _ alwaysFalse: Bool) throws {
        let test = try #require(module("def test_it():\n    \(line)\n").functions.first)
        let assertion = try #require(test.asserts.first)
        #expect(assertion.isTriviallyTrue == alwaysTrue)
        #expect(assertion.isTriviallyFalse == alwaysFalse)
        #expect(test.hasAssertion == !alwaysTrue)
    }

    @Test func assertionMessageAndRange() throws {
        let assertion = try #require(module("def test_it():\n    assert a == b, f\"{a} != {b}\"\n").functions.first?.asserts.first)
        #expect(assertion.condition == "a == b")
        #expect(assertion.message == "f\"{a} != {b}\"")
        #expect(assertion.range == SourceRange(start: SourcePosition(line: 2, column: 5), end: SourcePosition(line: 2, column: 33)))
    }

    @Test(arguments: [
        ("def test_a(): pass", true, 1), ("def test_a(): ...", true, 1), ("def test_a():\n    \"\"\"Doc.\"\"\"", true, 1),
        ("def test_a():\n    \"\"\"Doc.\"\"\"\n    pass", true, 2), ("def test_a():\n    pass; pass", true, 2),
        ("def test_a():\n    pass\n    x = 1", false, 2), ("def test_a():\n    if x:\n        pass", false, 2),
        ("def test_a():\n    def inner():\n        assert x\n    pass", false, 2), ("def test_a(): return", false, 1),
    ])
    func trivialBodies(_ source: String, _ trivial: Bool, _ statements: Int) throws {
        let test = try #require(module(source + "\n").functions.first)
        #expect(test.isOnlyPassOrEllipsisOrDocstring == trivial)
        #expect(test.statements == statements)
        #expect(test.asserts.isEmpty)  // a nested function's assert is its own
    }

    @Test func docstringsWithEscapedAndTripleQuotes() throws {
        let source = #"""
        class TestDocs:
            """Class doc with \"""escaped\""" quotes."""

            def test_one(self):
                r"""Raw \d doc."""
                assert self

            def test_two(self):
                'It\'s "quoted" and \'\'\'tripled\'\'\'.'
                assert self

            def test_three(self):
                f"""not a docstring {self}"""
                assert self

            def test_four(self):
                x = 1
                """not first"""
        """#
        let parsed = module(source + "\n")
        #expect(parsed.syntaxIssues.isEmpty)
        #expect(parsed.classes.first?.docstring?.value == "Class doc with \"\"\"escaped\"\"\" quotes.")
        #expect(parsed.functions.map { $0.docstring?.value } == [
            "Raw \\d doc.", "It's \"quoted\" and '''tripled'''.", nil, nil,
        ])
        #expect(parsed.functions[1].docstring?.range == SourceRange(start: SourcePosition(line: 9, column: 9),
                                                                    end: SourcePosition(line: 9, column: 50)))
        // Docstrings are not string literals of the body; the f-string is.
        #expect(parsed.functions[0].stringLiterals.isEmpty)
        #expect(parsed.functions[2].stringLiterals.map(\.value) == ["not a docstring {self}"])
    }

    @Test func networkCallsAndURLsAreVisible() {
        let source = """
        import requests, httpx, socket, urllib.request
        from datetime import datetime
        HOST = "127.0.0.1"

        def test_service():
            requests.post("http://localhost:8080/api/items", json={"name": "x"}, timeout=3)
            with httpx.Client(base_url=f"http://{HOST}:9000") as client:
                client.get("/health")
            urllib.request.urlopen("https://example.com/data.json")
            socket.create_connection(("db.internal", 5432))
            stamp = datetime.now().isoformat()
        """
        let parsed = module(source + "\n")
        #expect(parsed.syntaxIssues.isEmpty)
        let test = parsed.functions[0]
        #expect(test.calls.map(\.callee) == [
            "requests.post", "httpx.Client", "client.get", "urllib.request.urlopen", "socket.create_connection",
            "datetime.now", "datetime.now().isoformat",
        ])
        #expect(test.calls.map(\.resolvedCallee)[5] == "datetime.datetime.now")
        #expect(test.calls[0].stringArguments == ["http://localhost:8080/api/items"])
        #expect(test.calls[1].argument(named: "base_url")?.stringValue == "http://{HOST}:9000")
        #expect(test.stringLiterals.map(\.value).contains("https://example.com/data.json"))
        #expect(test.stringLiterals.map(\.value).contains("db.internal"))
        #expect(test.names.map(\.name).contains("HOST"))
        #expect(parsed.assignments.first?.stringValue == "127.0.0.1")
    }

    @Test func fileReadsAreVisible() throws {
        let source = """
        import json
        from pathlib import Path

        def test_output():
            with open("/app/output.json", encoding="utf-8") as handle:
                data = json.load(handle)
            text = Path("/app/report.txt").read_text()
            assert data["count"] == 3 and "ok" in text
        """
        let test = try #require(module(source + "\n").functions.first)
        #expect(test.calls.map(\.resolvedCallee) == ["open", "json.load", "pathlib.Path", "pathlib.Path().read_text"])
        #expect(test.calls[0].stringArguments == ["/app/output.json", "utf-8"])
        #expect(test.calls[0].range == SourceRange(start: SourcePosition(line: 5, column: 10),
                                                   end: SourcePosition(line: 5, column: 52)))
        #expect(test.calls[2].arguments.first?.stringValue == "/app/report.txt")
        #expect(test.stringLiterals.map(\.value) == ["/app/output.json", "utf-8", "/app/report.txt", "count", "ok"])
    }

    @Test func randomnessSleepAndClocks() throws {
        let source = """
        import random
        import numpy as np
        import time as t

        def test_shuffle():
            random.seed(42)
            np.random.seed(0)
            values = [random.randint(1, 6) for _ in range(3)]
            t.sleep(1)
            assert t.time() > 0
        """
        let test = try #require(module(source + "\n").functions.first)
        #expect(test.calls.map(\.resolvedCallee) == [
            "random.seed", "numpy.random.seed", "random.randint", "range", "time.sleep", "time.time",
        ])
        #expect(test.body.references("random.seed"))
        #expect(test.body.references("np"))
        #expect(!test.body.references("os"))
        #expect(test.calls[0].arguments.map(\.text) == ["42"])
    }

    @Test func importFormsAndResolution() {
        let source = """
        import os.path
        import numpy as np, pandas
        from . import helpers
        from ..pkg.mod import (
            a as b,
            c,
        )
        from x import *
        from pytest import fixture as fx
        def f():
            import json
        """
        let parsed = module(source + "\n")
        #expect(parsed.syntaxIssues.isEmpty)
        #expect(parsed.imports.map(\.boundName) == ["os", "np", "pandas", "helpers", "b", "c", "*", "fx", "json"])
        #expect(parsed.imports.map(\.qualifiedName) == [
            "os", "numpy", "pandas", ".helpers", "..pkg.mod.a", "..pkg.mod.c", "x.*", "pytest.fixture", "json",
        ])
        #expect(parsed.imports.map(\.line) == [1, 2, 2, 3, 5, 6, 8, 9, 11])
        #expect(parsed.resolve("np.random.seed") == "numpy.random.seed")
        #expect(parsed.resolve("os.path.join") == "os.path.join")
        #expect(parsed.resolve("fx") == "pytest.fixture")
        #expect(parsed.resolve("unknown.thing") == "unknown.thing")
    }

    @Test func fixtureDecoratorsInAllSpellings() {
        let source = """
        import pytest
        from pytest import fixture
        import pytest_asyncio

        @pytest.fixture(scope="module", autouse=True)
        def server(): yield 1

        @fixture
        def db(): return 2

        @pytest_asyncio.fixture
        async def client(): return 3

        def test_uses(server, db, client): assert server
        """
        let parsed = module(source + "\n")
        #expect(parsed.functions.map(\.isFixture) == [true, true, true, false])
        #expect(parsed.testFunctions.map(\.name) == ["test_uses"])
        let decorator = parsed.functions[0].decorators[0]
        #expect(decorator.isCall)
        #expect(decorator.arguments.map(\.keyword) == ["scope", "autouse"])
        #expect(decorator.arguments.first?.stringValue == "module")
        #expect(parsed.functions[1].decorators[0].resolvedName == "pytest.fixture")
        #expect(parsed.functions[0].hasDecorator("fixture"))
    }

    @Test func pytestCollectionRules() {
        let source = """
        class TestOuter:
            class TestInner:
                def test_deep(self): assert 1 == 1
            def test_outer(self): assert 1 == 1

        class TestWithInit:
            def __init__(self): pass
            def test_skipped(self): assert 1 == 1

        class Helper:
            def test_not_collected(self): assert 1 == 1

        class Checks(unittest.TestCase):
            def test_case(self): self.assertTrue(True)

        def make():
            def test_local(): assert 1 == 1
            class TestLocal:
                def test_local_method(self): pass

        def testing_prefix_counts(): pass
        """
        let parsed = module(source + "\n")
        #expect(parsed.syntaxIssues.isEmpty)
        #expect(parsed.testFunctions.map(\.qualifiedName) == [
            "TestOuter.TestInner.test_deep", "TestOuter.test_outer", "Checks.test_case", "testing_prefix_counts",
        ])
        #expect(parsed.classes.map(\.qualifiedName) == [
            "TestOuter", "TestOuter.TestInner", "TestWithInit", "Helper", "Checks", "make.<locals>.TestLocal",
        ])
        #expect(parsed.classes[1].enclosingClass == "TestOuter")
        #expect(parsed.classes[5].enclosingFunction == "make")
        #expect(parsed.isCollectedClass(0) && !parsed.isCollectedClass(2) && !parsed.isCollectedClass(5))
    }

    @Test func classHeadersWithKeywordsAndGenerics() {
        let parsed = module("class A[T](Base, mixins.M, metaclass=Meta, *extra):\n    x: int = 1\n")
        #expect(parsed.syntaxIssues.isEmpty)
        #expect(parsed.classes.first?.bases == ["Base", "mixins.M"])
        #expect(parsed.classes.first?.body.assignments.first?.annotation == "int")
        #expect(parsed.body.names.map(\.name) == ["Base", "mixins.M", "Meta", "extra"])
    }

    @Test func oneLineDefinitionsHaveRanges() {
        let parsed = module("def f(): return 1\nclass A: pass\nclass B: x = 1; y = 2\n")
        #expect(parsed.syntaxIssues.isEmpty)
        #expect(parsed.functions.first?.range == SourceRange(start: SourcePosition(line: 1, column: 1),
                                                             end: SourcePosition(line: 1, column: 18)))
        #expect(parsed.classes.map(\.range.end) == [SourcePosition(line: 2, column: 14), SourcePosition(line: 3, column: 22)])
        #expect(parsed.classes[1].body.assignments.map(\.target) == ["x", "y"])
        #expect(parsed.body.statements == 3)
    }

    @Test func matchStatementsAndMatchAsAName() {
        let source = """
        import re
        def test_match(command):
            match command.split():
                case [action]:
                    assert action
                case ["go", direction] if direction in {"n": 1}:
                    pass
                case Point(x=0, y=0) | {"k": _}:
                    return
                case _:
                    raise ValueError(command)
            match = re.match(r"a", "a")
            match.group(0)
            match: int = 1
            print(match)
        """
        let parsed = module(source + "\n")
        #expect(parsed.syntaxIssues.isEmpty)
        let test = parsed.functions[0]
        #expect(test.asserts.count == 1)
        #expect(test.raises.map(\.exception) == ["ValueError"])
        #expect(test.calls.map(\.callee).contains("re.match"))
        #expect(test.body.assignments.map(\.target) == ["match", "match"])
    }

    @Test func callsInsideFStringFieldsAndLambdas() throws {
        let source = """
        import os
        def test_env():
            key = lambda item, default=None: None
            url = f"http://{os.getenv('HOST', 'localhost')}:{port!r}/{f'{inner()}'}"
            assert url
        """
        let test = try #require(module(source + "\n").functions.first)
        #expect(test.calls.map(\.callee) == ["os.getenv", "inner"])
        #expect(test.calls[0].stringArguments == ["HOST", "localhost"])
        #expect(!test.names.map(\.name).contains("item"))  // lambda parameters are not references
        #expect(test.names.map(\.name).contains("port"))
        #expect(test.stringLiterals.map(\.value).contains("HOST"))
    }

    @Test func emptyAndCommentOnlyModules() {
        for text in ["", "\n", "# just a comment\n", "\"\"\"Only a docstring.\"\"\"\n"] {
            let parsed = module(text)
            #expect(parsed.syntaxIssues.isEmpty)
            #expect(parsed.functions.isEmpty && parsed.testFunctions.isEmpty)
        }
        #expect(module("\"\"\"Only a docstring.\"\"\"\n").docstring?.value == "Only a docstring.")
    }
}
