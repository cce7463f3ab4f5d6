extension DraftRules {
    /// Rules from the pipeline's "Important Reminders" and "Red Flags to Avoid" (D5xx).
    static let redFlags: [any DraftRule.Type] = [
        CodeBlockRule.self, DockerfileInstructionRule.self, TestCodeRule.self, ShellCommandRule.self,
        StackMismatchRule.self, ToyProblemRule.self, OverSpecifiedRule.self, UnseenReferenceRule.self,
    ]
}
