/// The output formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity[ID] message` lines with hints, then a summary.
    case text
    /// One JSON document: `{"version": 1, "diagnostics": [...], "summary": {...}}`.
    case json

    /// Renders `report`; `style` colours text output.
    public func render(_ report: Report, style: TextStyle) -> String {
        switch self {
        case .text: TextReporter(style: style).render(report)
        case .json: JSONReporter().render(report)
        }
    }
}
