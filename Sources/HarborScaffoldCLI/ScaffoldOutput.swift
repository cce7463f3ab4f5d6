import HarborScaffoldKit

/// Renders scaffold results for people (text) and machines (JSON).
enum ScaffoldOutput {
    static func text(_ results: [ScaffoldResult], style: TextStyle, dryRun: Bool) -> String {
        var out = ""
        for result in results {
            if !result.diagnostics.isEmpty {
                out += TextReporter(style: style).render(Report(diagnostics: result.diagnostics, checkedCount: 1))
            }
            if let refusal = result.refusal {
                out += style.severity("\(result.taskID): ", .error) + refusal + "\n"
                continue
            }
            guard let plan = result.plan else { continue }
            let tests = plan.tests.map { "\($0.name) (\($0.weightText))" }.joined(separator: ", ")
            out += style.bold(result.taskID) + ": " + plan.selection.ids.joined(separator: " + ") + "; tests: " + tests + "\n"
            if let folder = result.outputDisplay { out += "  Harbor task directory " + folder + "/\n" }
            for todo in plan.selection.todos { out += "  " + style.severity("todo", .warning) + "       " + todo + "\n" }
            for change in result.changes {
                let verb = dryRun ? "would " + presentTense(change.action) : change.action.rawValue
                var line = "  " + verb.padding(to: 18) + " " + change.path
                if let side = change.sidePath {
                    line += dryRun ? " (you edited it; the new version would go to \(side))" : " (you edited it; new version in \(side))"
                }
                out += line + "\n"
                if let diff = change.diff, !diff.isEmpty, change.action != .unchanged {
                    out += diff.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + colour(String($0), style) }.joined(separator: "\n")
                }
            }
            if results.count > 1 { out += "\n" }
        }
        return out
    }

    private static func presentTense(_ action: FileAction) -> String {
        switch action {
        case .created: "create"
        case .updated: "update"
        case .unchanged: "leave unchanged"
        case .keptEdited: "keep"
        case .overwritten: "overwrite"
        }
    }

    private static func colour(_ line: String, _ style: TextStyle) -> String {
        if line.hasPrefix("+"), !line.hasPrefix("+++") { return style.success(line) }
        if line.hasPrefix("-"), !line.hasPrefix("---") { return style.severity(line, .error) }
        return line
    }

    static func json(_ results: [ScaffoldResult]) -> String {
        let items = results.map { result -> String in
            JSONWriter.object([
                ("id", JSONWriter.quote(result.taskID)),
                ("draft", JSONWriter.quote(result.displayPath)),
                ("scaffolded", result.plan != nil && result.refusal == nil ? "true" : "false"),
                ("folder", JSONWriter.optional(result.outputDisplay)),
                ("refusal", JSONWriter.optional(result.refusal)),
                ("blueprints", JSONWriter.array((result.plan?.selection.ids ?? []).map(JSONWriter.quote))),
                ("tests", JSONWriter.array((result.plan?.tests ?? []).map {
                    JSONWriter.object([("name", JSONWriter.quote($0.name)), ("weight", $0.weightText), ("aspects", JSONWriter.array($0.aspects.map(JSONWriter.quote)))])
                })),
                ("files", JSONWriter.array(result.changes.map {
                    JSONWriter.object([("path", JSONWriter.quote($0.path)), ("action", JSONWriter.quote($0.action.rawValue)), ("new_version", JSONWriter.optional($0.sidePath))])
                })),
                ("diagnostics", JSONWriter.array(result.diagnostics.map(JSONReporter.object))),
            ])
        }
        return "{\n  \"version\": 1,\n  \"data_points\": [\n" + items.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}
