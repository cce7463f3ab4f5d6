extension DraftRules {
    /// Rules from the pipeline's "Testing Guidelines" (D3xx).
    static let testing: [any DraftRule.Type] = []
}
