/// Renders a report as one JSON document with a stable key order:
/// `{"version": 1, "diagnostics": [{"rule", "name", "severity", "message", "path", "line", "column",
/// "end_line", "end_column", "hint"}], "summary": {...}}`.
public struct JSONReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// One diagnostic as a JSON object.
    public static func object(_ diagnostic: Diagnostic) -> String {
        let end = diagnostic.range?.end
        return JSONWriter.object([
            ("rule", JSONWriter.quote(diagnostic.ruleID)),
            ("name", JSONWriter.quote(diagnostic.ruleName)),
            ("severity", JSONWriter.quote(diagnostic.severity.rawValue)),
            ("message", JSONWriter.quote(diagnostic.message)),
            ("path", JSONWriter.quote(diagnostic.path)),
            ("line", String(diagnostic.line)),
            ("column", String(diagnostic.column)),
            ("end_line", String(end?.line ?? diagnostic.line)),
            ("end_column", String(end?.column ?? diagnostic.column)),
            ("hint", JSONWriter.optional(diagnostic.hint)),
        ])
    }

    /// The rendered report, ending with a newline.
    public func render(_ report: Report) -> String {
        let diagnostics = report.diagnostics.map { "    " + Self.object($0) }
        let summary = JSONWriter.object([
            ("checked", String(report.checkedCount)),
            ("errors", String(report.count(.error))),
            ("warnings", String(report.count(.warning))),
            ("infos", String(report.count(.info))),
            ("files_with_findings", String(Set(report.diagnostics.map(\.path)).count)),
        ])
        let list = diagnostics.isEmpty ? "[]" : "[\n" + diagnostics.joined(separator: ",\n") + "\n  ]"
        return "{\n  \"version\": 1,\n  \"diagnostics\": \(list),\n  \"summary\": \(summary)\n}\n"
    }
}
