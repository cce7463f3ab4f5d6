extension LintRules {
    /// The weights.json rules (W).
    static let weights: [any LintRule.Type] = [
        InvalidWeightsJSONRule.self, WeightsTestMismatchRule.self, NonpositiveWeightRule.self, WeightsSumRule.self,
    ]
}
