/// Renders a report as GitHub Actions workflow commands, one annotation per finding:
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`.
///
/// Messages escape `%`, CR and LF (`%25`, `%0D`, `%0A`); property values also escape `:` and `,`
/// (`%3A`, `%2C`). Errors become `error`, warnings `warning`, infos `notice`. GitHub shows only the
/// first 10 annotations of each kind per step, so ``summary(_:context:)`` renders a Markdown summary
/// for `$GITHUB_STEP_SUMMARY` too.
public struct GitHubReporter: Sendable {
    /// At most this many findings are listed in the step summary.
    public static let summaryLimit = 200

    /// Creates a reporter.
    public init() {}

    /// The workflow command of a severity.
    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// The annotations, one per line.
    public func render(_ report: Report) -> String {
        report.diagnostics.map { diagnostic in
            var properties = [("file", diagnostic.path), ("line", String(diagnostic.line)), ("col", String(diagnostic.column))]
            if let end = diagnostic.range?.end, end >= (diagnostic.range?.start ?? end) {
                properties += [("endLine", String(end.line)), ("endColumn", String(end.column))]
            }
            properties.append(("title", "\(diagnostic.ruleID) \(diagnostic.ruleName)"))
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\nhint: " + hint }
            return "::" + Self.command(diagnostic.severity) + " "
                + properties.map { $0.0 + "=" + Self.escapeProperty($0.1) }.joined(separator: ",")
                + "::" + Self.escapeData(message) + "\n"
        }.joined()
    }

    /// A workflow command's message escaped.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A workflow command's property value escaped.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The Markdown step summary: totals, `check`'s summary when there is one, findings per rule
    /// and the first ``summaryLimit`` findings.
    public func summary(_ report: Report, context: ReportContext) -> String {
        let noun = report.checkedCount == 1 ? report.noun : report.noun + "s"
        var out = "## harbor-scaffold\n\n"
        out += "\(report.checkedCount) \(noun) checked: \(report.count(.error)) errors, \(report.count(.warning)) warnings, "
            + "\(report.count(.info)) info.\n\n"
        if let summary = context.summary { out += summary.markdown() + "\n" }
        guard !report.diagnostics.isEmpty else { return out + "No findings.\n" }
        var perRule: [String: (name: String, count: Int)] = [:]
        for diagnostic in report.diagnostics { perRule[diagnostic.ruleID, default: (diagnostic.ruleName, 0)].count += 1 }
        out += "| rule | name | findings |\n|---|---|---:|\n"
        for id in perRule.keys.sorted() { out += "| `\(id)` | \(perRule[id]!.name) | \(perRule[id]!.count) |\n" }
        out += "\n| severity | rule | location | message |\n|---|---|---|---|\n"
        for diagnostic in report.diagnostics.prefix(Self.summaryLimit) {
            out += "| \(diagnostic.severity.rawValue) | `\(diagnostic.ruleID)` | `\(Self.cell(diagnostic.path)):\(diagnostic.line)` | \(Self.cell(diagnostic.message)) |\n"
        }
        if report.diagnostics.count > Self.summaryLimit {
            out += "\n…and \(report.diagnostics.count - Self.summaryLimit) more findings; see the job's log or the SARIF upload.\n"
        }
        return out
    }

    /// Text made safe for a Markdown table cell.
    static func cell(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "`": out += "'"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
