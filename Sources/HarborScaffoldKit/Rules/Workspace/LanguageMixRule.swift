/// X102: the workspace's languages stray from the pipeline's 60/30/10 target.
struct LanguageMixRule: WorkspaceRule {
    /// How far (in percentage points) a group's share may stray from its target.
    static let tolerance = 0.10

    static let description = RuleDescription(
        id: "X102", name: "language-mix", title: "The language mix is off the 60/30/10 target", severity: .warning,
        rationale: """
            The pipeline's "DIVERSITY ENFORCEMENT" sets a "Language Rotation" target: "60% Python, 30% \
            JavaScript/TypeScript, 10% other languages (Go, Rust, Java)". The rule counts drafts whose Language names a \
            known language and reports, with the numbers, when a group's share is more than 10 percentage points from \
            its target. It stays quiet below 10 drafts, where shares mean little; `check` shows the mix in its summary \
            either way.
            """,
        triggering: [
            WorkspaceExample.drafts(WorkspaceExample.numbered(10) { _ in [:] }, excerpt: "10 drafts, all with Language: python"),
            WorkspaceExample.drafts(
                WorkspaceExample.numbered(5) { _ in [:] } + WorkspaceExample.numbered(5, from: 6) { _ in [.language: "typescript"] },
                excerpt: "5 drafts in python, 5 in typescript"),
        ],
        nonTriggering: [
            WorkspaceExample.drafts(
                WorkspaceExample.numbered(10) { number in
                    number <= 6 ? [:] : number <= 9 ? [.language: number == 7 ? "javascript" : "typescript"] : [.language: "go"]
                },
                excerpt: "6 drafts in python, 3 in javascript or typescript, 1 in go"),
            WorkspaceExample.drafts(WorkspaceExample.numbered(9) { _ in [:] }, excerpt: "9 drafts, all python (too few to judge)"),
        ])

    func check(_ workspace: WorkspaceDrafts, into sink: inout FindingSink) {
        var counts: [LanguageGroup: Int] = [:]
        for draft in workspace.drafts {
            if let group = draft.languageGroup { counts[group, default: 0] += 1 }
        }
        let total = counts.values.reduce(0, +)
        guard total >= WorkspaceRules.minimumDrafts else { return }
        let off = LanguageGroup.allCases.filter { abs(Double(counts[$0] ?? 0) / Double(total) - $0.target) > Self.tolerance }
        guard !off.isEmpty else { return }
        let mix = LanguageGroup.allCases.map { "\(Share.percent(counts[$0] ?? 0, of: total)) \($0.displayName)" }.joined(separator: ", ")
        let numbers = LanguageGroup.allCases.map { String(counts[$0] ?? 0) }.joined(separator: "/")
        let short = LanguageGroup.allCases.filter { Double(counts[$0] ?? 0) / Double(total) < $0.target - Self.tolerance }
        let hint = short.isEmpty
            ? "write the next drafts in the other groups until the mix is back near 60/30/10"
            : "write the next drafts in " + short.map(\.displayName).joined(separator: " and ") + " until the mix is back near 60/30/10"
        sink.report(
            "language mix is \(mix) (\(numbers) of \(total) drafts); the pipeline targets 60% Python, 30% JavaScript/TypeScript, 10% other",
            at: nil, hint: hint)
    }
}
