import Testing
@testable import HarborScaffoldKit

@Suite struct PythonModuleTests {
    static let apiTests = #"""
    """Tests for the API server.

    They talk to \"localhost\" only.
    """
    import os, json as j
    import subprocess
    import sqlite3
    from pathlib import Path
    from time import sleep
    import pytest
    import requests as rq
    from unittest import TestCase

    BASE_URL = "http://localhost:8000"
    DB: str = '/app/data.db'

    @pytest.fixture
    def client():
        return rq.Session()

    @pytest.mark.parametrize("path,code", [("/health", 200), ("/missing", 404)])
    def test_status(client, path, code):
        '''Checks "status" codes; it\'s fine.'''
        r = rq.get(f"{BASE_URL}{path}", timeout=5)
        assert r.status_code == code, f"bad {r.status_code}"

    def test_db(tmp_path: Path) -> None:
        conn = sqlite3.connect(DB)
        rows = conn.execute("SELECT * FROM t").fetchall()
        assert len(rows) > 0
        out = subprocess.run(["ls", "-la"], capture_output=True, text=True)
        sleep(0.5)
        assert True

    class TestThings:
        url = BASE_URL + "/x"
        def test_a(self):
            pass
        async def test_b(self, *args, key=None, **kw):
            def helper(x):
                return x * 2
            if helper(2) != 4:
                pytest.fail("math")
        def helper(self): ...

    class Legacy(TestCase):
        def test_x(self):
            self.assertEqual(1, 1)

