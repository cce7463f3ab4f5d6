/// Every rule harbor-scaffold knows, for listing, explaining and selection.
public enum RuleCatalog {
    /// All rule descriptions in id order.
    public static let all: [RuleDescription] =
        (DraftRules.all.map { $0.description } + LintRules.all.map { $0.description } + WorkspaceRules.all.map { $0.description }).sorted { $0.id < $1.id }

    /// The rule with this id or name, if any.
    public static func rule(named selector: String) -> RuleDescription? {
        all.first { $0.id == selector.uppercased() || $0.name == selector.lowercased() }
    }

    /// The closest id or name to `selector`, for did-you-mean.
    public static func suggestion(for selector: String) -> String? {
        EditDistance.suggestion(for: selector, among: all.flatMap { [$0.id, $0.name] })
    }
}
