import HarborScaffoldKit

/// What a scaffold run writes, and where.
enum ScaffoldTarget {
    /// prompt.md, Dockerfile, tests.py, weights.json and tasks.md beside the draft.
    case builder
    /// A Harbor task directory rendered from the draft, in `out` (default: `harbor/` in the data point).
    case harbor(out: String?, org: String)
    /// A Harbor task directory from the builder's filled-in files, in `out` (default as above).
    case export(out: String?, org: String)

    /// The folder a Harbor task directory goes to when `--out` is not given.
    static let defaultHarborFolder = "harbor"

    /// How a refusal starts.
    var refusal: String {
        if case .export = self { return "not exported" }
        return "not scaffolded"
    }

    /// The output folder for `reference` (absolute).
    func folder(for reference: DataPointReference) -> String {
        switch self {
        case .builder: reference.folder
        case .harbor(let out, _), .export(let out, _): out ?? reference.folder + "/" + Self.defaultHarborFolder
        }
    }

    /// Renders the files for `draft`; throws ``BlueprintError`` or ``ScaffoldError``.
    func plan(_ draft: DraftSpec, reference: DataPointReference, library: BlueprintLibrary) throws -> ScaffoldPlan {
        switch self {
        case .builder:
            return try Scaffolder(library: library).plan(draft, taskID: reference.id)
        case .harbor(_, let org):
            return try HarborLayoutScaffolder(library: library, org: org).plan(draft, taskID: reference.id)
        case .export(_, let org):
            let builder = try BuilderFiles.read(from: reference.folder)
            return try HarborLayoutScaffolder(library: library, org: org).export(draft, taskID: reference.id, builder: builder)
        }
    }
}

extension Invocation {
    /// `--out` (absolute) and `--org` of a Harbor run over `count` data points, checked.
    func harborOptions(count: Int) throws(UsageError) -> (out: String?, org: String) {
        let org = arguments.value("--org") ?? HarborTaskName.defaultOrg
        guard HarborTaskName.isValidOrg(org) else {
            throw UsageError(
                "'\(org)' is not a valid organisation for a Harbor task name",
                hint: "use ASCII letters, digits, '.', '_' and '-', starting with a letter or digit, e.g. --org my-team")
        }
        guard let out = arguments.value("--out") else { return (nil, org) }
        guard !out.isEmpty else { throw UsageError("--out needs a folder") }
        guard count <= 1 else {
            throw UsageError("--out names one folder but \(count) data points were given", hint: "run once per data point, or leave out --out to write <data point>/harbor/")
        }
        return (PathDisplay.absolute(out, relativeTo: environment.currentDirectory), org)
    }
}

/// Options of the commands that write a Harbor task directory.
enum HarborOptions {
    static let all = [
        OptionSpec("--out", value: "DIR", help: "Harbor layout: the task directory to write (default: harbor/ in the data point)."),
        OptionSpec("--org", value: "ORG", help: "Harbor layout: the organisation in task.toml's name ORG/<slug> (default: harbor-scaffold)."),
    ]
}
