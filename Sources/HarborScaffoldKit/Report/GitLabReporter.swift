/// Renders a report as a GitLab Code Quality report: a JSON array of issues with `description`,
/// `check_name`, `fingerprint` (unique per finding, stable across line moves: ``Fingerprint``),
/// `severity` (`info`, `minor`, `major`) and `location` (`path` and `lines.begin`).
public struct GitLabReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The Code Quality severity of a severity.
    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }

    /// The rendered JSON array.
    public func render(_ report: Report, context: ReportContext) -> String {
        let fingerprints = context.fingerprints(report)
        let issues = zip(report.diagnostics, fingerprints).map { diagnostic, fingerprint -> JSONText in
            .object([
                ("check_name", .string(diagnostic.ruleID)),
                ("description", .string("\(diagnostic.ruleID) \(diagnostic.ruleName): \(diagnostic.message)")),
                ("severity", .string(Self.severity(diagnostic.severity))),
                ("fingerprint", .string(fingerprint)),
                ("location", .object([
                    ("path", .string(diagnostic.path)),
                    ("lines", .object([("begin", .int(diagnostic.line)), ("end", .int(max(diagnostic.line, diagnostic.range?.end.line ?? diagnostic.line)))])),
                ])),
            ])
        }
        return JSONText.array(issues).rendered(inlineLimit: 2) + "\n"
    }
}
