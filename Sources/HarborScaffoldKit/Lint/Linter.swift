/// Runs the selected lint rules over task folders and applies suppression comments.
public struct Linter: Sendable {
    private typealias Entry = (rule: any LintRule, description: RuleDescription, severity: Severity)
    private let rules: [Entry]
    /// Opt-in rules the selection leaves off without ignoring them: a task's `[metadata.harbor.lint]` may turn them on.
    private let optInRules: [Entry]
    private let configuration: LintConfiguration?

    /// Creates a linter for the rules `selection` enables, with per-path settings from `configuration`.
    public init(selection: RuleSelection = .all, configuration: LintConfiguration? = nil) {
        var rules: [Entry] = []
        var optInRules: [Entry] = []
        for type in LintRules.all {
            let description = type.description
            if selection.isEnabled(description) {
                rules.append((type.init(), description, selection.severity(of: description)))
            } else if description.isOptIn, !selection.ignores(description) {
                optInRules.append((type.init(), description, selection.severity(of: description)))
            }
        }
        self.rules = rules
        self.optInRules = optInRules
        self.configuration = configuration
    }

    /// The findings for `target`, in output order. A Harbor task's `[metadata.harbor.lint]` in
    /// task.toml turns rules off (or opt-in rules on) for that task, as `harbor lint` does.
    public func lint(_ target: LintTarget) -> [Diagnostic] {
        var all = target.inputProblems
        let settings = TaskLintSettings(target.parsedTaskConfig?.table)
        let chosen = rules + optInRules.filter { settings.enabledOptIn.contains($0.description.id) }
        for entry in chosen where !settings.ignored.contains(entry.description.id) {
            var sink = FindingSink(rule: entry.description, severity: entry.severity, path: target.display(target.dockerfilePath))
            entry.rule.check(target, into: &sink)
            for diagnostic in sink.diagnostics {
                if target.suppressions[diagnostic.path]?.suppresses(diagnostic, of: entry.description) == true { continue }
                if let configuration, let root = target.absoluteRoot,
                    configuration.ignores(entry.description, absolutePath: root + "/" + target.relative(diagnostic.path))
                {
                    continue
                }
                all.append(diagnostic)
            }
        }
        return all.sorted(by: Diagnostic.outputOrder)
    }
}

extension SourceRange {
    /// The same range starting (and ending) at `column`.
    func with(column: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: start.line, column: column), end: SourcePosition(line: start.line, column: column))
    }
}
