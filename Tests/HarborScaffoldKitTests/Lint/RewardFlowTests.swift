import Testing
@testable import HarborScaffoldKit

/// The path analysis behind S101, one shell construct at a time.
@Suite struct RewardFlowTests {
    private static let reward = "/logs/verifier/reward.txt"

    /// `kind@line:column` of each leak of `body` (a shebang line is prepended).
    private func leaks(_ body: String) -> [String] {
        let text = "#!/bin/bash\n" + body
        let source = SourceText(path: "tests/test.sh", text: text)
        let script = ShellParser.parse(source.text)
        let flow = RewardFlow(script, rewards: RewardWrites(script))
        return flow.leaks.map { leak in
            let position = source.position(ofByte: leak.byteRange.lowerBound)
            return "\(leak.kind)@\(position.line):\(position.column)"
        }
    }

    @Test func andOrListsWriteOnBothOutcomes() {
        #expect(leaks("set -e\npytest && echo 1 > \(Self.reward) || echo 0 > \(Self.reward)\n").isEmpty)
        #expect(leaks("pytest && echo 1 > \(Self.reward)\n") == ["end@2:1"])
        #expect(leaks("pytest || echo 0 > \(Self.reward)\n") == ["end@2:1"])
    }

    @Test func ifNeedsEveryBranch() {
        #expect(leaks("if pytest; then echo 1 > \(Self.reward); elif [ -f x ]; then echo 0 > \(Self.reward); fi\n") == ["end@2:1"])
        #expect(leaks("if pytest; then echo 1 > \(Self.reward); elif [ -f x ]; then echo 0 > \(Self.reward); else echo 0 > \(Self.reward); fi\n").isEmpty)
        #expect(leaks("if true; then echo 1 > \(Self.reward); fi\n").isEmpty, "`true` never fails")
        #expect(leaks("if pytest; then echo 1; else echo 0; fi > \(Self.reward)\n").isEmpty, "the whole if is redirected")
    }

    @Test func caseNeedsADefaultItem() {
        let items = "case \"$r\" in\n  0) echo 1 > \(Self.reward) ;;\n  *) echo 0 > \(Self.reward) ;;\nesac\n"
        #expect(leaks("pytest; r=$?\n" + items).isEmpty)
        let noDefault = "case \"$r\" in\n  0) echo 1 > \(Self.reward) ;;\n  1) echo 0 > \(Self.reward) ;;\nesac\n"
        #expect(leaks("pytest; r=$?\n" + noDefault) == ["end@3:1"])
    }

    @Test func loopsMayNotRun() {
        #expect(leaks("for f in /tests/*.py; do pytest \"$f\" && echo 1 > \(Self.reward); done\n") == ["end@2:26"])
        #expect(leaks("for f in /tests/*.py; do echo 1 > \(Self.reward); done\n") == ["end@2:1"], "the loop may not run")
        #expect(leaks("while true; do\n  if pytest; then echo 1 > \(Self.reward); break; fi\n  sleep 1\ndone\n").isEmpty)
        #expect(leaks("until pytest; do sleep 1; done\necho 1 > \(Self.reward)\n").isEmpty)
    }

    @Test func exitsAndExecEndThePath() {
        #expect(leaks("pytest || { echo 0 > \(Self.reward); exit 0; }\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("[ -d /app ] || exit 2\necho 1 > \(Self.reward)\n") == ["exit@2:16"])
        #expect(leaks("exec pytest /tests\n") == ["exit@2:1"])
        #expect(leaks("( cd /app && exit 3 )\necho 1 > \(Self.reward)\n").isEmpty, "exit leaves only the subshell")
        #expect(leaks("set -e\n( cd /app && exit 3 )\necho 1 > \(Self.reward)\n") == ["exit@3:14"])
    }

    @Test func errexitFollowsSetAndConditions() {
        #expect(leaks("set -e\npytest || true\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -e\nset +e\npytest\nset -e\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -o errexit\nif ! pytest; then echo 0 > \(Self.reward); exit 0; fi\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -e\nOUT=$(pytest -q)\necho 1 > \(Self.reward)\n") == ["errexit@3:1"])
        #expect(leaks("set -e\nmkdir -p /logs/verifier\ncd /tests\necho 1 > \(Self.reward)\n").isEmpty, "reliable commands")
    }

