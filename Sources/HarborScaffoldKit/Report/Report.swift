/// The result of a run: its findings in output order and what was checked.
public struct Report: Sendable {
    /// Every finding, sorted by ``Diagnostic/outputOrder(_:_:)``.
    public let diagnostics: [Diagnostic]
    /// How many files (drafts, skeletons, tasks) were checked.
    public let checkedCount: Int
    /// What a checked thing is called in summaries ("draft", "data point").
    public let noun: String

    /// Creates a report, sorting the findings.
    public init(diagnostics: [Diagnostic], checkedCount: Int, noun: String = "draft") {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.outputOrder)
        self.checkedCount = checkedCount
        self.noun = noun
    }

    /// Number of findings at `severity`.
    public func count(_ severity: Severity) -> Int { diagnostics.lazy.filter { $0.severity == severity }.count }

    /// True when some input could not be read (an `I` finding).
    public var hasInputProblems: Bool { diagnostics.contains { $0.ruleID.hasPrefix("I") } }

    /// The exit code: 2 for unreadable input, 1 for findings at or above `failOn`, else 0.
    public func exitCode(failOn: Severity?) -> ExitCode {
        if hasInputProblems { return .usageOrInputError }
        guard let failOn else { return .clean }
        return diagnostics.contains { $0.severity >= failOn } ? .findings : .clean
    }
}
