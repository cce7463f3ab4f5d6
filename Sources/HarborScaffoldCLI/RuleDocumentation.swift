import HarborScaffoldKit

/// Renders rule descriptions for `harbor-scaffold rules`.
enum RuleDocumentation {
    static let familyTitles: [String: String] = [
        "D": "Draft rules (validate)", "C": "Dockerfile rules (lint)", "P": "Python test rules (lint)",
        "W": "weights.json rules (lint)", "M": "Prompt rules (lint)", "T": "Harbor task rules (lint)",
        "S": "Script rules (lint)", "L": "Lint meta rules", "X": "Workspace rules (check)",
    ]

    /// The rule table, grouped by family, followed by the input problems.
    static func table(style: TextStyle) -> String {
        var out = ""
        var family = ""
        for rule in RuleCatalog.all {
            if rule.family != family {
                family = rule.family
                out += (out.isEmpty ? "" : "\n") + style.bold(familyTitles[family] ?? family) + "\n"
            }
            let severity = style.severity(rule.defaultSeverity.rawValue.padding(to: 7), rule.defaultSeverity)
            out += "  \(rule.id)  \(rule.name.padding(to: 28)) \(severity)  \(rule.title)\(rule.isOptIn ? " (opt-in)" : "")\n"
        }
        out += "\n" + style.bold("Input problems (always on, exit 2)") + "\n"
        for kind in InputProblem.Kind.allCases {
            out += "  \(kind.rawValue)  \(kind.name.padding(to: 28)) \(style.severity("error  ", .error))  \(kind.summary)\n"
        }
        return out
    }

    /// The rule table as Markdown, as the README shows it.
    static func markdownTable() -> String {
        var out = "| id | name | severity | what it checks |\n|---|---|---|---|\n"
        for rule in RuleCatalog.all {
            out += "| `\(rule.id)` | `\(rule.name)` | \(rule.defaultSeverity.rawValue)\(rule.isOptIn ? ", opt-in" : "") | \(rule.title) |\n"
        }
        for kind in InputProblem.Kind.allCases {
            out += "| `\(kind.rawValue)` | `\(kind.name)` | error (exit 2) | \(kind.summary) |\n"
        }
        return out
    }

    /// The full explanation of one rule.
    static func explain(_ rule: RuleDescription, style: TextStyle) -> String {
        var out = style.bold("\(rule.id) \(rule.name)") + ": " + rule.title + "\n"
        out += "Default severity: " + style.severity(rule.defaultSeverity.rawValue, rule.defaultSeverity) + "\n"
        if rule.isOptIn { out += "Off by default (opt-in): enable it with --extend-select \(rule.id).\n" }
        let hadolint = HadolintEquivalents.equivalents(of: rule.id)
        if !hadolint.isEmpty {
            out += "hadolint: " + hadolint.map(\.label).joined(separator: ", ") + "\n"
        }
        let harbor = HarborLintEquivalents.names(of: rule.id)
        if !harbor.isEmpty { out += "harbor lint: " + harbor.joined(separator: ", ") + "\n" }
        out += "\n"
        out += style.bold("Why") + "\n" + indent(rule.rationale) + "\n\n"
        out += style.bold("Triggers on") + "\n"
        out += rule.triggeringExamples.map { indent($0.displayText) }.joined(separator: "\n\n") + "\n\n"
        out += style.bold("Does not trigger on") + "\n"
        out += rule.nonTriggeringExamples.map { indent($0.displayText) }.joined(separator: "\n\n") + "\n\n"
        out += "Turn it off with --ignore \(rule.id), or run it alone with --select \(rule.id).\n"
        return out
    }

    /// One rule as a JSON object; `hadolint` (the equivalent hadolint codes) and `harbor_lint` (the
    /// equivalent `harbor lint` rules) are present only for rules that have some.
    static func json(_ rule: RuleDescription) -> String {
        var fields = [
            ("id", JSONWriter.quote(rule.id)),
            ("name", JSONWriter.quote(rule.name)),
            ("severity", JSONWriter.quote(rule.defaultSeverity.rawValue)),
            ("title", JSONWriter.quote(rule.title)),
            ("opt_in", rule.isOptIn ? "true" : "false"),
        ]
        let hadolint = HadolintEquivalents.equivalents(of: rule.id)
        if !hadolint.isEmpty { fields.append(("hadolint", JSONWriter.array(hadolint.map { JSONWriter.quote($0.code) }))) }
        let harbor = HarborLintEquivalents.names(of: rule.id)
        if !harbor.isEmpty { fields.append(("harbor_lint", JSONWriter.array(harbor.map { JSONWriter.quote($0) }))) }
        fields += [
            ("rationale", JSONWriter.quote(rule.rationale)),
            ("triggering", JSONWriter.array(rule.triggeringExamples.map { JSONWriter.quote($0.displayText) })),
            ("non_triggering", JSONWriter.array(rule.nonTriggeringExamples.map { JSONWriter.quote($0.displayText) })),
        ]
        return JSONWriter.object(fields)
    }

    /// Every rule as a JSON array.
    static func jsonList() -> String {
        "[\n" + RuleCatalog.all.map { "  " + json($0) }.joined(separator: ",\n") + "\n]\n"
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
