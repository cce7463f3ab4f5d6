/// A check on a task folder (builder layout or Harbor directory).
///
/// Like draft rules, each lint rule is a small type in its own file whose description's examples
/// run as its tests. Example files are keyed by path relative to the task folder; an example whose
/// files include `task.toml` or `instruction.md` is linted as a Harbor directory, else as the builder layout.
public protocol LintRule: Sendable {
    /// The rule's id, name, rationale and examples.
    static var description: RuleDescription { get }
    /// Creates the rule.
    init()
    /// Reports every problem of this kind in `target`; findings name their file with `report(_:in:at:)`.
    func check(_ target: LintTarget, into sink: inout FindingSink)
}

extension FindingSink {
    /// Reports a finding in `file` of a lint target.
    public mutating func report(_ message: String, in file: LintFile, at range: SourceRange?, hint: String? = nil) {
        report(message, path: file.source.path, at: range, hint: hint)
    }
}
