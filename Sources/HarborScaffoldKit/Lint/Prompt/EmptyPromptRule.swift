/// M101: the prompt is empty, or holds only comments and placeholders.
struct EmptyPromptRule: LintRule {
    static let description = RuleDescription(
        id: "M101", name: "empty-prompt", title: "The prompt is empty or holds only comments and placeholders",
        severity: .error,
        rationale: """
            The prompt (prompt.md, or instruction.md in a Harbor directory) is the exact text the agent \
            receives; Harbor requires instruction.md to be non-empty, yet a freshly `harbor init`-ed task fails \
            that very check. HTML comments are hidden from the agent and a TODO(harbor-scaffold) line is a \
            note to the builder, so a prompt made only of those tells the agent nothing.
            """,
        triggering: [
            RuleExample(files: ["prompt.md": ""]),
            RuleExample(files: ["prompt.md": "<!-- TODO(harbor-scaffold): write the prompt -->\n\n"]),
            RuleExample(files: ["instruction.md": "TODO(harbor-scaffold): describe the task\n<!-- notes\nmore notes -->\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["prompt.md": "<!-- TODO(harbor-scaffold): review -->\n# Fix the rate limiter\n\nLimits must apply per tenant.\n"]),
            RuleExample(files: ["instruction.md": "Make `/app/report.py` print totals per region.\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let prompt = target.promptText, prompt.isBlank else { return }
        let path = prompt.file.path
        let message = prompt.file.source.bytes.contains { $0 > 0x20 }
            ? "\(path) holds only comments and placeholders, so the agent receives no task"
            : "\(path) is empty, so the agent receives no task"
        sink.report(
            message, in: prompt.file, at: .line(1),
            hint: "describe the problem, where the code lives and what must be true when the agent is done")
    }
}
