/// D101: a required field is absent.
struct MissingFieldRule: DraftRule {
    static let description = RuleDescription(
        id: "D101", name: "missing-field", title: "A required draft field is missing", severity: .error,
        rationale: """
            The pipeline's "Draft Format" lists nine fields and the builder sees only the draft: "it is vital \
            you include everything the next agent will need". A missing field leaves the builder guessing.
            """,
        triggering: [
            DraftExample.without([.testing]),
            DraftExample.literal("This task is about rate limiting in FastAPI.\n"),
        ],
        nonTriggering: [DraftExample.base])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        if draft.fields.isEmpty {
            sink.report(
                "no draft fields found; a draft is a list of 'Field: value' lines",
                at: .line(1),
                hint: "start with: " + DraftFieldKind.allCases.map { "\($0.title):" }.joined(separator: " "))
            return
        }
        let present = Set(draft.fields.compactMap(\.kind))
        let order = DraftFieldKind.allCases
        for (index, kind) in order.enumerated() where !present.contains(kind) {
            let later = order[(index + 1)...].first { present.contains($0) }
            if let later, let anchor = draft.field(later) {
                sink.report(
                    "missing required field '\(kind.title)' (it belongs before '\(anchor.kind?.title ?? anchor.label)')",
                    at: .line(anchor.labelRange.start.line), hint: "add a line '\(kind.title): …' above this one")
            } else {
                sink.report(
                    "missing required field '\(kind.title)'", at: .line(draft.source.lineCount),
                    hint: "add a line '\(kind.title): …' at the end")
            }
        }
    }
}
