extension DraftRules {
    /// Rules about the values of Language, Difficulty, Category and the list fields (D2xx).
    static let values: [any DraftRule.Type] = [
        UnknownLanguageRule.self, LooseLanguageRule.self, InvalidDifficultyRule.self, UnknownCategoryRule.self,
        TooFewSkillsRule.self, VerboseTaskRule.self,
    ]
}
