import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// `harbor-scaffold lint` end to end: the broken samples' golden findings, stages, discovery, configuration.
@Suite struct LintCommandTests {
    static let lintSamples = Fixture.root + "/Samples/lint"

    @Test(arguments: ["broken_skeleton", "broken_harbor_task", "broken_compose_task"])
    func brokenSamplesGiveTheirGoldenFindings(_ name: String) {
        let text = Fixture.run(["lint", name, "--isolated"], in: Self.lintSamples)
        #expect(text.exitCode == .findings)
        Fixture.assertGolden(text.standardOutput, "lint/\(name).txt")
        let json = Fixture.run(["lint", name, "--isolated", "--format", "json"], in: Self.lintSamples)
        Fixture.assertGolden(json.standardOutput, "lint/\(name).json")
    }

    @Test func aFolderThatIsNeitherIsSearchedAndAnEmptyOneIsAnError() {
        let both = Fixture.run(["lint", ".", "--isolated", "--format", "json"], in: Self.lintSamples)
        #expect(both.standardOutput.contains("\"checked\": 3"))
        let empty = Fixture.run(["lint", Fixture.temporaryFolder()])
        #expect(empty.exitCode == .usageOrInputError)
        #expect(empty.standardError.contains("no data point or Harbor task found"))
        #expect(Fixture.run(["lint", "broken_skeleton", "--stage", "done"], in: Self.lintSamples).standardError.contains("unknown stage"))
    }

    @Test func aFreshSkeletonIsCleanAtSkeletonStageAndFailsFinalOnlyOnPlaceholders() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let id = "draft_dp_fastapi_invoice_n_plus_one"
        #expect(Fixture.run([id], in: workspace).exitCode == .clean)
        #expect(Fixture.run([id, "--layout", "harbor"], in: workspace).exitCode == .clean)
        let skeleton = Fixture.run(["lint", id, "--isolated", "--fail-on", "warning"], in: workspace)
        #expect(skeleton.exitCode == .clean, "\(skeleton.standardOutput)")
        #expect(skeleton.standardOutput.contains("2 tasks checked"), "the data point and its harbor/ directory")
        let final = Fixture.run(["lint", id, "--isolated", "--stage", "final", "--format", "json"], in: workspace)
        #expect(final.exitCode == .findings)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(final.standardOutput.utf8)) as? [String: Any])
        let rules = Set((object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String != "info" }.compactMap { $0["rule"] as? String })
        #expect(rules == ["L002", "S109"], "only placeholders (and the placeholder solution) fail the final stage: \(rules)")
    }

    @Test func theNearestConfigurationFileApplies() throws {
        let folder = Fixture.temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.lintSamples + "/broken_skeleton", toPath: folder + "/broken_skeleton")
        try "ignore = [\"C\", \"P\"]\n[severity]\nW103 = \"warning\"\n".write(toFile: folder + "/.harbor-scaffold.toml", atomically: true, encoding: .utf8)
        let configured = Fixture.run(["lint", "broken_skeleton"], in: folder).standardOutput
        #expect(!configured.contains("[C10") && !configured.contains("[P10"))
        #expect(configured.contains("warning[W103]"))
        let isolated = Fixture.run(["lint", "broken_skeleton", "--isolated"], in: folder).standardOutput
        #expect(isolated.contains("error[C101]") && isolated.contains("error[W103]"))
        let broken = folder + "/other.toml"
        try "select = [\"Q\"]\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let outcome = Fixture.run(["lint", "broken_skeleton", "--config", broken], in: folder)
        #expect(outcome.exitCode == .usageOrInputError && outcome.standardError.contains("unknown rule selector 'Q'"))
    }

    @Test func suppressionCommentsSilenceTheirFinding() throws {
        let folder = Fixture.temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.lintSamples + "/broken_skeleton", toPath: folder + "/dp")
        let dockerfile = folder + "/dp/Dockerfile"
        let text = try String(contentsOfFile: dockerfile, encoding: .utf8)
        try ("# harbor-scaffold: ignore[unpinned-base-image]\n" + text).write(toFile: dockerfile, atomically: true, encoding: .utf8)
        let outcome = Fixture.run(["lint", "dp", "--isolated"], in: folder).standardOutput
        #expect(!outcome.contains("[C101]"))
        #expect(outcome.contains("[C103]"))
    }
}
