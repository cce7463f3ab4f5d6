/// D202: the Language names a language but with extra words or an alias.
struct LooseLanguageRule: DraftRule {
    static let description = RuleDescription(
        id: "D202", name: "loose-language", title: "Language has a version or extra words", severity: .warning,
        rationale: """
            The builder and the pipeline's metadata match Language exactly ("MUST match seed language"); \
            `Python 3.12` is understood as python, but versions belong in Environment Setup.
            """,
        triggering: [DraftExample.with([.language: "Python 3.12"]), DraftExample.with([.language: "golang"])],
        nonTriggering: [DraftExample.base, DraftExample.with([.language: "Python"])])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.language), case .loose(let language) = Language.read(field.value) else { return }
        let range = field.valueSpan.map(draft.range) ?? field.labelRange
        sink.report(
            "'\(Excerpt.short(field.value))' is read as '\(language.rawValue)'; write the bare language name",
            at: range, hint: "Language: \(language.rawValue) (put versions and runtimes in Environment Setup)")
    }
}
