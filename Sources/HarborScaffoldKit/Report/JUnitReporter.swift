/// Renders a report as JUnit XML: one `<testsuite>` per file with findings, one `<testcase>` per
/// finding, each with a `<failure>`.
///
/// GitLab keeps only the first test case per class name and name, and Jenkins one failure per test
/// case, so every finding gets its own test case whose name is unique within its file:
/// `D203 invalid-difficulty at 7:13`, with ` (2)`, ` (3)`… added when one rule reports twice at
/// the same place. A run without findings is one passing test case.
public struct JUnitReporter: Sendable {
    /// Creates a reporter.
    public init() {}

    /// The rendered XML document.
    public func render(_ report: Report) -> String {
        var groups: [(path: String, diagnostics: [Diagnostic])] = []
        for diagnostic in report.diagnostics {
            if groups.last?.path == diagnostic.path { groups[groups.count - 1].diagnostics.append(diagnostic) } else { groups.append((diagnostic.path, [diagnostic])) }
        }
        let total = max(report.diagnostics.count, 1)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"harbor-scaffold\" tests=\"\(total)\" failures=\"\(report.diagnostics.count)\" errors=\"0\">\n"
        if groups.isEmpty {
            let noun = report.checkedCount == 1 ? report.noun : report.noun + "s"
            out += "  <testsuite name=\"harbor-scaffold\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
            out += "    <testcase classname=\"harbor-scaffold\" name=\"\(report.checkedCount) \(Self.escape(noun)) checked: no findings\"/>\n"
            out += "  </testsuite>\n"
        }
        for group in groups {
            let path = Self.escape(group.path)
            out += "  <testsuite name=\"\(path)\" tests=\"\(group.diagnostics.count)\" failures=\"\(group.diagnostics.count)\" errors=\"0\">\n"
            var used: [String: Int] = [:]
            for diagnostic in group.diagnostics {
                var name = "\(diagnostic.ruleID) \(diagnostic.ruleName) at \(diagnostic.line):\(diagnostic.column)"
                let seen = used[name, default: 0] + 1
                used[name] = seen
                if seen > 1 { name += " (\(seen))" }
                var body = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue)[\(diagnostic.ruleID)] \(diagnostic.message)"
                if let hint = diagnostic.hint { body += "\nhint: " + hint }
                out += "    <testcase classname=\"\(path)\" name=\"\(Self.escape(name))\" file=\"\(path)\" line=\"\(diagnostic.line)\">\n"
                out += "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(Self.escape(diagnostic.message))\">\(Self.escape(body, attribute: false))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// Text escaped for XML attribute values (or, with `attribute` false, element content, where line
    /// breaks and tabs stay literal); characters XML 1.0 cannot hold become U+FFFD.
    public static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
