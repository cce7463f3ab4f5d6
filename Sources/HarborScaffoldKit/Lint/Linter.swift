/// Runs the selected lint rules over task folders and applies suppression comments.
public struct Linter: Sendable {
    private let rules: [(rule: any LintRule, description: RuleDescription, severity: Severity)]
    private let configuration: LintConfiguration?

    /// Creates a linter for the rules `selection` enables, with per-path settings from `configuration`.
    public init(selection: RuleSelection = .all, configuration: LintConfiguration? = nil) {
        rules = LintRules.all.compactMap { type in
            let description = type.description
            guard selection.isEnabled(description) else { return nil }
            return (type.init(), description, selection.severity(of: description))
        }
        self.configuration = configuration
    }

    /// The findings for `target`, in output order.
    public func lint(_ target: LintTarget) -> [Diagnostic] {
        var all = target.inputProblems
        for entry in rules {
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
