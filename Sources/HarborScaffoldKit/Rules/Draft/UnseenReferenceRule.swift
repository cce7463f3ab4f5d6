/// D508: the draft refers to the eval DP, the seed or other drafts, which the builder never sees.
struct UnseenReferenceRule: DraftRule {
    static let description = RuleDescription(
        id: "D508", name: "unseen-reference", title: "Draft refers to material the builder cannot see",
        severity: .warning,
        rationale: """
            "The builder agent won't have access to any of your reasoning, any other of the dp specifications, or \
            the original data point. So it will only see the spec." A draft that says "like the eval DP" or \
            "see draft_dp_1234" leaves the builder guessing, and the pipeline warns "Never create tasks too \
            similar to the eval DP".
            """,
        triggering: [
            DraftExample.with([
                .instructions: "Same scenario as the eval DP, but make limits apply per tenant across all of its keys.",
            ]),
            DraftExample.with([.testing: "Tests are the ones described in draft_dp_7f3a2c for the billing gateway."]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI; the seed script loads tenant plans and the database is seeded at build time.",
            ]),
        ])

    private static let phrases = FlagPhrases([
        "eval dp", "eval dps", "eval data point", "eval datapoint", "evaluation dp", "evaluation data point",
        "eval task", "the evaluation task", "seed dp", "seed task", "seed data point", "seed datapoint",
        "original dp", "original data point", "original datapoint", "other drafts", "previous draft",
        "the draft above", "the brainstorm", "my reasoning", "our reasoning",
    ])

    private static let draftID = Array("draft_dp_".utf8)

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let bytes = draft.source.bytes
        for field in draft.fields {
            let text = field.tokens
            var hits = Self.phrases.hits(in: text).map(\.tokens)
            for index in 0..<text.count where bytes[text.ranges[index].lowerBound] | 0x20 == UInt8(ascii: "d") {
                let range = text.ranges[index]
                if range.count > Self.draftID.count,
                    LineScan.hasFolded(Self.draftID, at: range.lowerBound, in: bytes, limit: range.upperBound)
                {
                    hits.append(index..<(index + 1))
                }
            }
            for tokens in hits.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                sink.report(
                    "\(FlagContext.name(field)) refers to '\(FlagContext.quote(draft, field, tokens))', which the builder never sees",
                    at: FlagContext.range(draft, field, tokens),
                    hint: "write out what the builder needs to know in this draft")
            }
        }
    }
}
