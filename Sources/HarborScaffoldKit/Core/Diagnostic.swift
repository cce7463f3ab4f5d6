/// One finding: a rule (or an input problem) reported at a place in a file.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// The rule's stable id, e.g. `D101`; input problems use ids from ``InputProblem``.
    public var ruleID: String
    /// The rule's kebab-case name, e.g. `missing-field`.
    public var ruleName: String
    /// The severity after configuration overrides.
    public var severity: Severity
    /// One sentence describing what is wrong here.
    public var message: String
    /// The file the finding is in, as the user named it (or relative to the workspace).
    public var path: String
    /// Where in the file; `nil` for whole-file findings.
    public var range: SourceRange?
    /// How to fix it, when there is something concrete to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        ruleID: String, ruleName: String, severity: Severity, message: String,
        path: String, range: SourceRange?, hint: String? = nil
    ) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.severity = severity
        self.message = message
        self.path = path
        self.range = range
        self.hint = hint
    }

    /// The 1-based line, or 1 for whole-file findings.
    public var line: Int { range?.start.line ?? 1 }
    /// The 1-based column, or 1 for whole-file findings.
    public var column: Int { range?.start.column ?? 1 }
}

extension Diagnostic {
    /// The deterministic order of output: path, line, column, rule id, message.
    public static func outputOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
