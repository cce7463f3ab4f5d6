/// Renders a report as JSON Lines: one finding per line, each the same object as in `--format json`
/// (no summary), for streaming into other tools.
public struct JSONLinesReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The rendered lines; empty when there are no findings.
    public func render(_ report: Report) -> String {
        report.diagnostics.map { JSONReporter.object($0) + "\n" }.joined()
    }
}
