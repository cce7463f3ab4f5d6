/// The registry of lint rules, one list per family file.
public enum LintRules {
    /// Rules about the lint run itself (L).
    static let meta: [any LintRule.Type] = [UnknownSuppressionRule.self, PlaceholderLeftRule.self]

    /// Every lint rule, in id order.
    public static let all: [any LintRule.Type] = (meta + dockerfile + harbor + compose + scripts + pythonTests + weights + prompt)
        .sorted { $0.description.id < $1.description.id }
}
