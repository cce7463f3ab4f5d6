/// What `check` runs over a workspace.
public struct BatchOptions: Sendable {
    /// The workspace folder (absolute); data points are the folders in its `data_points/`.
    public var workspace: String
    /// How the workspace is shown in findings: `""` when it is the current folder, else a path.
    public var displayRoot: String
    /// Which rules run, and at what severity.
    public var selection: RuleSelection
    /// Per-path ignores (applied to drafts as well as linted files).
    public var configuration: LintConfiguration?
    /// The lint stage for skeletons and Harbor directories.
    public var stage: LintStage
    /// Only the data points of this shard are checked; the first shard also runs the workspace rules.
    public var shard: Shard?
    /// Data points per unit of parallel work.
    public var chunkSize: Int

    /// Creates options.
    public init(
        workspace: String, displayRoot: String = "", selection: RuleSelection = .all, configuration: LintConfiguration? = nil,
        stage: LintStage = .skeleton, shard: Shard? = nil, chunkSize: Int = 16
    ) {
        self.workspace = workspace
        self.displayRoot = displayRoot
        self.selection = selection
        self.configuration = configuration
        self.stage = stage
        self.shard = shard
        self.chunkSize = max(1, chunkSize)
    }
}

/// What a batch run found.
public struct BatchResult: Sendable {
    /// Every finding (sorted).
    public let diagnostics: [Diagnostic]
    /// The text of the lines findings point at, for fingerprints.
    public let lineTexts: LineTexts
    /// The data points checked (in the shard, when sharded).
    public let dataPointCount: Int
    /// How findings' paths start below the workspace: `<displayRoot>/data_points/`.
    public let dataPointsPrefix: String
    /// Languages and difficulties of the workspace's drafts, when the workspace rules ran.
    public let statistics: WorkspaceStatistics?
    /// The shard checked.
    public let shard: Shard?

    /// The findings as a report.
    public var report: Report { Report(diagnostics: diagnostics, checkedCount: dataPointCount, noun: "data point") }

    /// The summary of `report` (this result's report, or it after a baseline removed findings).
    public func summary(of report: Report) -> BatchSummary {
        BatchSummary(
            diagnostics: report.diagnostics, dataPointCount: dataPointCount, dataPointsPrefix: dataPointsPrefix,
            statistics: statistics, shard: shard)
    }
}

/// Languages and difficulties of a workspace's drafts.
public struct WorkspaceStatistics: Sendable, Equatable {
    /// Drafts read.
    public var drafts = 0
    /// Drafts per language group (drafts whose language is not known are left out).
    public var languages: [LanguageGroup: Int] = [:]
    /// Drafts per valid difficulty level.
    public var difficulties: [String: Int] = [:]

    /// Counts `profiles`.
    public init(_ profiles: [DraftProfile]) {
        drafts = profiles.count
        for profile in profiles {
            if let group = profile.languageGroup { languages[group, default: 0] += 1 }
            if let level = profile.difficulty { difficulties[level, default: 0] += 1 }
        }
    }
}

/// Checks a whole workspace: validates every draft and lints every skeleton or Harbor directory under
/// `data_points/`, in parallel on all cores, then runs the workspace rules over all drafts.
///
/// Each data point is one unit of work: list its folder, read and parse its draft once (the same
/// parse feeds the draft rules and the MinHash signature), lint it when it holds a skeleton or a
/// Harbor task. Results land in per-data-point slots and are merged in id order, so the output does
/// not depend on scheduling.
public struct BatchChecker: Sendable {
    /// The options.
    public let options: BatchOptions
    private let validator: DraftValidator
    private let linter: Linter
    private let workspaceChecker: WorkspaceChecker

    /// Creates a checker.
    public init(options: BatchOptions) {
        self.options = options
        validator = DraftValidator(selection: options.selection)
        linter = Linter(selection: options.selection, configuration: options.configuration)
        workspaceChecker = WorkspaceChecker(selection: options.selection)
    }

    /// Files that make a data point folder a lint target, besides the draft.
    static let lintMarkers: Set<String> = ["prompt.md", "tests.py", "weights.json", "Dockerfile", "task.toml", "instruction.md", "environment", "harbor"]

    /// The ids of the data points in the workspace: its `data_points/` subfolders, sorted, without
    /// hidden folders and links.
    public static func dataPointIDs(in workspace: String) throws(UsageError) -> [String] {
        guard let entries = DirectoryListing.entries(workspace + "/data_points") else {
            throw UsageError("no data_points folder in '\(workspace)'", hint: "pass --workspace DIR naming the shared_workspace folder")
        }
        return entries.filter { $0.isFolder && !$0.name.hasPrefix(".") }.map(\.name).sorted()
    }

