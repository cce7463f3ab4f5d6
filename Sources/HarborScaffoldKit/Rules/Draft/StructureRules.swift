extension DraftRules {
    /// Rules about which fields are present and how they are labelled (D1xx).
    static let structure: [any DraftRule.Type] = [
        MissingFieldRule.self, EmptyFieldRule.self, DuplicateFieldRule.self, ConflictingFieldRule.self,
        UnknownFieldRule.self, MisspeltFieldRule.self,
    ]
}
