import Testing
@testable import HarborScaffoldKit

/// The P rules on tricky inputs, with exact positions and messages.
@Suite struct PythonTestRuleTests {
    private func findings(_ files: [String: String], stage: LintStage = .skeleton, _ select: String) -> [String] {
        LintRuleTestSupport.findings(files, stage: stage, select: [select])
    }

    private func tests(_ text: String, stage: LintStage = .skeleton, _ select: String) -> [String] {
        findings(["tests.py": text], stage: stage, select)
    }

    // MARK: P001

    @Test func syntaxErrorsAreReportedWhereCPythonPointsWithAHint() {
        let found = LintRuleTestSupport.diagnostics(["tests.py": "def test_a():\n    assert f(\n\n"], select: ["P001"])
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:13"])
        #expect(found.first?.message == "Python syntax error in tests.py: '(' was never closed")
        #expect(found.first?.hint == "balance the brackets")
        let tabs = LintRuleTestSupport.diagnostics(["tests.py": "def test_a():\n\tif x:\n        pass\n"], select: ["P001"])
        #expect(tabs.contains { $0.message.hasSuffix("inconsistent use of tabs and spaces in indentation") && $0.line == 3 })
        #expect(tests("def test_a():\n    print('ok')\n", "P001").isEmpty)
    }

    // MARK: P101, P102

