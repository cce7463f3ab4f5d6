/// The registry of lint rules, one list per family file.
public enum LintRules {
    /// Every lint rule, in id order.
    public static let all: [any LintRule.Type] =
        ([UnknownSuppressionRule.self, PlaceholderLeftRule.self] + pythonTests + weights + prompt as [any LintRule.Type])
        .sorted { $0.description.id < $1.description.id }
}