    @Test func shebangOptionsTurnOnErrexit() {
        let text = "#!/bin/bash -e\npytest\necho 1 > \(Self.reward)\n"
        let script = ShellParser.parse(text)
        #expect(RewardFlow(script, rewards: RewardWrites(script)).leaks.map(\.kind) == [.errexit])
        #expect(RewardFlow.shebangSetsErrexit("#!/usr/bin/env -S bash -eu"))
        #expect(!RewardFlow.shebangSetsErrexit("#!/usr/bin/env bash"))
    }

    @Test func pipefailDecidesWhetherEarlierMembersCount() {
        #expect(leaks("set -e\npytest | tee /logs/verifier/out.txt\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -eo pipefail\npytest | tee /logs/verifier/out.txt\necho 1 > \(Self.reward)\n") == ["errexit@3:1"])
    }

    @Test func trapsCoverLaterPathsOnly() {
        let trap = "trap 'echo 0 > \(Self.reward)' EXIT\n"
        #expect(leaks("set -e\n" + trap + "pytest\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -e\npytest\n" + trap + "echo 1 > \(Self.reward)\n") == ["errexit@3:1"])
        #expect(leaks("set -e\ntrap 'echo 0 > \(Self.reward)' ERR\npytest\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -e\ntrap 'echo 0 > \(Self.reward)' ERR\nexit 1\n") == ["exit@4:1"], "ERR traps do not run on exit")
        #expect(leaks("set -e\n" + trap + "trap - EXIT\npytest\necho 1 > \(Self.reward)\n") == ["errexit@5:1"])
    }

    @Test func functionsAreFollowedAtTheirCalls() {
        let write = "LOGS=${HARBOR_VERIFIER_LOGS:-/logs/verifier}\nwrite() { echo \"$1\" > \"$LOGS/reward.txt\"; }\n"
        #expect(leaks(write + "pytest && write 1 || write 0\n").isEmpty)
        #expect(leaks(write + "fail() { echo \"$1\" >&2; exit 1; }\n[ -d /app ] || fail 'no app'\nwrite 1\n") == ["exit@4:25"])
        #expect(leaks(write + "finish() { write 0; }\ntrap finish EXIT\nset -e\npytest\nwrite 1\n").isEmpty)
        #expect(leaks("set -e\nrun() { pytest; }\nrun || true\necho 1 > \(Self.reward)\n").isEmpty, "errexit is off in a tested call")
        #expect(leaks("f() { f; }\nf\necho 1 > \(Self.reward)\n").isEmpty, "recursion is not followed")
    }

    @Test func rewardWritersAreRecognised() {
        #expect(leaks("cd /logs/verifier\necho 1 > reward.txt\n").isEmpty)
        #expect(leaks("REWARD_FILE=/logs/verifier/reward.json\necho '{\"reward\": 1}' > \"$REWARD_FILE\"\n").isEmpty)
        #expect(leaks("pytest | tee /logs/verifier/out.log\necho 1 | tee /logs/verifier/reward.txt\n").isEmpty)
        #expect(leaks("cp /tmp/score.json /logs/verifier/reward.json\n").isEmpty)
        #expect(leaks("python3 - <<'PY'\nopen('/logs/verifier/reward.json', 'w').write('{\"reward\": 1}')\nPY\n").isEmpty)
        #expect(leaks("cat > /tmp/grade.py <<'PY'\nopen('/logs/verifier/reward.txt', 'w').write('1')\nPY\npython3 /tmp/grade.py\n").isEmpty)
        #expect(leaks("python3 /tests/compute_reward.py\n").isEmpty)
        #expect(leaks("node -e \"require('fs').writeFileSync('/logs/verifier/reward.txt', '1')\"\n").isEmpty)
    }

