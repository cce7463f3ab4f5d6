/// Renders findings as `path:line:col: severity[ID] message` lines, each followed by its hint,
/// then a one-line summary.
public struct TextReporter: Sendable {
    /// Colouring.
    public let style: TextStyle

    /// Creates a reporter.
    public init(style: TextStyle = .plain) { self.style = style }

    /// The rendered report.
    public func render(_ report: Report) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            out += style.bold("\(diagnostic.path):\(diagnostic.line):\(diagnostic.column):") + " "
            out += style.severity(diagnostic.severity.rawValue, diagnostic.severity)
            out += style.dim("[\(diagnostic.ruleID)]") + " " + Self.singleLine(diagnostic.message) + "\n"
            if let hint = diagnostic.hint {
                out += "    " + style.dim("hint:") + " " + Self.singleLine(hint) + "\n"
            }
        }
        out += summary(report) + "\n"
        return out
    }

    /// The closing summary line.
    public func summary(_ report: Report) -> String {
        let noun = report.checkedCount == 1 ? report.noun : report.noun + "s"
        if report.diagnostics.isEmpty {
            return style.success("\(report.checkedCount) \(noun) checked: no findings.")
        }
        let parts = Severity.allCases.reversed().map { severity -> String in
            let count = report.count(severity)
            let word = severity == .info ? "info" : severity.rawValue + (count == 1 ? "" : "s")
            return "\(count) \(word)"
        }
        let files = Set(report.diagnostics.map(\.path)).count
        return "\(report.checkedCount) \(noun) checked: " + parts.joined(separator: ", ")
            + " in \(files) file\(files == 1 ? "" : "s")."
    }

    /// Control characters from drafts must not reach the terminal: newlines become `⏎`, others `�`.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            if scalar == "\n" { return "⏎" }
            if scalar == "\t" { return " " }
            return scalar.value < 0x20 || scalar.value == 0x7F ? "\u{FFFD}" : scalar
        }))
    }
}
