/// X104: one difficulty level dominates the workspace.
struct DifficultyDistributionRule: WorkspaceRule {
    /// The largest share one level may have.
    static let limit = 0.70

    static let description = RuleDescription(
        id: "X104", name: "difficulty-distribution", title: "One difficulty level holds over 70% of the drafts", severity: .warning,
        rationale: """
            The pipeline asks for diversity across "Difficulty levels (medium, hard, extremely hard)" and an \
            "Appropriate difficulty distribution" when refining ideas. The rule counts drafts with a valid Difficulty \
            and reports the whole distribution when one level holds more than 70% of them. It stays quiet below 10 \
            drafts; `check` shows the distribution in its summary either way.
            """,
        triggering: [
            WorkspaceExample.drafts(WorkspaceExample.numbered(10) { _ in [:] }, excerpt: "10 drafts, all Difficulty: hard"),
        ],
        nonTriggering: [
            WorkspaceExample.drafts(
                WorkspaceExample.numbered(10) { number in [.difficulty: number <= 4 ? "medium" : number <= 8 ? "hard" : "extremely hard"] },
                excerpt: "4 medium, 4 hard, 2 extremely hard"),
            WorkspaceExample.drafts(
                WorkspaceExample.numbered(10) { number in [.difficulty: number <= 7 ? "hard" : "medium"] },
                excerpt: "7 hard, 3 medium (70%, not over it)"),
        ])

    /// The levels in display order.
    static let levels = InvalidDifficultyRule.levels

    func check(_ workspace: WorkspaceDrafts, into sink: inout FindingSink) {
        var counts: [String: Int] = [:]
        for draft in workspace.drafts {
            if let level = draft.difficulty { counts[level, default: 0] += 1 }
        }
        let total = counts.values.reduce(0, +)
        guard total >= WorkspaceRules.minimumDrafts else { return }
        guard let top = Self.levels.max(by: { (counts[$0] ?? 0) < (counts[$1] ?? 0) }),
            Double(counts[top] ?? 0) / Double(total) > Self.limit
        else { return }
        let distribution = Self.levels.map { "\(Share.percent(counts[$0] ?? 0, of: total)) \($0) (\(counts[$0] ?? 0))" }.joined(separator: ", ")
        sink.report(
            "difficulty is concentrated on \(top): \(distribution) of \(total) drafts; no level should hold over 70%",
            at: nil, hint: "vary the difficulty of the next drafts (medium, hard, extremely hard)")
    }
}
