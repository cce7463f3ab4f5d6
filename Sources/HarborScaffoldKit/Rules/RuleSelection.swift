/// Which rules run and at what severity, from `--select`, `--extend-select`, `--ignore` and
/// severity overrides. Selectors are exact ids (`D101`), id prefixes (`D1`, `D`), kebab-case names
/// (`missing-field`), the names of `harbor lint`'s rules (`agent-image-test-leak`, see
/// ``HarborLintEquivalents``) or `ALL`.
public struct RuleSelection: Sendable {
    /// Selectors that replace the default set (empty: every rule).
    public var select: [String]
    /// Selectors added to the selected set.
    public var extendSelect: [String]
    /// Selectors removed from the selected set; the most specific selector wins, as in ruff.
    public var ignore: [String]
    /// Severity overrides keyed by rule id.
    public var severityOverrides: [String: Severity]

    /// Creates a selection.
    public init(
        select: [String] = [], extendSelect: [String] = [], ignore: [String] = [],
        severityOverrides: [String: Severity] = [:]
    ) {
        self.select = select
        self.extendSelect = extendSelect
        self.ignore = ignore
        self.severityOverrides = severityOverrides
    }

    /// The default selection: every rule except the opt-in ones.
    public static let all = RuleSelection()

    /// How specifically `selector` names `rule`: `nil` when it does not, higher when more specific.
    static func specificity(_ selector: String, _ rule: RuleDescription) -> Int? {
        let upper = selector.uppercased()
        if upper == "ALL" { return 0 }
        if selector.lowercased() == rule.name || upper == rule.id { return 100 }
        if HarborLintEquivalents.ruleIDs(for: selector).contains(rule.id) { return 100 }
        if rule.id.hasPrefix(upper), upper.first?.isLetter == true { return upper.count }
        return nil
    }

    /// True when `rule` runs under this selection. An opt-in rule runs only when `--select` or
    /// `--extend-select` names it (`ALL` and id prefixes count).
    public func isEnabled(_ rule: RuleDescription) -> Bool {
        let selected = select.isEmpty && !rule.isOptIn ? 0 : select.compactMap { Self.specificity($0, rule) }.max()
        let extended = extendSelect.compactMap { Self.specificity($0, rule) }.max()
        let chosen = [selected, extended].compactMap { $0 }.max()
        guard let chosen else { return false }
        guard let ignored = ignore.compactMap({ Self.specificity($0, rule) }).max() else { return true }
        return chosen > ignored
    }

    /// True when an `--ignore` selector names `rule`.
    public func ignores(_ rule: RuleDescription) -> Bool {
        ignore.contains { Self.specificity($0, rule) != nil }
    }

    /// The severity `rule` reports at.
    public func severity(of rule: RuleDescription) -> Severity {
        severityOverrides[rule.id] ?? rule.defaultSeverity
    }

    /// Selectors that name no rule in `rules`, for a usage error.
    public func unknownSelectors(among rules: [RuleDescription]) -> [String] {
        (select + extendSelect + ignore + Array(severityOverrides.keys)).filter { selector in
            !rules.contains { Self.specificity(selector, $0) != nil }
        }
    }
}
