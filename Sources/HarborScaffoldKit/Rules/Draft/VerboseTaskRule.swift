/// D206: the Task field is long prose instead of a concise description.
struct VerboseTaskRule: DraftRule {
    static let limit = 160

    static let description = RuleDescription(
        id: "D206", name: "verbose-task", title: "Task is not a concise one-line description", severity: .info,
        rationale: """
            The pipeline's "Draft Format" asks for "Task: [Clear, concise task description]"; it becomes the \
            title of the prompt and the task's description. Details belong in Instructions.
            """,
        triggering: [
            DraftExample.with([
                .task: "Fix the rate limiter. It counts per key. Tenants with many keys exceed their quota, which costs money and angers other tenants who share the same Redis cluster.",
            ])
        ],
        nonTriggering: [DraftExample.base])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.task), let span = field.valueSpan else { return }
        let characters = field.value.count
        let sentences = Set(field.tokens.sentences).count
        guard characters > Self.limit || sentences > 2 || field.valueLines.count > 2 else { return }
        sink.report(
            "Task is \(characters) characters in \(sentences) sentence\(sentences == 1 ? "" : "s"); keep it to one line",
            at: draft.range(span), hint: "move the detail into Instructions")
    }
}
