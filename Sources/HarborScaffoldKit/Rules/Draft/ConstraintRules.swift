extension DraftRules {
    /// Rules from the pipeline's "Constraints" (D4xx).
    static let constraints: [any DraftRule.Type] = [
        GuiOrManualRule.self, SlowBuildRule.self, NonLinuxRule.self, NetworkAtTestTimeRule.self,
        UserInteractionRule.self, HeavyResourcesRule.self,
    ]
}
