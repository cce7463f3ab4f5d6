import HarborScaffoldKit

/// `harbor-scaffold lint <path|task-id>...`: checks skeletons and finished tasks.
enum LintCommand: Subcommand {
    static let name = "lint"
    static let summary = "Check data points and Harbor task directories for build-time, determinism and integrity problems."
    static let usage = """
        Usage: harbor-scaffold lint <path|task-id>... [--stage skeleton|final] [options]

        Lints a data point in the builder layout (prompt.md, Dockerfile, tests.py, weights.json) or a
        Harbor task directory (task.toml, instruction.md, environment/, tests/, solution/), detected
        automatically; a folder that is neither is searched for the data points and tasks below it.

        --stage skeleton (default) expects TODO(harbor-scaffold) placeholders; --stage final makes
        any placeholder left an error. Settings come from the nearest .harbor-scaffold.toml above the
        first path unless --config or --isolated is given.
        """
    static let options = LintOptions.all + ReportingOptions.withCIFormats

    static func run(_ invocation: Invocation) -> CommandOutcome {
        let arguments = invocation.arguments
        do throws(UsageError) {
            let format = try invocation.format()
            let failOn = try invocation.failThreshold()
            let stage = try invocation.stage()
            guard !arguments.positionals.isEmpty else {
                throw UsageError("lint needs at least one path or task id", hint: "harbor-scaffold lint data_points/")
            }
            let folders = try targetFolders(invocation)
            let configuration = try invocation.configuration(near: folders.first ?? invocation.environment.currentDirectory)
            let selection = try invocation.selection(configuration: configuration)
            let linter = Linter(selection: selection, configuration: configuration)
            let (diagnostics, count) = linter.lint(folders: folders, stage: stage) { invocation.display($0) }
            let report = Report(diagnostics: diagnostics, checkedCount: count, noun: "task")
            return try ReportOutput.finish(report, format: format, failOn: failOn, invocation: invocation, workspace: (try? invocation.workspace()) ?? nil)
        } catch {
            return .failure(error, style: invocation.errorStyle)
        }
    }

    /// The task folders the arguments name, in order, without repeats.
    private static func targetFolders(_ invocation: Invocation) throws(UsageError) -> [String] {
        let workspace = try? invocation.workspace()
        var folders: [String] = []
        for argument in invocation.arguments.positionals {
            let reference = try DataPointReference.resolve(argument, workspace: workspace ?? nil, currentDirectory: invocation.environment.currentDirectory)
            let found = LintTargetLoader.discover(reference.folder)
            guard !found.isEmpty else {
                throw UsageError("no data point or Harbor task found in '\(argument)'", hint: "a data point holds prompt.md, Dockerfile or tests.py; a Harbor task holds task.toml")
            }
            for folder in found where !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }
}

extension Invocation {
    /// The configuration file: `--config FILE`, else the nearest one above `folder`, unless `--isolated`.
    func configuration(near folder: String) throws(UsageError) -> LintConfiguration? {
        if arguments.has("--isolated") { return nil }
        if let explicit = arguments.value("--config") {
            return try LintConfiguration.load(PathDisplay.absolute(explicit, relativeTo: environment.currentDirectory))
        }
        return try LintConfiguration.find(from: folder).map { path throws(UsageError) in try LintConfiguration.load(path) }
    }

    /// The command-line selection layered over `configuration`, with every selector checked.
    func selection(configuration: LintConfiguration?) throws(UsageError) -> RuleSelection {
        let commandLine = try selection()
        guard let configuration else { return commandLine }
        let combined = configuration.selection(overriddenBy: commandLine)
        if let unknown = combined.unknownSelectors(among: RuleCatalog.all).first {
            throw UsageError("\(configuration.path): unknown rule selector '\(unknown)'", hint: RuleCatalog.suggestion(for: unknown).map { "did you mean '\($0)'?" })
        }
        return combined
    }
}