    @Test func noTestsIsReportedOnceForAllTestFiles() {
        #expect(findings(["tests/test_a.py": "def helper():\n    pass\n", "tests/test_b.py": "X = 1\n"], "P101")
            == ["P101 tests/test_a.py:1:1 tests/test_a.py, tests/test_b.py define no test function pytest would collect"])
        #expect(findings(["tests/test.sh": "pytest\n"], "P101").isEmpty, "no Python test files: nothing to say")
        #expect(tests("async def test_a():\n    assert await f()\n", "P101").isEmpty)
        #expect(tests("class TestA(object):\n    def test_a(self):\n        assert f()\n", "P101").isEmpty)
        #expect(tests("def outer():\n    def test_inner():\n        assert f()\n", "P101").count == 1, "nested functions are not collected")
    }

    @Test func tooManyTestsPointsAtTheFirstExtraTestAndCountsEveryFile() {
        let four = (1...4).map { "def test_\($0)():\n    assert f(\($0))\n" }.joined(separator: "\n\n")
        #expect(tests(four, "P102")
            == ["P102 tests.py:13:5 the task has 4 test functions (test_1, test_2, test_3, test_4); the pipeline wants 1–3 weighted tests"])
        let eight = (1...8).map { "def test_\($0)():\n    assert f()\n" }.joined(separator: "\n")
        #expect(tests(eight, "P102").first?.contains("(test_1, test_2, test_3, test_4, test_5, …)") == true)
        #expect(tests("import unittest\n\nclass T(unittest.TestCase):\n" + (1...3).map { "    def test_\($0)(self):\n        self.assertTrue(f())\n" }.joined() + "\ndef test_4():\n    assert g()\n", "P102").count == 1)
    }

    // MARK: P103

    @Test func testsThatCannotFailAreNamedWithTheReason() {
        #expect(tests("def test_a():\n    \"\"\"Doc.\"\"\"\n    ...\n", "P103") == ["P103 tests.py:1:5 test_a has an empty body, so it always passes"])
        #expect(tests("def test_a():\n    assert True, 'ok'\n    assert not False\n", "P103") == ["P103 tests.py:1:5 test_a only asserts constants, so it always passes"])
        #expect(tests("def test_a():\n    x = 1\n    y = [x, 2]\n", "P103") == ["P103 tests.py:1:5 test_a checks nothing, so it always passes"])
        #expect(tests("class TestA:\n    def test_a(self):\n        pass\n", "P103") == ["P103 tests.py:2:9 TestA.test_a has an empty body, so it always passes"])
    }

    @Test func testsThatCanFailAreFine() {
        let fine = """
            import pytest

            def test_calls_a_helper():
                check_limits()

            def test_raises():
                raise NotImplementedError

            def test_assert_false_is_a_failure():
                assert False

            def test_uses_unittest_style(self_check):
                self_check.assertEqual(1, 2)

            @pytest.mark.skip(reason="later")
            def test_fixture_only(client):
                assert client
            """
        #expect(tests(fine, "P103").isEmpty)
    }

    @Test func atTheFinalStageOnlyUnconditionalFailuresWithoutAMarkerAreReported() {
        let text = """
            import pytest

            def test_placeholder():
                # TODO(harbor-scaffold): write it
                pytest.fail("not written")

            def test_conditional():
                status = get()
                if status != 200:
                    pytest.fail(f"got {status}")

            def test_in_loop():
                for item in items():
                    if not item:
                        raise AssertionError(item)

            def test_forgotten():
                status = get()
                assert status == 200
                raise NotImplementedError("more checks")

            def test_inline(): pytest.fail("x")

            class TestApi:
                def test_method(self):
                    assert False, "write me"
            """
        #expect(tests(text, stage: .final, "P103") == [
            "P103 tests.py:20:5 test_forgotten fails unconditionally here, so it can never pass",
            "P103 tests.py:22:20 test_inline fails unconditionally here, so it can never pass",
            "P103 tests.py:26:9 TestApi.test_method fails unconditionally here, so it can never pass",
        ])
        #expect(tests(text, stage: .skeleton, "P103").isEmpty)
    }

    // MARK: P104

    @Test func networkAccessFollowsConstantsFixturesAndHelpers() {
        let text = """
            import requests
            import pytest

            API = "https://api.stripe.com/v1"

            @pytest.fixture
            def remote():
                return "http://user:pw@10.0.0.5:8080/"

            def call(path):
                return requests.get(API + path)

            def test_charges(remote):
                session = requests.Session()
                assert session.get(remote + "charges").ok
                assert call("/charges")
                assert requests.post(url="https://[2001:db8::1]/x", json={"next": "https://example.com"})
                assert requests.get("http://localhost:8000", headers={"Referer": "https://example.org"})
            """
        #expect(tests(text, "P104") == [
            "P104 tests.py:4:7 the test reaches api.stripe.com outside the container; tests must run offline against local services",
            "P104 tests.py:8:12 the test reaches 10.0.0.5 outside the container; tests must run offline against local services",
            "P104 tests.py:17:30 the test reaches 2001:db8::1 outside the container; tests must run offline against local services",
        ])
    }

    @Test func subprocessAndSocketDestinationsCount() {
        let text = """
            import socket
            import subprocess

            def test_tools():
                subprocess.run(["curl", "-fsS", "https://pypi.org/simple/"], check=True)
                socket.getaddrinfo("github.com", 443)
                socket.create_connection(("redis", 6379))
                socket.create_connection(("127.0.0.1", 5432))
            """
        #expect(tests(text, "P104").map { String($0.prefix(40)) } == [
            "P104 tests.py:5:37 the test reaches pypi",
            "P104 tests.py:6:24 the test reaches gith",
        ])
    }

    // MARK: P105

    @Test func fixedSleepsAreReportedButPollingLoopsAreNot() {
        let text = """
            import time

            def wait_for(check):
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    if check():
                        return
                    time.sleep(0.5)

            @pytest.fixture
            def server():
                start_server()
                time.sleep(3)
                yield

            def test_reset():
                hit_limit()
                time.sleep(61)
                assert get() == 200

            def test_retry():
                for attempt in range(10):
                    try:
                        return fetch()
                    except OSError:
                        time.sleep(1)

            def test_paced():
                while True: time.sleep(1)
            """
        #expect(tests(text, "P105") == [
            "P105 tests.py:13:5 time.sleep(3) waits a fixed time instead of polling for the condition with a deadline",
            "P105 tests.py:18:5 time.sleep(61) waits a fixed time instead of polling for the condition with a deadline",
            "P105 tests.py:29:17 time.sleep(1) waits a fixed time instead of polling for the condition with a deadline",
        ])
    }

    // MARK: P106, P107

    @Test func randomDataNeedsASeedPerGenerator() {
        let text = """
            import random
            import secrets
            import numpy as np

            random.seed(7)

            def test_data():
                values = [random.random() for _ in range(3)]
                noise = np.random.normal(size=3)
                token = secrets.token_hex(8)
                rng = random.Random()
                assert f(values, noise, token, rng)
            """
        #expect(tests(text, "P106") == [
            "P106 tests.py:9:13 np.random.normal() draws from numpy's unseeded global generator, so each run tests different data",
            "P106 tests.py:10:13 secrets.token_hex() draws from the system's entropy, so each run tests different data",
            "P106 tests.py:11:11 random.Random() creates a generator without a seed, so each run tests different data",
        ])
    }

    @Test func wallClockCountsWhenAssertedOrCompared() {
        let text = """
            import time
            from datetime import datetime as dt

            def test_created_today():
                today = dt.now().date()
                record = create()
                assert record.created.date() == today
                elapsed = time.time()
                assert record

            def helper():
                assert dt.utcnow()

            def test_polls_with_the_wall_clock():
                end = time.monotonic() + 5
                while time.monotonic() < end and time.time_ns() > 0:
                    if ready():
                        log(time.time())
                        return
            """
        #expect(tests(text, "P107") == [
            "P107 tests.py:5:13 test_created_today asserts on the wall clock through dt.now(), which changes with the date, time zone and clock adjustments",
            "P107 tests.py:16:38 test_polls_with_the_wall_clock compares the wall clock through time.time_ns(), which changes with the date, time zone and clock adjustments",
        ])
    }

    // MARK: P108

    @Test func referencesAreComparedWithTheVisiblePrompt() {
        let files = [
            "prompt.md": "<!-- mentions /app/secret.csv only in a comment -->\nWrite `results/summary.json` and serve `/api/v2/report`.\n",
            "tests.py": """
                import json

                def test_outputs(client):
                    assert json.load(open("/app/results/summary.json"))
                    assert client.get("/api/v2/report?format=csv").status_code == 200
                    assert open("/app/secret.csv").read()
                    assert client.get("/api/v2/other/").ok
                    assert open("/app/secret.csv").read()
                    assert "/tmp/scratch.txt"
                    assert open("config.yaml")
                    assert b"/app/raw.bin"
                    assert re.fullmatch("/[a-z]+/\\d+", client.path) and "app.main:app" and "ops@example.com"
                """,
        ]
        #expect(findings(files, "P108") == [
            "P108 tests.py:6:17 the tests use the file '/app/secret.csv', which prompt.md never names",
            "P108 tests.py:7:23 the tests use the path '/api/v2/other', which prompt.md never names",
            "P108 tests.py:10:17 the tests use the file 'config.yaml', which prompt.md never names",
        ])
    }

    // MARK: P109, P110

    @Test func docstringsAndSolutionReads() {
        #expect(tests("def test_a():\n    # checks 429\n    assert f()\n", "P109") == ["P109 tests.py:1:5 test_a has no docstring saying which behaviour it checks"])
        #expect(tests("def test_a():\n    '''Checks 429.'''\n    assert f()\n", "P109").isEmpty)
        let solution = "import subprocess\n\ndef test_a():\n    assert subprocess.run('bash /solution/solve.sh', shell=True)\n    assert open('/app/solution.py')\n"
        #expect(tests(solution, "P110") == ["P110 tests.py:4:27 the tests read the reference solution ('bash /solution/solve.sh'), which only the oracle run has"])
    }

    // MARK: The scaffolded outline

    @Test func theScaffoldedOutlineIsCleanAtSkeletonAndOnlyHasPlaceholdersAtFinal() throws {
        let library = try BlueprintLibrary.builtIn()
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))
        let plan = try Scaffolder(library: library).plan(draft, taskID: "draft_dp_base")
        let files = Dictionary(uniqueKeysWithValues: plan.files.map { ($0.path, $0.content) })
        let mine = ["P", "W", "M"]
        #expect(LintRuleTestSupport.findings(files, stage: .skeleton, select: mine).isEmpty)
        #expect(LintRuleTestSupport.findings(files, stage: .final, select: mine).isEmpty)
        let final = LintRuleTestSupport.diagnostics(files, stage: .final, select: mine + ["L002"])
        #expect(!final.isEmpty && final.allSatisfy { $0.ruleID == "L002" })
    }
}
