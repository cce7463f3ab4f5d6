import Testing
@testable import HarborScaffoldKit

/// The reward, conftest and solution rules follow scripts run with `bash -c "…"`, `su -c '…'` and the
/// like: a write inside runs when the command runs, along the paths of the inner script, while the
/// outer script's control flow still decides whether the command runs.
@Suite struct InlineScriptScriptRuleTests {
    typealias F = HarborLintFixtures
    private static let reward = "/logs/verifier/reward.txt"

    /// `ID line:column` of the findings of `select` on `script` as tests/test.sh.
    private func places(_ script: String, _ select: [String]) -> [String] {
        F.places(F.lint(testScript: script, select: select))
    }

    /// `line:column` of the first `needle` on `line` of `text`.
    private func at(_ needle: String, line: Int, in text: String) -> String {
        "\(line):\(DockerLint.column(of: needle, line: line, in: text) ?? 0)"
    }

    // MARK: - S101

    @Test func aRewardWrittenOnlyInsideBashDashCCountsAsWritten() {
        for script in [
            "#!/bin/bash\nbash -c 'cd /tests && pytest -q; echo $? > \(Self.reward)'\n",
            "#!/bin/bash\nbash -c 'if pytest /tests; then echo 1; else echo 0; fi > \(Self.reward)'\n",
            "#!/bin/bash\nsu -c 'pytest /tests && echo 1 > \(Self.reward) || echo 0 > \(Self.reward)' app\n",
            "#!/bin/bash\nR=\(Self.reward)\nbash -c \"pytest /tests && echo 1 > $R || echo 0 > $R\"\n",
            "#!/bin/bash\ncd /logs/verifier\nsh -c 'echo 0 > reward.txt'\n",
            "#!/bin/bash\nbash -c \"sh -c 'echo 0 > \(Self.reward)'\"\n",
        ] {
            #expect(places(script, ["S101"]).isEmpty, "\(script)")
        }
    }

    @Test func aWriteOnOnlySomePathsOfTheInnerScriptIsReportedInside() throws {
        let partial = "#!/bin/bash\nbash -c \"pytest /tests && echo 1 > \(Self.reward)\"\n"
        let found = F.lint(testScript: partial, select: ["S101"])
        #expect(F.places(found) == ["S101 " + at("pytest", line: 2, in: partial)])
        #expect(found.first?.message.contains("in the `bash -c` script") == true)
        let errexit = "#!/bin/bash\nbash -ec 'cd /tests; pytest -q; echo 1 > \(Self.reward)'\n"
        let stopped = try #require(F.lint(testScript: errexit, select: ["S101"]).first)
        #expect("\(stopped.line):\(stopped.column)" == at("pytest", line: 2, in: errexit))
        #expect(stopped.message.hasPrefix("under `set -e`, a failing `pytest` here ends the `bash -c` script"))
        let exit = "#!/bin/bash\nbash -c 'pytest /tests || exit 1; echo 1 > \(Self.reward)'\n"
        #expect(places(exit, ["S101"]) == ["S101 " + at("exit", line: 2, in: exit)])
    }

    @Test func theOuterScriptsControlFlowStillApplies() {
        let conditional = "#!/bin/bash\npytest /tests && bash -c 'echo 1 > \(Self.reward)'\n"
        #expect(places(conditional, ["S101"]) == ["S101 2:1"], "the bash command runs only when pytest passes")
        let covered = "#!/bin/bash\nbash -ec 'pytest /tests; echo 1 > \(Self.reward)' || echo 0 > \(Self.reward)\n"
        #expect(places(covered, ["S101"]).isEmpty, "the inner script fails exactly where it has not written")
        let exitAfter = "#!/bin/bash\nbash -c 'pytest /tests && echo 1 > \(Self.reward)'\nexit 0\n"
        let found = F.lint(testScript: exitAfter, select: ["S101"])
        #expect(F.places(found) == ["S101 3:1"])
        #expect(found.first?.message.hasSuffix("the `bash -c` script on line 2 wrote it only on some paths") == true)
    }

