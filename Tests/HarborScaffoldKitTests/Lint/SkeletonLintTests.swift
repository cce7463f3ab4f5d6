import Foundation
import Testing
@testable import HarborScaffoldKit

/// What the scaffolder writes must lint clean under the P, W and M rules: at --stage skeleton
/// with no finding, at --stage final with nothing but L002's placeholders.
@Suite struct SkeletonLintTests {
    static let library = try! BlueprintLibrary.builtIn()
    static let families = ["P", "W", "M"]

    /// The good sample drafts (the bad and hostile ones fail validation on purpose).
    static let sampleIDs: [String] = {
        let folder = Golden.root + "/Samples/shared_workspace/data_points"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.contains("_bad_") && !$0.contains("_hostile_") }.sorted()
    }()

    /// Known findings in sample skeletons, by sample id: none. (The Flask sample's Testing field says
    /// its faulty variants "ship only with the hidden tests"; the scaffolder keeps that aspect out of
    /// the prompt, so M102 stays quiet.)
    static let expected: [String: [String]] = [:]

    private func files(_ draft: DraftSpec, _ id: String) throws -> [String: String] {
        let plan = try Scaffolder(library: Self.library).plan(draft, taskID: id)
        return Dictionary(uniqueKeysWithValues: plan.files.map { ($0.path, $0.content) })
    }

    @Test(arguments: library.stacks.map(\.id))
    func everyStackScaffoldsACleanSkeleton(_ id: String) throws {
        let stack = try #require(Self.library.stacks.first { $0.id == id })
        let technologies = stack.generic ? stack.languages[0] : (stack.match.first ?? stack.id)
        let files = try files(BlueprintTests.draft(language: stack.languages[0], technologies: technologies), "draft_dp_\(id)")
        #expect(LintRuleTestSupport.findings(files, stage: .skeleton, select: Self.families).isEmpty)
        #expect(LintRuleTestSupport.findings(files, stage: .final, select: Self.families).isEmpty)
    }

    @Test(arguments: sampleIDs)
    func everyGoodSampleScaffoldsACleanSkeleton(_ id: String) throws {
        let path = Golden.root + "/Samples/shared_workspace/data_points/\(id)/draft_spec.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let files = try files(DraftSpec(source: SourceText(path: "draft_spec.md", text: text)), id)
        for stage in LintStage.allCases {
            let found = LintRuleTestSupport.diagnostics(files, stage: stage, select: Self.families)
            #expect(found.map(\.ruleID) == Self.expected[id, default: []], "\(stage): \(found.map(\.message))")
        }
    }

    @Test func finalSkeletonsFailOnlyOnPlaceholders() throws {
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))
        let files = try files(draft, "draft_dp_base")
        let found = LintRuleTestSupport.diagnostics(files, stage: .final, select: Self.families + ["L002"])
        #expect(!found.isEmpty && found.allSatisfy { $0.ruleID == "L002" })
        var written = files
        written["tests.py"] = files["tests.py"]?.replacingOccurrences(of: "TODO(harbor-scaffold)", with: "NOTE")
        let unmarked = LintRuleTestSupport.findings(written, stage: .final, select: ["P103"])
        #expect(unmarked.count == 3, "with the markers gone, each placeholder test always fails: \(unmarked)")
    }
}