    def test_todo():
        raise NotImplementedError
    """#

    private let module = PythonTestSupport.module(PythonModuleTests.apiTests + "\n")

    private func function(_ qualifiedName: String) -> PythonFunction? {
        module.functions.first { $0.qualifiedName == qualifiedName }
    }

    @Test func readsARealisticPytestFileWithoutIssues() {
        #expect(module.syntaxIssues.isEmpty)
        #expect(module.docstring?.value == "Tests for the API server.\n\nThey talk to \"localhost\" only.\n")
        #expect(module.docstring?.range.start == SourcePosition(line: 1, column: 1))
        #expect(module.functions.map(\.qualifiedName) == [
            "client", "test_status", "test_db", "TestThings.test_a", "TestThings.test_b",
            "TestThings.test_b.<locals>.helper", "TestThings.helper", "Legacy.test_x", "test_todo",
        ])
        #expect(module.testFunctions.map(\.qualifiedName) == [
            "test_status", "test_db", "TestThings.test_a", "TestThings.test_b", "Legacy.test_x", "test_todo",
        ])
    }

    @Test func importsRecordNamesAliasesAndLines() {
        #expect(module.imports.map(\.boundName) == ["os", "j", "subprocess", "sqlite3", "Path", "sleep", "pytest", "rq", "TestCase"])
        #expect(module.imports.map(\.qualifiedName) == [
            "os", "json", "subprocess", "sqlite3", "pathlib.Path", "time.sleep", "pytest", "requests", "unittest.TestCase",
        ])
        #expect(module.imports.map(\.line) == [5, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(module.imports[1].module == "json" && module.imports[1].alias == "j" && module.imports[1].name == nil)
        #expect(module.imports[5].module == "time" && module.imports[5].name == "sleep")
    }

    @Test func moduleAssignmentsKeepLiteralValues() {
        #expect(module.assignments.map(\.target) == ["BASE_URL", "DB"])
        #expect(module.assignments[0].stringValue == "http://localhost:8000")
        #expect(module.assignments[0].line == 14)
        #expect(module.assignments[1].annotation == "str")
        #expect(module.assignments[1].value == "'/app/data.db'")
        #expect(module.stringLiterals.map(\.value).prefix(2) == ["http://localhost:8000", "/app/data.db"])
    }

    @Test func fixturesAndParametrizeDecorators() throws {
        let client = try #require(function("client"))
        #expect(client.isFixture)
        #expect(client.decorators.map(\.name) == ["pytest.fixture"])
        #expect(client.decorators.first?.isCall == false)
        #expect(client.calls.map(\.resolvedCallee) == ["requests.Session"])

        let status = try #require(function("test_status"))
        let parametrize = try #require(status.decorators.first)
        #expect(parametrize.name == "pytest.mark.parametrize")
        #expect(parametrize.isCall)
        #expect(parametrize.arguments.map(\.stringValue) == ["path,code", nil])
        #expect(parametrize.range.start == SourcePosition(line: 21, column: 1))
        #expect(status.parameterNames == ["client", "path", "code"])
        #expect(status.docstring?.value == "Checks \"status\" codes; it's fine.")
        #expect(status.nameRange.start == SourcePosition(line: 22, column: 5))
        #expect(status.range == SourceRange(start: SourcePosition(line: 22, column: 1), end: SourcePosition(line: 25, column: 57)))
        // The decorator is evaluated at module level.
        #expect(module.calls.map(\.callee) == ["pytest.mark.parametrize"])
        #expect(module.stringLiterals.map(\.value).contains("/missing"))
    }

    @Test func callsResolveThroughImportsWithArguments() throws {
        let status = try #require(function("test_status"))
        let get = try #require(status.calls.first)
        #expect(get.callee == "rq.get" && get.resolvedCallee == "requests.get")
        #expect(get.arguments.map(\.text) == ["f\"{BASE_URL}{path}\"", "5"])
        #expect(get.argument(named: "timeout")?.text == "5")
        #expect(get.stringArguments == ["{BASE_URL}{path}"])
        #expect(get.range == SourceRange(start: SourcePosition(line: 24, column: 9), end: SourcePosition(line: 24, column: 47)))
        #expect(get.calls("requests.get") && get.calls("get"))
        // Names inside f-string fields are references too.
        #expect(status.body.references("BASE_URL"))
        #expect(status.stringLiterals.first?.isFormatted == true)
    }

    @Test func bodySummaryOfADatabaseTest() throws {
        let test = try #require(function("test_db"))
        #expect(test.parameters.map(\.annotation) == ["Path"])
        #expect(test.statements == 6)
        #expect(test.calls.map(\.resolvedCallee) == [
            "sqlite3.connect", "conn.execute", "conn.execute().fetchall", "len", "subprocess.run", "time.sleep",
        ])
        #expect(test.calls[1].stringArguments == ["SELECT * FROM t"])
        #expect(test.calls[4].arguments.map(\.keyword) == [nil, "capture_output", "text"])
        #expect(test.asserts.map(\.condition) == ["len(rows) > 0", "True"])
        #expect(test.asserts.map(\.isTriviallyTrue) == [false, true])
        #expect(test.asserts[1].range.start == SourcePosition(line: 33, column: 5))
        #expect(test.hasAssertion)
        #expect(test.body.assignments.map(\.target) == ["conn", "rows", "out"])
    }

    @Test func classesMethodsAndNestedFunctions() throws {
        #expect(module.classes.map(\.name) == ["TestThings", "Legacy"])
        let things = module.classes[0]
        #expect(module.methods(of: things).map(\.name) == ["test_a", "test_b", "helper"])
        #expect(things.body.assignments.map(\.target) == ["url"])
        #expect(things.range == SourceRange(start: SourcePosition(line: 35, column: 1), end: SourcePosition(line: 44, column: 26)))
        #expect(module.classes[1].bases == ["TestCase"])

        let testA = try #require(function("TestThings.test_a"))
        #expect(testA.isOnlyPassOrEllipsisOrDocstring && !testA.hasAssertion)
        #expect(testA.enclosingClass == "TestThings" && testA.enclosingFunction == nil)

        let testB = try #require(function("TestThings.test_b"))
        #expect(testB.isAsync)
        #expect(testB.parameters.map(\.kind) == [.regular, .variadicPositional, .keywordOnly, .variadicKeyword])
        #expect(testB.parameters[2].hasDefault)
        #expect(testB.raises == [PythonRaise(kind: .failCall, exception: "pytest.fail", range: testB.calls[1].range)])
        #expect(testB.hasAssertion)

        let helper = try #require(function("TestThings.test_b.<locals>.helper"))
        #expect(helper.enclosingFunction == "test_b" && helper.enclosingClass == nil)
        #expect(helper.enclosingFunctionIndex == module.functions.firstIndex { $0.qualifiedName == "TestThings.test_b" })

        let legacy = try #require(function("Legacy.test_x"))
        #expect(legacy.hasAssertion && legacy.asserts.isEmpty)

        let todo = try #require(function("test_todo"))
        #expect(todo.raises.map(\.exception) == ["NotImplementedError"])
        #expect(todo.raises.first?.kind == .raiseStatement)
    }
}
