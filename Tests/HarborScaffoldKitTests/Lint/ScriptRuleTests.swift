import Foundation
import Testing
@testable import HarborScaffoldKit

/// The S rules on realistic verifier and solution scripts.
@Suite struct ScriptRuleTests {
    typealias F = HarborLintFixtures

    @Test(arguments: [F.generatedTestScript, F.generatedStrictTestScript, F.harborPytestTestScript])
    func correctVerifiersAreQuietUnderEveryScriptRule(_ script: String) {
        let found = F.lint(testScript: script, select: ["S"])
        #expect(found.isEmpty, "\(found.map { "\($0.ruleID) \($0.line):\($0.column) \($0.message)" })")
    }

    @Test func theGeneratedTaskIsCleanUnderEveryHarborAndScriptRule() {
        let found = F.lint(F.generatedTask, select: ["S", "T"])
        #expect(found.isEmpty, "\(found.map { "\($0.ruleID) \($0.path):\($0.line) \($0.message)" })")
    }

    @Test func theGeneratedScriptIsQuietWhateverItsLineEndingsAreNormalisedTo() {
        // The same script parsed after CRLF normalisation only adds the CRLF finding.
        let crlf = F.generatedTestScript.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(F.places(F.lint(testScript: crlf, select: ["S"])) == ["S106 1:1"])
    }

    // MARK: - S101

    @Test func setEStoppingBeforeTheRewardIsReportedAtTheFailingCommand() throws {
        let found = F.lint(testScript: F.errexitTestScript, select: ["S101"])
        #expect(F.places(found) == ["S101 5:1"])
        let message = try #require(found.first?.message)
        #expect(message.contains("`set -e`") && message.contains("`pytest`"))
    }

    @Test func laterFailingCommandsAreCountedInOneFinding() throws {
        let script = "#!/bin/bash\nset -e\npytest /tests/a\npython3 /tests/check.py\ndiff /app/out.txt /tests/expected.txt\necho 1 > /logs/verifier/reward.txt\n"
        let found = F.lint(testScript: script, select: ["S101"])
        #expect(F.places(found) == ["S101 3:1"])
        #expect(found.first?.message.contains("(and 2 later commands)") == true)
    }

    @Test func aVerifierThatNeverWritesTheRewardIsReportedOnce() {
        #expect(F.places(F.lint(testScript: F.harborInitTestScript, select: ["S101"])) == ["S101 1:1"])
        #expect(F.places(F.lint(testScript: "", select: ["S101"])) == ["S101 1:1"])
    }

    @Test func aRewardWrittenToTheWrongPlaceIsNamed() throws {
        let script = "#!/bin/bash\nOUT=/tmp\npytest /tests && echo 1 > \"$OUT/reward.txt\"\n"
        let found = F.lint(testScript: script, select: ["S101"])
        #expect(F.places(found) == ["S101 3:27"])
        #expect(try #require(found.first).message.contains("/tmp/reward.txt"))
        let plural = F.lint(testScript: "#!/bin/bash\necho '{\"reward\": 1}' > /logs/verifier/rewards.json\n", select: ["S101"])
        #expect(plural.first?.message.contains("/logs/verifier/rewards.json") == true)
    }

    @Test func aWriteInOnlyOneBranchIsReportedAtTheIf() throws {
        let found = F.lint(testScript: F.oneBranchTestScript, select: ["S101"])
        #expect(F.places(found) == ["S101 3:1"])
        #expect(try #require(found.first).message.contains("this `if`"))
    }

    @Test func anExitBeforeTheWriteIsReportedAtTheExit() {
        #expect(F.places(F.lint(testScript: F.earlyExitTestScript, select: ["S101"])) == ["S101 3:29"])
    }

    @Test func harborsOwnTemplatesWriteTheRewardOnEveryPath() {
        #expect(F.lint(testScript: F.harborPytestTestScript, select: ["S101"]).isEmpty)
        #expect(F.lint(testScript: F.harborSharedPytestTestScript, select: ["S101"]).isEmpty)
    }

