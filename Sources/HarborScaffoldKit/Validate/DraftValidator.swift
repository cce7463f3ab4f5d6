/// Runs the selected draft rules over drafts.
public struct DraftValidator: Sendable {
    private let rules: [(rule: any DraftRule, description: RuleDescription, severity: Severity)]

    /// Creates a validator for the rules `selection` enables.
    public init(selection: RuleSelection = .all) {
        rules = DraftRules.all.compactMap { type in
            let description = type.description
            guard selection.isEnabled(description) else { return nil }
            return (type.init(), description, selection.severity(of: description))
        }
    }

    /// The findings for one parsed draft, in output order.
    public func validate(_ draft: DraftSpec) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for entry in rules {
            var sink = FindingSink(rule: entry.description, severity: entry.severity, path: draft.path)
            entry.rule.check(draft, into: &sink)
            all.append(contentsOf: sink.diagnostics)
        }
        return all.sorted(by: Diagnostic.outputOrder)
    }

    /// Reads and validates the draft at `path`; unreadable input becomes an input-problem finding.
    public func validate(fileAt path: String, displayPath: String, confinedTo folder: String?) -> [Diagnostic] {
        do {
            let source = try TextFileReader(confinedTo: folder).read(path, displayPath: displayPath)
            return validate(DraftSpec(source: source))
        } catch {
            return [error.diagnostic]
        }
    }
}
