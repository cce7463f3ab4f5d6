/// D204: the Category is not one of the pipeline's known categories.
struct UnknownCategoryRule: DraftRule {
    static let description = RuleDescription(
        id: "D204", name: "unknown-category", title: "Category is not a known pipeline category", severity: .warning,
        rationale: """
            The pipeline rotates through known categories for diversity ("DO NOT generate multiple tasks in the \
            same category"); a typo or a private synonym hides a draft from that count. New categories are \
            allowed but should be deliberate.
            """,
        triggering: [DraftExample.with([.category: "api_securty"]), DraftExample.with([.category: "blockchain"])],
        nonTriggering: [DraftExample.base, DraftExample.with([.category: "Database Migrations"])])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.category), !field.isEmpty, !KnownCategories.isKnown(field.value) else { return }
        let normalised = KnownCategories.normalise(field.value)
        let range = field.valueSpan.map(draft.range) ?? field.labelRange
        if let guess = EditDistance.suggestion(for: normalised, among: KnownCategories.all) {
            sink.report("unknown category '\(Excerpt.short(field.value))'; did you mean '\(guess)'?", at: range, hint: "Category: \(guess)")
        } else {
            sink.report(
                "new category '\(Excerpt.short(field.value))' is not one of the pipeline's categories",
                at: range,
                hint: "use a known category if one fits: " + KnownCategories.all.joined(separator: ", "))
        }
    }
}
