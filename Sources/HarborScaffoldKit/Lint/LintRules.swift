/// The registry of lint rules, one list per family file.
public enum LintRules {
    /// Every lint rule, in id order.
    public static let all: [any LintRule.Type] =
        ([UnknownSuppressionRule.self] as [any LintRule.Type] + harbor + scripts).sorted { $0.description.id < $1.description.id }
}
