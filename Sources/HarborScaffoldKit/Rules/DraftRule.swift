/// A check on one parsed `draft_spec.md`.
///
/// Each rule is a small type in its own file with a static ``RuleDescription`` whose examples run
/// as tests.
public protocol DraftRule: Sendable {
    /// The rule's id, name, rationale and examples.
    static var description: RuleDescription { get }
    /// Creates the rule (rules hold no state).
    init()
    /// Reports every problem of this kind in `draft`.
    func check(_ draft: DraftSpec, into sink: inout FindingSink)
}
