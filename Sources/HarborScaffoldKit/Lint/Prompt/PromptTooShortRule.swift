/// M103: a finished prompt is too short to describe a task.
struct PromptTooShortRule: LintRule {
    static let description = RuleDescription(
        id: "M103", name: "prompt-too-short", title: "The prompt is too short to describe a repository-level task",
        severity: .warning,
        rationale: """
            The pipeline wants repository-level tasks whose requirements are unambiguous; the agent works \
            autonomously with no one to ask. Under \(minimumWords) words (comments and placeholders aside) a \
            prompt rarely says what is wrong, where the code lives and what must hold when the agent is done. \
            Checked at --stage final only.
            """,
        triggering: [
            RuleExample(files: ["prompt.md": "# Fix the bug\n\nThe rate limiter is broken. Fix it.\n"], stage: .final),
            RuleExample(files: ["instruction.md": "Fix `/app/billing/limits.py` so that limits apply per tenant.\n"], stage: .final),
        ],
        nonTriggering: [
            RuleExample(files: ["prompt.md": "# Fix the bug\n\nThe rate limiter is broken. Fix it.\n"], stage: .skeleton),
            RuleExample(files: ["prompt.md": """
                # Fix per-tenant rate limiting

                The gateway in `/app` counts requests per API key instead of per tenant, so a tenant with many \
                keys exceeds its plan. Make every limit apply to the tenant across all of its keys, keep the \
                public API unchanged, and return 429 with a Retry-After header once a tenant is over its limit.
                """], stage: .final),
            RuleExample(files: ["prompt.md": ""], excerpt: "(an empty prompt: M101 reports it)", stage: .final),
        ])

    /// Fewer visible words than this is too short.
    static let minimumWords = 40

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.stage == .final, let prompt = target.promptText, !prompt.isBlank else { return }
        let words = prompt.wordCount
        guard words < Self.minimumWords else { return }
        sink.report(
            "\(prompt.file.path) has only \(words) words, too few to describe a repository-level task", in: prompt.file,
            at: .line(1),
            hint: "say what is wrong or wanted, where the code lives and what must hold when the agent is done")
    }
}
