/// A check on a whole workspace: every draft's profile at once (family X, run by `check`).
///
/// Like draft and lint rules, each workspace rule is a small type in its own file whose
/// description's examples run as its tests. Example files are keyed by workspace-relative path
/// (`data_points/<id>/draft_spec.md`, `data_points/<id>/metadata.json`).
public protocol WorkspaceRule: Sendable {
    /// The rule's id, name, rationale and examples.
    static var description: RuleDescription { get }
    /// Creates the rule.
    init()
    /// Reports every problem of this kind in `workspace`. The sink's path is the workspace's
    /// `data_points` folder; findings about particular drafts name the draft with `report(_:path:at:)`.
    func check(_ workspace: WorkspaceDrafts, into sink: inout FindingSink)
}

/// The registry of workspace rules.
public enum WorkspaceRules {
    /// Every workspace rule, in id order.
    public static let all: [any WorkspaceRule.Type] =
        ([NearDuplicateDraftsRule.self, LanguageMixRule.self, SeedCategoryRepeatRule.self, DifficultyDistributionRule.self] as [any WorkspaceRule.Type])
        .sorted { $0.description.id < $1.description.id }

    /// Share-based rules stay quiet below this many drafts: a handful of drafts has no meaningful mix.
    public static let minimumDrafts = 10

    /// True when `selection` enables at least one workspace rule.
    public static func anyEnabled(_ selection: RuleSelection) -> Bool {
        all.contains { selection.isEnabled($0.description) }
    }
}

/// Every draft of a workspace as the workspace rules see it: profiles in id order, and their
/// MinHash signatures stored back to back.
public struct WorkspaceDrafts: Sendable {
    /// How the workspace's `data_points` folder is shown in findings.
    public let path: String
    /// The drafts, sorted by id.
    public let drafts: [DraftProfile]
    /// ``MinHash/slots`` values per draft, in the order of ``drafts``.
    public let signatures: [MinHash.Value]

    /// Creates the collection; `signatures` holds ``MinHash/slots`` values per draft.
    public init(path: String, drafts: [DraftProfile], signatures: [MinHash.Value]) {
        precondition(signatures.count == drafts.count * MinHash.slots)
        self.path = path
        self.drafts = drafts
        self.signatures = signatures
    }

    /// Builds the collection from file contents keyed by workspace-relative path
    /// (`data_points/<id>/draft_spec.md` and optional `data_points/<id>/metadata.json`), for rule
    /// examples and tests.
    public init(files: [String: String], root: String = "") {
        let prefix = "data_points/"
        var ids = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) && path.hasSuffix("/" + DataPointReference.draftFileName) {
            ids.insert(String(path.dropFirst(prefix.count).dropLast(DataPointReference.draftFileName.count + 1)))
        }
        let sorted = ids.sorted()
        var signatures = [MinHash.Value](repeating: MinHash.emptySlot, count: sorted.count * MinHash.slots)
        var drafts: [DraftProfile] = []
        let shownRoot = root.isEmpty ? "" : root + "/"
        signatures.withUnsafeMutableBufferPointer { buffer in
            for (index, id) in sorted.enumerated() {
                let relative = prefix + id + "/" + DataPointReference.draftFileName
                let draft = DraftSpec(source: SourceText(path: shownRoot + relative, text: files[relative] ?? ""))
                let metadata = files[prefix + id + "/" + DataPointMetadata.fileName].flatMap { DataPointMetadata(json: Array($0.utf8)) }
                let slot = UnsafeMutableBufferPointer(rebasing: buffer[(index * MinHash.slots)..<((index + 1) * MinHash.slots)])
                drafts.append(DraftProfile(id: id, draft: draft, metadata: metadata, signature: slot))
            }
        }
        self.init(path: shownRoot + "data_points", drafts: drafts, signatures: signatures)
    }

    /// The signature of draft `index`.
    public func signature(_ index: Int) -> ArraySlice<MinHash.Value> {
        signatures[(index * MinHash.slots)..<((index + 1) * MinHash.slots)]
    }
}

/// Runs the selected workspace rules.
public struct WorkspaceChecker: Sendable {
    private let rules: [(rule: any WorkspaceRule, description: RuleDescription, severity: Severity)]

    /// Creates a checker for the workspace rules `selection` enables.
    public init(selection: RuleSelection = .all) {
        rules = WorkspaceRules.all.compactMap { type in
            let description = type.description
            guard selection.isEnabled(description) else { return nil }
            return (type.init(), description, selection.severity(of: description))
        }
    }

    /// True when no workspace rule is selected.
    public var isEmpty: Bool { rules.isEmpty }

    /// The findings for `workspace`, in output order.
    public func check(_ workspace: WorkspaceDrafts) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for entry in rules {
            var sink = FindingSink(rule: entry.description, severity: entry.severity, path: workspace.path)
            entry.rule.check(workspace, into: &sink)
            all.append(contentsOf: sink.diagnostics)
        }
        return all.sorted(by: Diagnostic.outputOrder)
    }
}

/// Percentages for messages: whole numbers.
enum Share {
    static func percent(_ part: Int, of total: Int) -> String {
        total == 0 ? "0%" : "\(Int((Double(part) * 100 / Double(total)).rounded()))%"
    }
}
