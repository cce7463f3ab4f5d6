extension DraftRules {
    /// Rules from the pipeline's "Testing Guidelines" (D3xx).
    static let testing: [any DraftRule.Type] = [
        NonPythonTestsRule.self, NoObservableOutcomeRule.self, ImplementationInspectionRule.self,
        VagueCriterionRule.self, SingleAspectRule.self, FlakyCheckRule.self, ExistenceOnlyCheckRule.self,
    ]
}