    @Test func scriptsRunWithDashCAreShellsOfTheirOwn() {
        // Written on every path of the inner script, or on the path the outer one continues on.
        #expect(leaks("bash -c 'pytest; echo $? > \(Self.reward)'\n").isEmpty)
        #expect(leaks("bash -ec 'pytest; echo 1 > \(Self.reward)' || echo 0 > \(Self.reward)\n").isEmpty)
        #expect(leaks("bash -c 'trap \"echo 0 > \(Self.reward)\" EXIT; set -e; pytest; echo 1 > \(Self.reward)'\n").isEmpty)
        #expect(leaks("bash -c 'pytest && echo 1 > \(Self.reward)'\n") == ["end@2:1"], "the bash command is where paths part")
        #expect(leaks("pytest && sh -c 'echo 1 > \(Self.reward)'\n") == ["end@2:1"])
        // The inner shell starts without the outer set -e, and with its own options.
        #expect(leaks("set -e\nbash -c 'pytest || true'\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -e\nbash -c 'false; true'\necho 1 > \(Self.reward)\n").isEmpty)
        #expect(leaks("set -e\nbash -ec 'false; true'\necho 1 > \(Self.reward)\n") == ["errexit@3:1"])
        #expect(leaks("set -e\nbash -c 'exit 3'\necho 1 > \(Self.reward)\n") == ["errexit@3:1"])
        // Its exit ends only the inner shell.
        #expect(leaks("bash -c 'exit 1'\necho 1 > \(Self.reward)\n").isEmpty)
        // The inner script sees the outer variables and folder.
        #expect(leaks("OUT=\(Self.reward)\nbash -c \"echo 1 > $OUT\"\n").isEmpty)
        #expect(leaks("cd /logs/verifier\nsu -c 'echo 1 > reward.txt' app\n").isEmpty)
        // Wrappers that may run nothing.
        #expect(leaks("find /x -exec sh -c 'echo 1 > \(Self.reward)' \\;\n") == ["end@2:1"])
        #expect(leaks("find /x -exec tee \(Self.reward) \\; < /dev/null\n") == ["end@2:1"])
        #expect(leaks("find /x -exec cat {} \\; > \(Self.reward)\n").isEmpty, "the outer shell opens the redirection")
    }

    @Test func innerScriptsEndingsAreKnownBothWays() throws {
        func endings(_ text: String) -> (success: Bool?, failure: Bool?) {
            let script = ShellParser.parse(text)
            let endings = RewardFlow(script, rewards: RewardWrites(script), shellOptions: []).endings
            return (endings.success?.written, endings.failure?.written)
        }
        let write = "echo 1 > \(Self.reward)"
        #expect(endings("pytest && \(write)") == (true, false))
        #expect(endings("set -e; pytest; \(write)") == (true, false))
        #expect(endings("\(write); exit 2") == (nil, true))
        #expect(endings("pytest || exit 0; \(write)") == (false, nil), "`exit 0` succeeds; echo does not fail")
        #expect(endings("exit $rc") == (false, false))
        let writes = try #require(RewardWrites(ShellParser.parse("bash -c \"pytest && \(write)\"\n")).allWrites.first)
        #expect(writes.byteRange == 28..<53 && writes.constant == "1", "the target inside the quotes")
    }

    @Test func testingWhetherTheRewardExistsCountsAsKnowingItWasWritten() {
        let grade = "if command -v python3; then python3 /tests/grade.py --out \(Self.reward) || true; fi\n"
        #expect(leaks(grade + "if [ ! -s \(Self.reward) ]; then echo 0 > \(Self.reward); fi\nexit 0\n").isEmpty)
        #expect(leaks(grade + "[ -s \(Self.reward) ] || echo 0 > \(Self.reward)\n").isEmpty)
        #expect(leaks(grade + "if ! [[ -f \(Self.reward) ]]; then echo 0 > \(Self.reward); fi\n").isEmpty)
        #expect(leaks(grade + "if [ -s \(Self.reward) ]; then echo 0 > \(Self.reward); fi\n") == ["end@3:1"], "the test is the wrong way round")
    }

    @Test func readingTheRewardIsNotWritingIt() {
        let rewards = RewardWrites(ShellParser.parse(""))
        for text in ["cat /logs/verifier/reward.txt", "[ -s /logs/verifier/reward.txt ]", "rm -f /logs/verifier/reward.json",
            "touch /logs/verifier/reward.txt", ": > /logs/verifier/reward.txt", "echo /logs/verifier/reward.txt"]
        {
            let command = ShellParser.parse(text).commands[0]
            #expect(!rewards.writesReward(command), "\(text)")
        }
    }

    @Test func variablesResolveThroughDefaultsAndSelfReferences() {
        let script = ShellParser.parse("""
            LOGS="${LOGS:-${HARBOR_VERIFIER_LOGS:-/logs/verifier}}"
            export TESTS="$HARBOR_TESTS_DIR/unit"
            A=/x; A=/y
            B=$(pwd)
            """)
        let variables = ShellVariables(script)
        #expect(variables.resolve("$LOGS/reward.txt") == "/logs/verifier/reward.txt")
        #expect(variables.resolve("${TESTS}/test_a.py") == "/tests/unit/test_a.py")
        #expect(variables.resolve("$A") == nil, "two different values")
        #expect(variables.resolve("$B/x") == nil)
        #expect(variables.resolve("${UNSET%/}") == nil)
        #expect(variables.resolve("plain/$") == "plain/$")
        #expect(ContainerPath.normalize("/logs//verifier/./x/../reward.txt") == "/logs/verifier/reward.txt")
    }
}
