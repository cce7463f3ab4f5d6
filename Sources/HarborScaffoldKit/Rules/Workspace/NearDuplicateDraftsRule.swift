/// X101: two drafts in the workspace say nearly the same thing.
struct NearDuplicateDraftsRule: WorkspaceRule {
    static let description = RuleDescription(
        id: "X101", name: "near-duplicate-drafts", title: "Two drafts are near-duplicates of each other", severity: .warning,
        rationale: """
            The pipeline's "DIVERSITY ENFORCEMENT" says "NO DUPLICATE PATTERNS" and "verify it's not similar to existing \
            tasks in the workspace", and its Red Flags list "Trivial Variations: Same task with minor parameter changes". \
            Each pair is found by comparing word 3-gram shingles of the Task, Instructions, Environment Setup, Testing, \
            Core Skills Tested and Key Technologies fields: MinHash signatures of 128 slots, banded 32 × 4 for \
            locality-sensitive hashing so the cost grows with the number of drafts rather than the number of pairs, then \
            each candidate's signatures compared slot by slot. Pairs whose estimated Jaccard similarity is at least 0.5 \
            are reported, once, at the draft whose id sorts second.
            """,
        triggering: [
            WorkspaceExample.drafts(
                [
                    ("draft_dp_rate_limit_fastapi", DraftExample.baseText),
                    ("draft_dp_rate_limit_flask", DraftExample.with([.task: "Fix per-tenant rate limiting in a Flask billing gateway", .keyTechnologies: "Flask, Redis, PostgreSQL, pytest"]).files.values.first ?? ""),
                ],
                excerpt: "data_points/draft_dp_rate_limit_fastapi: (the clean example draft)\ndata_points/draft_dp_rate_limit_flask: the same draft with FastAPI swapped for Flask"),
        ],
        nonTriggering: [
            WorkspaceExample.drafts(
                [("draft_dp_rate_limit_fastapi", DraftExample.baseText), ("draft_dp_webhook_pool_leak", WorkspaceExample.otherDraftText)],
                excerpt: "two drafts about different problems (per-tenant rate limiting; a connection leak in a webhook worker)"),
        ])

    func check(_ workspace: WorkspaceDrafts, into sink: inout FindingSink) {
        let eligible = workspace.drafts.map { $0.tokenCount >= 12 }
        let pairs = NearDuplicates.pairs(signatures: workspace.signatures, count: workspace.drafts.count, eligible: eligible)
        for pair in pairs {
            let first = workspace.drafts[pair.first]
            let second = workspace.drafts[pair.second]
            sink.report(
                "\(first.id) and \(second.id) are near-duplicates: similarity \(Self.decimal(pair.similarity)) (the estimated share of 3-word phrases they have in common)",
                path: second.path, at: second.taskRange,
                hint: "make \(second.id) a different scenario from \(first.id) (another domain, category or stack), or drop one of them")
        }
    }

    /// A similarity with two decimals.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
