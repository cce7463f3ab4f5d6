/// D205: Core Skills Tested lists fewer than two skills.
struct TooFewSkillsRule: DraftRule {
    static let description = RuleDescription(
        id: "D205", name: "too-few-skills", title: "Core Skills Tested lists fewer than two skills", severity: .warning,
        rationale: """
            The pipeline asks for "a list of technical and cognitive skills"; tasks are multi-step, repo-level \
            problems, so a single skill usually means the task or its description is too narrow.
            """,
        triggering: [DraftExample.with([.coreSkillsTested: "Debugging"])],
        nonTriggering: [DraftExample.base, DraftExample.with([.coreSkillsTested: "\n- Debugging\n- Redis data modelling"])])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.coreSkillsTested), !field.isEmpty else { return }
        let items = field.listItems(in: draft.source)
        guard items.count < 2 else { return }
        sink.report(
            "Core Skills Tested lists \(items.count) skill; name at least two",
            at: field.valueSpan.map(draft.range) ?? field.labelRange,
            hint: "separate skills with commas or write one per bullet")
    }
}
