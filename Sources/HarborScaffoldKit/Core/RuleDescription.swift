/// The documentation of a rule: its stable id and name, what it checks, why, and examples.
///
/// Examples are executable: every triggering example must produce at least one finding of the rule
/// and every non-triggering example none. The test suite runs them for every registered rule.
public struct RuleDescription: Sendable {
    /// Stable short code, e.g. `D101`. Never reused or renumbered.
    public let id: String
    /// Stable kebab-case name, e.g. `missing-field`; accepted wherever an id is.
    public let name: String
    /// One-line summary shown in rule listings.
    public let title: String
    /// The severity used unless configuration overrides it.
    public let defaultSeverity: Severity
    /// Why the rule exists, citing the pipeline rule it enforces.
    public let rationale: String
    /// Inputs that must trigger the rule.
    public let triggeringExamples: [RuleExample]
    /// Inputs that must not trigger the rule.
    public let nonTriggeringExamples: [RuleExample]
    /// True for a rule that runs only when a selector names it (its id, name, a prefix of its id, or
    /// `ALL`); the default selection leaves it off, as Harbor's lint does with `root-agent`.
    public let isOptIn: Bool

    /// Creates a rule description.
    public init(
        id: String, name: String, title: String, severity: Severity, rationale: String,
        triggering: [RuleExample], nonTriggering: [RuleExample], optIn: Bool = false
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.defaultSeverity = severity
        self.rationale = rationale
        self.triggeringExamples = triggering
        self.nonTriggeringExamples = nonTriggering
        self.isOptIn = optIn
    }

    /// The rule family, the id's letter prefix (e.g. `D` for drafts).
    public var family: String { String(id.prefix(while: { $0.isLetter })) }
}

/// An example input for a rule: one or more files of a data point, keyed by relative path.
public struct RuleExample: Sendable {
    /// File contents keyed by path relative to the data point (e.g. `draft_spec.md`, `Dockerfile`).
    public let files: [String: String]
    /// What `rules ID` shows, when only part of the files matters (e.g. one field of a whole draft).
    public let excerpt: String?
    /// For lint rules: the stage the example is linted at (`skeleton` when `nil`).
    public let stage: LintStage?
    /// For lint rules: symbolic links in the task folder, path → stored target.
    public let links: [String: String]

    /// An example made of several files and, for lint rules, symbolic links.
    public init(files: [String: String], links: [String: String] = [:], excerpt: String? = nil, stage: LintStage? = nil) {
        self.files = files
        self.links = links
        self.excerpt = excerpt
        self.stage = stage
    }

    /// An example made of one file.
    public init(_ text: String, file: String, excerpt: String? = nil, stage: LintStage? = nil) {
        self.files = [file: text]
        self.links = [:]
        self.excerpt = excerpt
        self.stage = stage
    }

    /// The text to show for this example.
    public var displayText: String {
        if let excerpt { return excerpt }
        if files.count == 1, links.isEmpty, let only = files.first { return only.value }
        let shownFiles = files.keys.sorted().map { "# \($0)\n\(files[$0] ?? "")" }
        let shownLinks = links.keys.sorted().map { "# \($0) -> \(links[$0] ?? "") (symbolic link)\n" }
        return (shownFiles + shownLinks).joined(separator: "\n")
    }
}