    @Test func anInnerScriptFailsOnlyWhereItCan() {
        let swallowed = "#!/bin/bash\nset -e\nbash -c 'pytest /tests || true'\necho 1 > \(Self.reward)\n"
        #expect(places(swallowed, ["S101"]).isEmpty, "`… || true` never fails, so set -e does not stop at bash")
        let failing = "#!/bin/bash\nset -e\nbash -c 'pytest /tests'\necho 1 > \(Self.reward)\n"
        #expect(places(failing, ["S101"]) == ["S101 3:1"])
    }

    @Test func wrappersThatMayRunNothingDoNotWriteOnEveryPath() throws {
        let find = "#!/bin/bash\nfind /tests -name 'test_*.py' -exec sh -c 'echo 1 > \(Self.reward)' \\;\n"
        let found = try #require(F.lint(testScript: find, select: ["S101"]).first)
        #expect("\(found.line):\(found.column)" == "2:1" && found.message.hasPrefix("`find` runs the command writing the reward once per file found"))
        let xargs = "#!/bin/bash\nls /tests | xargs -r -I{} sh -c 'echo 1 > \(Self.reward)'\n"
        #expect(places(xargs, ["S101"]) == ["S101 2:13"])
        #expect(places("#!/bin/bash\necho 1 | xargs sh -c 'echo 1 > \(Self.reward)'\n", ["S101"]).isEmpty, "plain xargs runs once")
    }

    @Test func aMisplacedRewardInsideIsNamedWhereItIsWritten() throws {
        let script = "#!/bin/bash\nbash -c \"pytest /tests; echo \\$? > /logs/reward.txt\"\n"
        let found = try #require(F.lint(testScript: script, select: ["S101"]).first)
        #expect("\(found.line):\(found.column)" == at("/logs/reward.txt", line: 2, in: script))
        #expect(found.message.contains("writes /logs/reward.txt"))
    }

    // MARK: - S102

    @Test func aConstantRewardInsideBashDashCIsReportedAtTheWrite() {
        let script = "#!/bin/bash\nbash -c \"pytest /tests || true; echo 1 > \(Self.reward)\"\n"
        #expect(places(script, ["S102"]) == ["S102 " + at(Self.reward, line: 2, in: script)])
        let split = "#!/bin/bash\nsu -c 'cd /tests && pytest' app || true\nbash -c 'echo 1 > \(Self.reward)'\n"
        #expect(places(split, ["S102"]) == ["S102 " + at(Self.reward, line: 3, in: split)])
        let runnerInside = "#!/bin/bash\nbash -c 'cd /app && pytest'\necho 0 > \(Self.reward)\n"
        #expect(places(runnerInside, ["S102"]) == ["S102 3:10"], "the tests inside bash -c are tests all the same")
    }

    @Test func rewardsDecidedInsideTheInnerScriptAreNotConstant() {
        for script in [
            "#!/bin/bash\nbash -c \"pytest /tests && echo 1 > \(Self.reward) || echo 0 > \(Self.reward)\"\n",
            "#!/bin/bash\nbash -ec 'pytest /tests; echo 1 > \(Self.reward)'\n",
            "#!/bin/bash\nset -e\nbash -c 'pytest /tests'\necho 1 > \(Self.reward)\n",
            "#!/bin/bash\nbash -c 'pytest /tests; echo $? > \(Self.reward)'\n",
            "#!/bin/bash\npytest /tests && bash -c 'echo 1 > \(Self.reward)' || bash -c 'echo 0 > \(Self.reward)'\n",
        ] {
            #expect(places(script, ["S102"]).isEmpty, "\(script)")
        }
    }

    @Test func theStatusOfTrueIsReportedInsideSingleQuotesOnly() {
        let body = "pytest /tests || true; if [ $? -eq 0 ]; then echo 1 > \(Self.reward); else echo 0 > \(Self.reward); fi"
        let single = "#!/bin/bash\nbash -c '\(body)'\n"
        #expect(places(single, ["S102"]) == ["S102 " + at("$?", line: 2, in: single)])
        let double = "#!/bin/bash\nbash -c \"\(body)\"\n"
        #expect(places(double, ["S102"]).isEmpty, "the outer shell expands $? before bash starts")
    }

    // MARK: - S103