    @Test func theReaderSampleVerifierIsCaughtUnderSetE() throws {
        let found = F.lint(testScript: HarborShellSamples.testScript, select: ["S101"])
        // apt-get install is the first command whose failure stops the script (its update is tested by `&&`).
        #expect(F.places(found) == ["S101 8:23"])
        #expect(try #require(found.first).message.contains("later command"))
    }

    // MARK: - S102

    @Test func aConstantRewardAfterSwallowedTestsIsReported() throws {
        let found = F.lint(testScript: F.constantRewardTestScript, select: ["S102"])
        #expect(F.places(found) == ["S102 4:10"])
        #expect(try #require(found.first).message.contains("always `1`"))
    }

    @Test func statusOfTrueIsReportedWhereItIsRead() {
        let script = "#!/bin/bash\npytest /tests || true\nrc=$?\nif [ \"$rc\" -eq 0 ]; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n"
        #expect(F.places(F.lint(testScript: script, select: ["S102"])) == ["S102 3:1"])
    }

    @Test func computedOrConditionalRewardsAreNotConstant() {
        for script in [
            "#!/bin/bash\npytest /tests || true\npython3 /tests/score.py > /logs/verifier/reward.txt\n",
            "#!/bin/bash\npytest /tests\necho $? > /logs/verifier/reward.txt\n",
            "#!/bin/bash\necho 1 > /logs/verifier/reward.txt\n",
        ] {
            #expect(F.lint(testScript: script, select: ["S102"]).isEmpty, "\(script)")
        }
    }

    // MARK: - S103

    @Test func pytestInTheAgentsRepositoryIsReportedTwice() {
        // Once for conftest.py and the cache, once for sys.path.
        let found = F.lint(testScript: F.agentFolderTestScript, select: ["S103"])
        #expect(F.places(found) == ["S103 3:1", "S103 3:1"])
    }

    @Test func relativeTestPathsFollowTheWorkingFolder() {
        let fromTests = "#!/bin/bash\ncd /tests\npytest test_outputs.py\n"
        #expect(F.lint(testScript: fromTests, select: ["S103"]).isEmpty)
        let fromApp = "#!/bin/bash\ncd /tests\ncd ../app\npytest test_outputs.py\n"
        #expect(F.lint(testScript: fromApp, select: ["S103"]).first?.message.contains("/app/test_outputs.py") == true)
        let unknown = "#!/bin/bash\ncd \"$(mktemp -d)\"\npytest test_outputs.py\n"
        #expect(F.lint(testScript: unknown, select: ["S103"]).isEmpty)
    }

    @Test func launchersAreLookedThrough() {
        let script = "#!/bin/bash\ncd /app\ntimeout 600 uv run --with pytest==8.3.4 pytest tests\n"
        #expect(F.places(F.lint(testScript: script, select: ["S103"])) == ["S103 3:41"])
        let safe = "#!/bin/bash\ncd /app\nPYTHONSAFEPATH=1 python3 -m pytest -p no:cacheprovider --noconftest /tests\n"
        #expect(F.lint(testScript: safe, select: ["S103"]).isEmpty)
    }

    // MARK: - S104 and S105

    @Test func harborsSharedTemplateInstallsAndDownloadsWhileGrading() {
        let found = F.lint(testScript: F.harborSharedPytestTestScript, select: ["S104", "S105"])
        #expect(F.places(found) == ["S104 5:1", "S104 6:1", "S105 8:1", "S104 13:4"])
    }

    @Test func installsInsideSubstitutionsAndWrappersAreFound() {
        let script = "#!/bin/bash\nLOG=$(pip3 install -q pytest 2>&1)\nsudo -E npm ci\n"
        #expect(F.places(F.lint(testScript: script, select: ["S104"])) == ["S104 2:7", "S104 3:9"])
    }

