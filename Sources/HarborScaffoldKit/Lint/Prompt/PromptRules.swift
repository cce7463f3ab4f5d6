extension LintRules {
    /// The prompt rules (M): `prompt.md`, or `instruction.md` in a Harbor directory.
    static let prompt: [any LintRule.Type] = [EmptyPromptRule.self, PromptMentionsTestsRule.self, PromptTooShortRule.self]
}
