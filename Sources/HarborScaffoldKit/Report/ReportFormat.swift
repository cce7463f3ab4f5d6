/// The output formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity[ID] message` lines with hints, then a summary.
    case text
    /// One JSON document: `{"version": 1, "diagnostics": [...], "summary": {...}}`.
    case json
    /// One JSON object per finding per line.
    case jsonLines = "json-lines"
    /// SARIF 2.1.0, for GitHub code scanning.
    case sarif
    /// GitHub Actions workflow annotations (plus a step summary).
    case github
    /// JUnit XML, one test case per finding.
    case junit
    /// GitLab Code Quality JSON.
    case gitlab

    /// True when the format carries fingerprints (so line texts are worth reading).
    public var usesFingerprints: Bool { self == .sarif || self == .gitlab }

    /// Renders `report`; `style` colours text output.
    public func render(_ report: Report, style: TextStyle) -> String {
        render(report, context: ReportContext(style: style))
    }

    /// Renders `report` with everything the format may need from `context`.
    public func render(_ report: Report, context: ReportContext) -> String {
        switch self {
        case .text:
            let text = TextReporter(style: context.style).render(report)
            guard let summary = context.summary else { return text }
            return text + "\n" + summary.table(style: context.style)
        case .json: return JSONReporter().render(report)
        case .jsonLines: return JSONLinesReporter().render(report)
        case .sarif: return SARIFReporter().render(report, context: context)
        case .github: return GitHubReporter().render(report)
        case .junit: return JUnitReporter().render(report)
        case .gitlab: return GitLabReporter().render(report, context: context)
        }
    }
}