    @Test func downloadsAreDistinguishedFromProbes() {
        let probes = "#!/bin/bash\ncurl -sf https://api.example.com/health\nwget --spider https://example.com\ncurl -o /tmp/x http://127.0.0.1:8080/x\n"
        #expect(F.lint(testScript: probes, select: ["S105"]).isEmpty)
        let downloads = "#!/bin/bash\ncurl -s https://example.com/data.csv > /tmp/data.csv\nwget -qO- https://get.example.com | bash\ngit clone git@github.com:acme/x.git\n"
        #expect(F.places(F.lint(testScript: downloads, select: ["S105"])) == ["S105 2:1", "S105 3:1", "S105 4:1"])
    }

    // MARK: - S106 and S107

    @Test func crlfAndShebangProblemsAreReportedForBothScripts() {
        let files = [
            "tests/test.sh": "echo 1 > /logs/verifier/reward.txt\r\n",
            "solution/solve.sh": "#!/bin/bash\r\ncd /app\r\n",
        ]
        let found = F.lint(files, select: ["S106", "S107"])
        #expect(found.map { "\($0.ruleID) \($0.path)" } == ["S106 solution/solve.sh", "S106 tests/test.sh", "S107 tests/test.sh"])
        #expect(found.first?.message.contains("`/bin/bash\\r`") == true)
    }

    // MARK: - S108 and S109

    @Test func solutionsThatComputeAreNotHardcoded() {
        let solutions = [
            "#!/bin/bash\ncd /app\ngit apply /solution/fix.patch\n",
            "#!/bin/bash\ncat > /app/config.yaml <<'EOF'\nworkers: 4\nEOF\n",
            "#!/bin/bash\necho 'fixing' >&2\nsed -i 's/a/b/' /app/x.py\n",
            "#!/bin/bash\necho \"$(python3 /app/count.py)\" > /app/answer.txt\n",
        ]
        for solution in solutions {
            #expect(F.lint(["solution/solve.sh": solution], select: ["S108"]).isEmpty, "\(solution)")
        }
    }

    @Test func placeholderSolutionsMatterOnlyAtTheFinalStage() {
        let files = ["solution/solve.sh": F.harborInitSolveScript]
        #expect(F.lint(files, select: ["S109"], stage: .skeleton).isEmpty)
        #expect(F.places(F.lint(files, select: ["S109"], stage: .final)) == ["S109 1:1"])
    }

    // MARK: - Robustness and speed

    @Test func mutatedScriptsNeverCrashTheScriptRules() {
        var random = ReaderFuzzRandom(seed: 0x5C41_7001)
        let samples = [F.generatedTestScript, F.errexitTestScript, F.harborSharedPytestTestScript, F.earlyExitTestScript]
            .map { Array($0.utf8) }
        var total = 0
        for round in 0..<400 {
            let text = String(decoding: random.mutate(samples[round % samples.count]), as: UTF8.self)
            total += F.lint(["tests/test.sh": text, "solution/solve.sh": text], select: ["S"]).count
        }
        #expect(total > 0)
    }

    @Test func pathologicalNestingStaysFastAndSafe() {
        let depth = 3000
        let nested = String(repeating: "if true; then\n", count: depth) + "echo 1 > /logs/verifier/reward.txt\n"
            + String(repeating: "fi\n", count: depth)
        let calls = (0..<200).map { "f\($0)() { f\($0 + 1); f\($0 + 1); }\n" }.joined() + "f0\n"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for script in [nested, calls, String(repeating: "$(", count: 500)] {
                _ = F.lint(testScript: "#!/bin/bash\nset -e\n" + script + "\necho 1 > /logs/verifier/reward.txt\n", select: ["S"])
            }
        }
        #expect(elapsed < .seconds(10))
    }

    @Test func aThousandTasksLintQuickly() {
        let targets = (0..<1000).map { index in
            LintTarget(
                layout: .harbor, stage: .final, displayRoot: "task-\(index)",
                contents: index.isMultiple(of: 2) ? F.generatedTask : ["tests/test.sh": F.harborSharedPytestTestScript, "task.toml": F.harborInitTaskTOML])
        }
        let linter = Linter(selection: RuleSelection(select: ["S", "T"]))
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            for target in targets { count += linter.lint(target).count }
        }
        #expect(count > 0)
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
