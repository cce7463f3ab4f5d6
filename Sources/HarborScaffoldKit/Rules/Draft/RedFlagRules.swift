extension DraftRules {
    /// Rules from the pipeline's "Important Reminders" and "Red Flags to Avoid" (D5xx).
    static let redFlags: [any DraftRule.Type] = []
}
