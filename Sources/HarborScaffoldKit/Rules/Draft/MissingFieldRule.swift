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
        let end = draft.source.position(ofByte: draft.source.bytes.count)
        for kind in DraftFieldKind.allCases where !present.contains(kind) {
            sink.report(
                "missing required field '\(kind.title)'",
                at: SourceRange(start: end, end: end),
                hint: "add a line '\(kind.title): …'")
        }
    }
}
