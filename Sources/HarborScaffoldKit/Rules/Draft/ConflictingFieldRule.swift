/// D104: a field is given twice with different values.
struct ConflictingFieldRule: DraftRule {
    static let description = RuleDescription(
        id: "D104", name: "conflicting-field", title: "A draft field is given twice with different values",
        severity: .error,
        rationale: """
            The builder cannot know which value the idea stage meant; "Ambiguous Requirements" are a red flag \
            in the pipeline's quality guidelines.
            """,
        triggering: [DraftExample.without([], adding: "Difficulty: medium")],
        nonTriggering: [DraftExample.base, DraftExample.without([], adding: "Difficulty: HARD")])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for (first, repeat_) in DuplicateFields.pairs(in: draft) where !DuplicateFields.sameValue(first, repeat_) {
            let name = first.kind?.title ?? first.label
            sink.report(
                "field '\(name)' is given twice with different values (line \(first.labelRange.start.line) says "
                    + "'\(Excerpt.short(first.value))', this says '\(Excerpt.short(repeat_.value))')",
                at: repeat_.labelRange, hint: "keep the one you mean and delete the other")
        }
    }
}
