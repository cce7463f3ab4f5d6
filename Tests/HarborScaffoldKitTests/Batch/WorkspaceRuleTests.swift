import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct WorkspaceRuleTests {
    static func workspace(_ drafts: [(String, String)], metadata: [String: String] = [:]) -> WorkspaceDrafts {
        var files: [String: String] = [:]
        for (id, text) in drafts { files[SyntheticDrafts.path(id)] = text }
        for (id, json) in metadata { files["data_points/\(id)/metadata.json"] = json }
        return WorkspaceDrafts(files: files)
    }

    static func findings(_ rule: String, _ workspace: WorkspaceDrafts) -> [Diagnostic] {
        WorkspaceChecker(selection: RuleSelection(select: [rule])).check(workspace)
    }

    @Test func languageMixReportsTheActualNumbers() {
        let drafts = (0..<20).map { index in
            (String(format: "draft_dp_%02d", index), SyntheticDrafts.draft(index, language: index < 8 ? "python" : index < 18 ? "typescript" : "rust"))
        }
        let found = Self.findings("X102", Self.workspace(drafts))
        #expect(found.count == 1)
        #expect(found.first?.message == "language mix is 40% Python, 50% JavaScript/TypeScript, 10% other (8/10/2 of 20 drafts); the pipeline targets 60% Python, 30% JavaScript/TypeScript, 10% other")
        #expect(found.first?.hint?.contains("Python") == true)
        #expect(found.first?.path == "data_points")
        #expect(found.first?.range == nil)
    }

    @Test func languageMixIgnoresUnknownLanguages() {
        let drafts = (0..<12).map { index in
            (String(format: "draft_dp_%02d", index), SyntheticDrafts.draft(index, language: index < 6 ? "python" : index < 9 ? "javascript" : index == 9 ? "go" : "cobol"))
        }
        #expect(Self.findings("X102", Self.workspace(drafts)).isEmpty, "6/3/1 of the 10 known languages is on target")
    }

    @Test func difficultyDistributionNamesEveryLevel() {
        let drafts = (0..<10).map { index in
            (String(format: "draft_dp_%02d", index), SyntheticDrafts.draft(index, difficulty: index < 8 ? "medium" : "extremely hard"))
        }
        let found = Self.findings("X104", Self.workspace(drafts))
        #expect(found.map(\.message) == ["difficulty is concentrated on medium: 80% medium (8), 0% hard (0), 20% extremely hard (2) of 10 drafts; no level should hold over 70%"])
    }

    @Test func seedCategoryRepeatNeedsAKnownParent() {
        let drafts = (0..<4).map { (String(format: "draft_dp_%02d", $0), SyntheticDrafts.draft($0)) }
        let parent = WorkspaceExample.metadata(parent: "seed_dp_1")
        let found = Self.findings("X103", Self.workspace(drafts, metadata: ["draft_dp_00": parent, "draft_dp_02": parent, "draft_dp_03": "{\"seed_id\": \"seed_dp_1\"}"]))
        #expect(found.map(\.path) == ["data_points/draft_dp_02/draft_spec.md", "data_points/draft_dp_03/draft_spec.md"])
        #expect(found.first?.message == "draft_dp_02 is draft 2 of 3 of seed seed_dp_1 in category performance (with draft_dp_00, draft_dp_03)")
        #expect(found.first?.line == 3, "reported at the Category field")
        #expect(Self.findings("X103", Self.workspace(drafts)).isEmpty, "no metadata, no parent, no finding")
    }

    @Test func metadataAcceptsTheParentUnderSeveralKeysAndIgnoresJunk() {
        #expect(DataPointMetadata(json: Array("{\"parent\": \" seed_a \"}".utf8))?.parent == "seed_a")
        #expect(DataPointMetadata(json: Array("{\"parent_id\": \"seed_b\", \"category\": \"caching\"}".utf8)) == DataPointMetadata(parent: "seed_b", category: "caching"))
        #expect(DataPointMetadata(json: Array("{\"seed\": \"seed_c\", \"nested\": {\"a\": [1, 2]}}".utf8))?.parent == "seed_c")
        #expect(DataPointMetadata(json: Array("[1, 2]".utf8)) == nil)
        #expect(DataPointMetadata(json: Array("{not json".utf8)) == nil)
        #expect(DataPointMetadata(json: Array("{\"parent\": 3}".utf8))?.parent == nil)
    }

    @Test func categoryFallsBackToMetadata() {
        let text = SyntheticDrafts.draft(1).replacingOccurrencesOfCategory()
        let workspace = Self.workspace([("draft_dp_a", text)], metadata: ["draft_dp_a": WorkspaceExample.metadata(parent: "seed_x", category: "Query Optimization")])
        #expect(workspace.drafts.first?.category == "query_optimization")
        #expect(workspace.drafts.first?.parent == "seed_x")
    }

    @Test func everyWorkspaceRuleIsListedInTheCatalog() {
        for rule in WorkspaceRules.all {
            #expect(RuleCatalog.rule(named: rule.description.id) != nil)
            #expect(rule.description.family == "X")
        }
        let ids = WorkspaceRules.all.map { $0.description.id }
        #expect(ids == ["X101", "X102", "X103", "X104"])
    }
}

extension String {
    /// The synthetic draft without its Category line.
    func replacingOccurrencesOfCategory() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Category:") }.joined(separator: "\n")
    }
}