    /// Runs the check. `progress` is called from worker threads with (data points done, total).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(UsageError) -> BatchResult {
        let ids = try Self.dataPointIDs(in: options.workspace)
        let profiling = !workspaceChecker.isEmpty && (options.shard?.runsWorkspaceRules ?? true)
        let inShard = ids.map { options.shard?.contains($0) ?? true }
        let checkedCount = inShard.lazy.filter { $0 }.count
        let total = profiling ? ids.count : checkedCount
        let outcomes = ParallelSlots<DataPointOutcome?>(count: ids.count, initial: nil)
        var signatures = [MinHash.Value](repeating: MinHash.emptySlot, count: profiling ? ids.count * MinHash.slots : 0)
        let chunk = options.chunkSize
        let chunks = (ids.count + chunk - 1) / chunk
        let done = SharedCounter()
        signatures.withUnsafeMutableBufferPointer { buffer in
            let signatureBase = UncheckedSendable(buffer)
            Parallel.forEach(chunks) { chunkIndex in
                let range = (chunkIndex * chunk)..<min(ids.count, (chunkIndex + 1) * chunk)
                var worked = 0
                for index in range {
                    guard inShard[index] || profiling else { continue }
                    worked += 1
                    let slot = profiling
                        ? UnsafeMutableBufferPointer(rebasing: signatureBase.value[(index * MinHash.slots)..<((index + 1) * MinHash.slots)]) : nil
                    outcomes[index] = check(id: ids[index], validate: inShard[index], signature: slot)
                }
                if let progress, worked > 0 { progress(done.add(worked), total) }
            }
        }
        var diagnostics: [Diagnostic] = []
        var lineTexts = LineTexts()
        var profiles: [DraftProfile] = []
        var kept = 0
        for index in 0..<ids.count {
            guard let outcome = outcomes[index] else { continue }
            outcomes[index] = nil
            diagnostics += outcome.diagnostics
            if !outcome.lineTexts.isEmpty { lineTexts.merge(outcome.lineTexts) }
            if let profile = outcome.profile {
                if kept != index {
                    for slot in 0..<MinHash.slots { signatures[kept * MinHash.slots + slot] = signatures[index * MinHash.slots + slot] }
                }
                profiles.append(profile)
                kept += 1
            }
        }
        var statistics: WorkspaceStatistics?
        if profiling {
            signatures.removeLast(signatures.count - kept * MinHash.slots)
            let workspace = WorkspaceDrafts(path: display("data_points"), drafts: profiles, signatures: signatures)
            diagnostics += workspaceChecker.check(workspace).filter { !isIgnored($0) }
            statistics = WorkspaceStatistics(profiles)
        }
        return BatchResult(
            diagnostics: diagnostics.sorted(by: Diagnostic.outputOrder), lineTexts: lineTexts, dataPointCount: checkedCount,
            dataPointsPrefix: display("data_points") + "/", statistics: statistics, shard: options.shard)
    }

    /// What checking one data point produced.
    struct DataPointOutcome {
        var diagnostics: [Diagnostic] = []
        var lineTexts = LineTexts()
        var profile: DraftProfile?
    }

    /// `relative` (below the workspace) as findings show it.
    func display(_ relative: String) -> String {
        options.displayRoot.isEmpty ? relative : options.displayRoot + "/" + relative
    }

    /// Checks one data point: validates (when `validate`) and profiles (when `signature` is given) its
    /// draft, and lints it when it holds a skeleton or a Harbor task.
    func check(id: String, validate: Bool, signature: UnsafeMutableBufferPointer<MinHash.Value>?) -> DataPointOutcome {
        var outcome = DataPointOutcome()
        let folder = options.workspace + "/data_points/" + id
        let shown = display("data_points/" + id)
        let names = Set((DirectoryListing.entries(folder) ?? []).map(\.name))
        let isLintTarget = !names.isDisjoint(with: Self.lintMarkers)
        let draftFile = DataPointReference.draftFileName
        if names.contains(draftFile) || (!isLintTarget && validate) {
            do {
                let source = try TextFileReader(confinedTo: folder).read(folder + "/" + draftFile, displayPath: shown + "/" + draftFile)
                let draft = DraftSpec(source: source)
                if validate {
                    let found = validator.validate(draft).filter { !isIgnored($0) }
                    outcome.lineTexts.record(found, in: source)
                    outcome.diagnostics += found
                }
                if let signature {
                    let metadata = names.contains(DataPointMetadata.fileName) ? DataPointMetadata.read(folder: folder) : nil
                    outcome.profile = DraftProfile(id: id, draft: draft, metadata: metadata, signature: signature)
                }
            } catch {
                if validate { outcome.diagnostics.append(error.diagnostic) }
            }
        }
        if isLintTarget, validate {
            for target in LintTargetLoader.discover(folder) where target != folder || !names.isDisjoint(with: Self.lintMarkers.subtracting(["harbor"])) {
                let relative = target == folder ? "" : String(target.dropFirst(folder.count + 1))
                guard let loaded = LintTargetLoader.load(target, displayRoot: relative.isEmpty ? shown : shown + "/" + relative, stage: options.stage)
                else { continue }
                let found = linter.lint(loaded)
                for file in loaded.files.values { outcome.lineTexts.record(found, in: file.source) }
                outcome.diagnostics += found
            }
        }
        return outcome
    }

    /// True when a per-file ignore of the configuration covers the finding.
    private func isIgnored(_ diagnostic: Diagnostic) -> Bool {
        guard let configuration = options.configuration, !configuration.perFileIgnores.isEmpty,
            let rule = RuleCatalog.rule(named: diagnostic.ruleID)
        else { return false }
        let relative = options.displayRoot.isEmpty ? diagnostic.path : String(diagnostic.path.dropFirst(options.displayRoot.count + 1))
        return configuration.ignores(rule, absolutePath: options.workspace + "/" + relative)
    }
}
