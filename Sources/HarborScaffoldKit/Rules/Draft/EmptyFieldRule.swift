/// D102: a field is present but has no value.
struct EmptyFieldRule: DraftRule {
    static let description = RuleDescription(
        id: "D102", name: "empty-field", title: "A draft field has no value", severity: .error,
        rationale: """
            An empty field is as good as a missing one: the pipeline's "Draft Format" requires each field to \
            be filled in, and "Ensure all required fields are included and properly formatted".
            """,
        triggering: [DraftExample.with([.testing: ""]), DraftExample.with([.keyTechnologies: "   "])],
        nonTriggering: [DraftExample.base])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for field in draft.fields where field.isEmpty {
            let name = field.kind?.title ?? field.label
            sink.report("field '\(name)' is empty", at: field.labelRange, hint: "write its value after the colon or on the lines below")
        }
    }
}
