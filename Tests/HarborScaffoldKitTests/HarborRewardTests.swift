import Foundation
import Testing
@testable import HarborScaffoldKit

/// The generated `tests/test.sh`, run for real with bash, python3 and pytest outside a container
/// (HARBOR_TESTS_DIR and HARBOR_VERIFIER_LOGS point at scratch folders), against test files whose
/// outcomes are known.
@Suite(.serialized) struct HarborRewardTests {
    static let script: String = {
        let library = try! BlueprintLibrary.builtIn()
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))
        let plan = try! HarborLayoutScaffolder(library: library).plan(draft, taskID: "draft_dp_reward")
        return plan.files.first { $0.path == "tests/test.sh" }!.content
    }()

    static let weights = #"{"test_first": 0.5, "test_second": 0.3, "test_third": 0.2}"#

    /// Three tests; those named in `failing` fail.
    static func tests(failing: Set<String> = []) -> String {
        ["test_first", "test_second", "test_third"].map { name in
            "def \(name)():\n    assert \(failing.contains(name) ? "False" : "True")\n"
        }.joined(separator: "\n\n")
    }

    struct Outcome {
        let status: Int32
        let output: String
        let rewardJSON: [String: Double]?
        let rewardText: String?
        let seconds: Double
    }

    /// Writes `files` into a scratch tests folder with test.sh, runs it, and reads the reward files.
    static func run(
        _ files: [String: String], environment extra: [String: String] = [:], testsFolderExists: Bool = true,
        relativePaths: Bool = false
    ) throws -> Outcome {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hs-reward-\(UUID().uuidString)").path
        let tests = root + "/tests"
        let logs = root + "/logs/verifier"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let scriptPath = root + "/test.sh"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        if testsFolderExists {
            try FileManager.default.createDirectory(atPath: tests, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(toFile: tests + "/" + name, atomically: true, encoding: .utf8) }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [scriptPath]
        var environment = ProcessInfo.processInfo.environment
        environment["HARBOR_TESTS_DIR"] = relativePaths ? "tests" : tests
        environment["HARBOR_VERIFIER_LOGS"] = relativePaths ? "logs/verifier" : logs
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let start = Date()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = (try? Data(contentsOf: URL(fileURLWithPath: logs + "/reward.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Double] }
        let text = try? String(contentsOfFile: logs + "/reward.txt", encoding: .utf8)
        return Outcome(
            status: process.terminationStatus, output: String(decoding: data, as: UTF8.self), rewardJSON: json, rewardText: text,
            seconds: Date().timeIntervalSince(start))
    }

    @Test func weightsHalfThreeTenthsAndOneFifthWithTheSecondFailingGiveSevenTenths() throws {
        let outcome = try Self.run(["test_outputs.py": Self.tests(failing: ["test_second"]), "weights.json": Self.weights])
        let json = try #require(outcome.rewardJSON, "no reward.json:\n\(outcome.output)")
        #expect(json == ["test_first": 1.0, "test_second": 0.0, "test_third": 1.0, "reward": 0.7], "\(outcome.output)")
        #expect(outcome.rewardText == "0.7\n")
        #expect(outcome.status == 0)
    }

    @Test func relativeFoldersAreReadFromTheCurrentDirectory() throws {
        let outcome = try Self.run(["test_outputs.py": Self.tests(failing: ["test_second"]), "weights.json": Self.weights], relativePaths: true)
        #expect(outcome.rewardJSON?["reward"] == 0.7, "\(outcome.output)")
    }

    @Test func allPassingGivesOne() throws {
        let outcome = try Self.run(["test_outputs.py": Self.tests(), "weights.json": Self.weights])
        #expect(outcome.rewardJSON == ["test_first": 1.0, "test_second": 1.0, "test_third": 1.0, "reward": 1.0], "\(outcome.output)")
        #expect(outcome.rewardText == "1.0\n")
    }

    @Test func allFailingGivesZeroWithOneKeyPerTest() throws {
        let failing: Set = ["test_first", "test_second", "test_third"]
        let outcome = try Self.run(["test_outputs.py": Self.tests(failing: failing), "weights.json": Self.weights])
        #expect(outcome.rewardJSON == ["test_first": 0, "test_second": 0, "test_third": 0, "reward": 0], "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
    }

    @Test func aSyntaxErrorGivesZero() throws {
        let broken = Self.tests() + "\n\ndef test_broken(:\n    pass\n"
        let outcome = try Self.run(["test_outputs.py": broken, "weights.json": Self.weights])
        #expect(outcome.rewardJSON == ["test_first": 0, "test_second": 0, "test_third": 0, "reward": 0], "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
        #expect(outcome.output.contains("pytest exited with status 2"))
    }

    @Test func anEmptyTestFileGivesZero() throws {
        let outcome = try Self.run(["test_outputs.py": "", "weights.json": Self.weights])
        #expect(outcome.rewardJSON == ["test_first": 0, "test_second": 0, "test_third": 0, "reward": 0], "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
        #expect(outcome.output.contains("pytest exited with status 5"))
    }

    @Test func pytestKilledMidRunGivesZero() throws {
        let crashing = Self.tests() + "\n\ndef test_zz_crash():\n    import os, signal\n    os.kill(os.getpid(), signal.SIGKILL)\n"
        let outcome = try Self.run(["test_outputs.py": crashing, "weights.json": Self.weights])
        #expect(outcome.rewardJSON?["reward"] == 0, "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
    }

    @Test func aTestThatExitsThePythonProcessEarlyGivesZero() throws {
        let exiting = "import os\n\n\ndef test_first():\n    os._exit(0)\n"
        let outcome = try Self.run(["test_outputs.py": exiting, "weights.json": Self.weights])
        #expect(outcome.rewardJSON?["reward"] == 0, "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
    }

    @Test func aHungTestIsStoppedByTheTimeoutAndGivesZero() throws {
        let hanging = Self.tests() + "\n\ndef test_zz_hang():\n    import time\n    time.sleep(120)\n"
        let outcome = try Self.run(["test_outputs.py": hanging, "weights.json": Self.weights], environment: ["HARBOR_PYTEST_TIMEOUT": "3"])
        #expect(outcome.rewardJSON == ["test_first": 0, "test_second": 0, "test_third": 0, "reward": 0], "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
        #expect(outcome.seconds < 60)
        // 124: pytest stopped on SIGTERM; 137: it ignored SIGTERM (inherited) and was killed 10 s later.
        #expect(outcome.output.contains("pytest exited with status 124") || outcome.output.contains("pytest exited with status 137"))
    }

    @Test func aPlantedConftestCannotChangeTheResult() throws {
        let conftest = """
            import pytest


            @pytest.hookimpl(hookwrapper=True)
            def pytest_runtest_makereport(item, call):
                outcome = yield
                report = outcome.get_result()
                report.outcome = "passed"
                report.longrepr = None

            """
        let outcome = try Self.run([
            "test_outputs.py": Self.tests(failing: ["test_second"]), "weights.json": Self.weights, "conftest.py": conftest,
        ], environment: ["PYTEST_ADDOPTS": "--co", "PYTEST_PLUGINS": "conftest"])
        #expect(outcome.rewardJSON?["reward"] == 0.7, "\(outcome.output)")
    }

    @Test func aParametrizedTestPassesOnlyWhenEveryCasePasses() throws {
        let tests = """
            import pytest


            @pytest.mark.parametrize("value", [1, 2, 3])
            def test_first(value):
                assert value != 2


            def test_second():
                pass


            def test_third():
                pass

            """
        let outcome = try Self.run(["test_outputs.py": tests, "weights.json": Self.weights])
        #expect(outcome.rewardJSON == ["test_first": 0, "test_second": 1, "test_third": 1, "reward": 0.5], "\(outcome.output)")
    }

    @Test func skippedTestsAndTestsWithoutWeightDoNotEarn() throws {
        let tests = """
            import pytest


            def test_first():
                pytest.skip("not today")


            def test_second():
                pass


            def test_third():
                pass


            def test_unweighted():
                pass

            """
        let outcome = try Self.run(["test_outputs.py": tests, "weights.json": Self.weights])
        #expect(outcome.rewardJSON == ["test_first": 0, "test_second": 1, "test_third": 1, "reward": 0.5], "\(outcome.output)")
        #expect(outcome.output.contains("test_unweighted ran but has no weight"))
    }

    @Test func weightsNotSummingToOneAreNormalised() throws {
        let outcome = try Self.run([
            "test_outputs.py": Self.tests(failing: ["test_first"]), "weights.json": #"{"test_first": 2, "test_second": 1, "test_third": 1}"#,
        ])
        #expect(outcome.rewardJSON?["reward"] == 0.5, "\(outcome.output)")
    }

    @Test(arguments: ["", "not json", "[1, 2]", #"{"test_first": -1, "test_second": 1, "test_third": 1}"#, #"{"test_first": "half"}"#])
    func unusableWeightsGiveZero(_ weights: String) throws {
        let outcome = try Self.run(["test_outputs.py": Self.tests(), "weights.json": weights])
        #expect(outcome.rewardJSON?["reward"] == 0, "\(outcome.output)")
        #expect(outcome.rewardText == "0.0\n")
    }

    @Test func missingWeightsOrTestsFolderStillWriteAReward() throws {
        let noWeights = try Self.run(["test_outputs.py": Self.tests()])
        #expect(noWeights.rewardJSON == ["reward": 0], "\(noWeights.output)")
        #expect(noWeights.rewardText == "0.0\n")
        let noFolder = try Self.run([:], testsFolderExists: false)
        #expect(noFolder.rewardJSON == ["reward": 0], "\(noFolder.output)")
        #expect(noFolder.rewardText == "0.0\n")
    }

    @Test func theScriptHasNoSetEAndHonoursTheHarborVariables() {
        let lines = Self.script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Self.script.hasPrefix("#!/bin/bash\n"))
        #expect(!lines.contains { $0.hasPrefix("set -e") || $0.hasPrefix("set -o errexit") || $0.contains("set -euo") })
        #expect(Self.script.contains(#"TESTS_DIR="${HARBOR_TESTS_DIR:-/tests}""#))
        #expect(Self.script.contains(#"LOGS_DIR="${HARBOR_VERIFIER_LOGS:-/logs/verifier}""#))
        #expect(Self.script.contains("-p no:cacheprovider --noconftest --rootdir=\"$TESTS_DIR\""))
        #expect(Self.script.contains("trap write_zero_reward EXIT"))
        #expect(!Self.script.contains("pip install") && !Self.script.contains("curl ") && !Self.script.contains("wget "))
    }
}
