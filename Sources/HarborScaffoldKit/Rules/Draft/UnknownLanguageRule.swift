/// D201: the Language is not one the pipeline accepts.
struct UnknownLanguageRule: DraftRule {
    static let description = RuleDescription(
        id: "D201", name: "unknown-language", title: "Language is not a supported language", severity: .error,
        rationale: """
            The pipeline's "Draft Format" restricts Language to python, typescript, javascript and go, and its \
            diversity target adds "other languages (Go, Rust, Java)". The builder chooses the environment from it.
            """,
        triggering: [DraftExample.with([.language: "cobol"]), DraftExample.with([.language: "pyhton"])],
        nonTriggering: [DraftExample.base, DraftExample.with([.language: "TypeScript"])])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.language), !field.isEmpty, Language.read(field.value) == .unknown else { return }
        let names = Language.allCases.map(\.rawValue)
        let guess = EditDistance.suggestion(for: field.value.trimmingSpaces, among: names)
        let range = field.valueSpan.map(draft.range) ?? field.labelRange
        sink.report(
            "unsupported language '\(Excerpt.short(field.value))'" + (guess.map { "; did you mean '\($0)'?" } ?? ""),
            at: range, hint: "use one of: " + names.joined(separator: ", "))
    }
}