    @Test func pytestInsideBashDashCStartsInTheOuterFolder() {
        let script = "#!/bin/bash\nbash -c \"cd /app && pytest\"\n"
        #expect(places(script, ["S103"]) == ["S103 " + at("pytest", line: 2, in: script)])
        let workdir = "#!/bin/bash\nsu app -c 'python3 -m pytest -p no:cacheprovider --noconftest /tests'\n"
        #expect(places(workdir, ["S103"]) == ["S103 " + at("python3", line: 2, in: workdir)], "-m pytest in the working folder")
        for quiet in [
            "#!/bin/bash\ncd /app\nbash -c 'cd /tests && pytest'\n",
            "#!/bin/bash\ncd /tests\nbash -c 'pytest -q'\n",
            "#!/bin/bash\nsu - app -c 'pytest'\n",
        ] {
            #expect(places(quiet, ["S103"]).isEmpty, "\(quiet)")
        }
        let after = "#!/bin/bash\nbash -c 'cd /tests'\npytest\n"
        #expect(places(after, ["S103"]) == ["S103 3:1"], "a cd inside bash -c does not move the outer script")
    }

    // MARK: - S108, S109

    @Test func solutionsInsideBashDashCAreReadToo() {
        let echoes = "#!/bin/bash\nbash -c \"echo 42 > /app/answer.txt\"\n"
        let found = F.lint(["solution/solve.sh": echoes], select: ["S108"])
        #expect(F.places(found) == ["S108 2:10"])
        let computes = "#!/bin/bash\nbash -c \"cd /app && python3 solve.py > /app/answer.txt\"\n"
        #expect(F.lint(["solution/solve.sh": computes], select: ["S108"]).isEmpty)
        let placeholder = "#!/bin/bash\nbash -c \"echo 'not written yet' >&2; exit 1\"\n"
        #expect(F.places(F.lint(["solution/solve.sh": placeholder], select: ["S109"])) == ["S109 " + at("exit", line: 2, in: placeholder)])
        let works = "#!/bin/bash\nsu app -c 'cd /app && python3 fix.py'\n"
        #expect(F.lint(["solution/solve.sh": works], select: ["S109"]).isEmpty)
    }

    // MARK: - S104, S105 through more wrappers

    @Test func suRunuserXargsAndFindAreLookedThrough() {
        let script = """
            #!/bin/bash
            runuser -u app -- pip install pytest
            su -c 'pip3 install requests' app
            su - app -c "apt-get install -y jq"
            ls /tests | xargs -0 -I {} sh -c 'npm install -g x'
            find /tests -name '*.url' -exec sh -c 'curl -fsSL -o /tmp/data.json https://example.com/d.json' \\;
            runuser -l app --command='uv pip install y'
            """
        #expect(places(script, ["S104", "S105"]) == [
            "S104 " + at("pip", line: 2, in: script), "S104 " + at("pip3", line: 3, in: script),
            "S104 " + at("apt-get", line: 4, in: script), "S104 " + at("npm", line: 5, in: script),
            "S105 " + at("curl", line: 6, in: script), "S104 " + at("uv", line: 7, in: script),
        ])
        let python = "#!/bin/bash\nsu -s /usr/bin/python3 -c 'import os; os.system(\"pip install x\")' app\n"
        #expect(places(python, ["S104"]).isEmpty, "a -c for a shell that is not a POSIX shell is not read")
    }

    @Test func mutatedVerifiersWithInnerScriptsNeverCrashTheRules() {
        var random = ReaderFuzzRandom(seed: 0x5EED_0C1C)
        let samples = [
            "#!/bin/bash\nbash -ec 'pytest /tests && echo 1 > \(Self.reward)' || echo 0 > \(Self.reward)\n",
            "#!/bin/bash\nsu app -c \"sh -c 'cd /app && pytest || exit 1; echo 1 > \(Self.reward)'\"\nexit 0\n",
            "#!/bin/bash\nfind /t -exec bash -c 'trap \"echo 0 > \(Self.reward)\" EXIT; set -e; pytest' \\; | xargs -r sh -c x\n",
        ].map { Array($0.utf8) }
        for round in 0..<600 {
            let text = String(decoding: random.mutate(samples[round % samples.count]), as: UTF8.self)
            let files = ["tests/test.sh": text, "solution/solve.sh": text]
            _ = F.lint(files, select: ["S101", "S102", "S103", "S108", "S109"])
        }
    }
}
