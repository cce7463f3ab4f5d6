/// D203: the Difficulty is not medium, hard or extremely hard.
struct InvalidDifficultyRule: DraftRule {
    static let levels = ["medium", "hard", "extremely hard"]

    static let description = RuleDescription(
        id: "D203", name: "invalid-difficulty", title: "Difficulty is not medium, hard or extremely hard",
        severity: .error,
        rationale: """
            The pipeline's "Draft Format" allows medium, hard and extremely hard, calibrated to "~20% pass rate \
            on SOTA"; easy tasks are not generated.
            """,
        triggering: [DraftExample.with([.difficulty: "easy"]), DraftExample.with([.difficulty: "moderate"])],
        nonTriggering: [DraftExample.base, DraftExample.with([.difficulty: "Extremely-Hard"])])

    /// The difficulty level a value names, folded, or `nil`.
    static func level(of value: String) -> String? {
        let folded = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            .joined(separator: " ")
        return levels.contains(folded) ? folded : nil
    }

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.difficulty), !field.isEmpty, Self.level(of: field.value) == nil else { return }
        let range = field.valueSpan.map(draft.range) ?? field.labelRange
        let value = field.value.trimmingSpaces.lowercased()
        if value == "easy" || value == "trivial" {
            sink.report(
                "difficulty '\(field.value)' is below the pipeline's range; tasks are medium or harder",
                at: range, hint: "raise the task's difficulty, or use medium")
            return
        }
        let guess = EditDistance.suggestion(for: value, among: Self.levels)
        sink.report(
            "unknown difficulty '\(Excerpt.short(field.value))'" + (guess.map { "; did you mean '\($0)'?" } ?? ""),
            at: range, hint: "use one of: medium, hard, extremely hard")
    }
}
