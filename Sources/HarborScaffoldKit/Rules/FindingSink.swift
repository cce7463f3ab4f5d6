/// Collects the findings one rule reports on one file. Rules never print; they report here.
public struct FindingSink: Sendable {
    /// The rule reporting.
    public let rule: RuleDescription
    /// The severity findings get (the rule's default or a configured override).
    public let severity: Severity
    /// The file being checked.
    public let path: String
    /// What has been reported so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a sink for `rule` reporting on `path`.
    public init(rule: RuleDescription, severity: Severity, path: String) {
        self.rule = rule
        self.severity = severity
        self.path = path
    }

    /// Reports a finding at `range` (or the whole file when `nil`).
    public mutating func report(_ message: String, at range: SourceRange?, hint: String? = nil) {
        report(message, path: path, at: range, hint: hint)
    }

    /// Reports a finding in another file than the sink's (multi-file rules).
    public mutating func report(_ message: String, path: String, at range: SourceRange?, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(
                ruleID: rule.id, ruleName: rule.name, severity: severity, message: message, path: path,
                range: range, hint: hint))
    }
}
