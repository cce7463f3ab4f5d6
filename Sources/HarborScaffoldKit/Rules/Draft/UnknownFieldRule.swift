/// D105: a labelled field that is not one of the nine.
struct UnknownFieldRule: DraftRule {
    static let description = RuleDescription(
        id: "D105", name: "unknown-field", title: "A draft field is not part of the draft format", severity: .warning,
        rationale: """
            The builder reads the nine fields of the pipeline's "Draft Format"; text under another label \
            (Notes, Estimated Time) is easily missed. Put it in the field it belongs to.
            """,
        triggering: [DraftExample.without([], adding: "Notes: the limiter lives in gateway/limits.py")],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([.instructions: "Make limits apply per tenant.\n- Keep the API stable: no new routes."]),
        ])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for field in draft.fields where field.kind == nil {
            sink.report(
                "unknown field '\(field.label)'; a draft has the fields "
                    + DraftFieldKind.allCases.map(\.title).joined(separator: ", "),
                at: field.labelRange,
                hint: "move this text into the field it belongs to (usually Instructions or Environment Setup)")
        }
    }
}
