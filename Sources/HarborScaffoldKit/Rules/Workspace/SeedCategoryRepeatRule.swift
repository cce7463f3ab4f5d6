/// X103: several drafts of one parent seed share a category.
struct SeedCategoryRepeatRule: WorkspaceRule {
    static let description = RuleDescription(
        id: "X103", name: "seed-category-repeat", title: "Several drafts of one seed are in the same category", severity: .warning,
        rationale: """
            The pipeline's "Category Variety" rule: "Rotate through different problem types. DO NOT generate multiple \
            tasks in the same category." The parent seed is read from `metadata.json` in the data point folder \
            (`parent`, `parent_id`, `seed_id` or `seed`, as `data_pipeline.py create-task --parent` records it); the \
            category from the draft's Category field, else from the metadata. Drafts without a known parent are not \
            grouped. Each draft after the first (by id) of a seed and category is reported at its Category.
            """,
        triggering: [
            WorkspaceExample.drafts(
                [("draft_dp_a1", DraftExample.baseText), ("draft_dp_b2", WorkspaceExample.otherDraftText.replacingCategory("api_security"))],
                metadata: ["draft_dp_a1": WorkspaceExample.metadata(parent: "seed_dp_2ed4ed04"), "draft_dp_b2": WorkspaceExample.metadata(parent: "seed_dp_2ed4ed04")],
                excerpt: "draft_dp_a1 and draft_dp_b2, both Category: api_security, both with metadata.json {\"parent\": \"seed_dp_2ed4ed04\"}"),
        ],
        nonTriggering: [
            WorkspaceExample.drafts(
                [("draft_dp_a1", DraftExample.baseText), ("draft_dp_b2", WorkspaceExample.otherDraftText)],
                metadata: ["draft_dp_a1": WorkspaceExample.metadata(parent: "seed_dp_2ed4ed04"), "draft_dp_b2": WorkspaceExample.metadata(parent: "seed_dp_2ed4ed04")],
                excerpt: "two drafts of seed_dp_2ed4ed04 in different categories (api_security, memory_management)"),
            WorkspaceExample.drafts(
                [("draft_dp_a1", DraftExample.baseText), ("draft_dp_b2", WorkspaceExample.otherDraftText.replacingCategory("api_security"))],
                metadata: ["draft_dp_a1": WorkspaceExample.metadata(parent: "seed_dp_2ed4ed04"), "draft_dp_b2": WorkspaceExample.metadata(parent: "seed_dp_9b01c2aa")],
                excerpt: "two api_security drafts of different seeds"),
        ])

    func check(_ workspace: WorkspaceDrafts, into sink: inout FindingSink) {
        var groups: [String: [Int]] = [:]
        for (index, draft) in workspace.drafts.enumerated() {
            guard let parent = draft.parent, let category = draft.category else { continue }
            groups[parent + "\u{0}" + category, default: []].append(index)
        }
        for members in groups.values where members.count > 1 {
            let first = workspace.drafts[members[0]]
            for (position, index) in members.enumerated().dropFirst() {
                let draft = workspace.drafts[index]
                let others = members.filter { $0 != index }.map { workspace.drafts[$0].id }
                sink.report(
                    "\(draft.id) is draft \(position + 1) of \(members.count) of seed \(first.parent ?? "") in category \(first.category ?? "") (with \(others.joined(separator: ", ")))",
                    path: draft.path, at: draft.categoryRange,
                    hint: "give each draft of a seed its own category; rework this one into another problem type")
            }
        }
    }
}

extension String {
    /// The draft text with its `Category:` line's value replaced (for examples).
    func replacingCategory(_ category: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("Category: ") ? "Category: " + category : String(line)
        }.joined(separator: "\n")
    }
}
