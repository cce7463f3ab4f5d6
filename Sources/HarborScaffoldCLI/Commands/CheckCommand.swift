import HarborScaffoldKit

/// `harbor-scaffold check [--workspace DIR]`: checks a whole workspace at once.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "Check a whole workspace in parallel: every draft, skeleton and Harbor task, and workspace-wide rules."
    static let usage = """
        Usage: harbor-scaffold check [--workspace DIR] [--shard I/N] [options]

        Validates every draft and lints every skeleton or Harbor task directory under
        <workspace>/data_points/, on all cores, then runs the workspace rules (X): near-duplicate
        drafts, the language mix, several drafts of one seed in one category (from metadata.json), the
        difficulty distribution. Text output ends with a summary table; on a terminal (and when CI is
        not set) a progress bar is drawn on standard error.

        --shard I/N checks the I-th of N deterministic slices of the data points (by a hash of the id)
        so a CI matrix can fan out; shard 1 also runs the workspace rules over every draft.
        Settings come from the nearest .harbor-scaffold.toml at or above the workspace unless --config
        or --isolated is given.

        Exit status: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
        """
    static let options = [
        OptionSpec("--shard", value: "I/N", help: "Check only the I-th of N slices of the data points (1-based), e.g. 2/4."),
    ] + LintOptions.all + ReportingOptions.withCIFormats

    static func run(_ invocation: Invocation) -> CommandOutcome {
        let arguments = invocation.arguments
        do throws(UsageError) {
            let format = try invocation.format()
            let failOn = try invocation.failThreshold()
            let stage = try invocation.stage()
            guard arguments.positionals.isEmpty else {
                throw UsageError("check takes no arguments", hint: "name the workspace with --workspace DIR")
            }
            var shard: Shard?
            if let text = arguments.value("--shard") {
                guard let parsed = Shard(parsing: text) else {
                    throw UsageError("invalid shard '\(text)'", hint: "use I/N with 1 ≤ I ≤ N, e.g. --shard 2/4")
                }
                shard = parsed
            }
            guard let workspace = try invocation.workspace() else {
                throw UsageError(
                    "no workspace found",
                    hint: "pass --workspace DIR, set \(WorkspaceLocator.environmentVariable), or run inside shared_workspace/")
            }
            let configuration = try invocation.configuration(near: workspace)
            let selection = try invocation.selection(configuration: configuration)
            let current = PathDisplay.absolute(".", relativeTo: invocation.environment.currentDirectory)
            let displayRoot = workspace == current ? "" : invocation.display(workspace)
            let checker = BatchChecker(
                options: BatchOptions(
                    workspace: workspace, displayRoot: displayRoot, selection: selection, configuration: configuration, stage: stage,
                    shard: shard))
            let progress = ProgressBar.make(invocation, label: "checking")
            let clock = ContinuousClock()
            let started = clock.now
            var callback: (@Sendable (Int, Int) -> Void)?
            if let progress { callback = { done, total in progress.update(done: done, total: total) } }
            let result = try checker.run(progress: callback)
            if let progress {
                let elapsed = clock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let rounded = (seconds * 100).rounded() / 100
                progress.finish("checked \(ProgressBar.grouped(result.dataPointCount)) data points in \(rounded) s\n")
            }
            return try ReportOutput.finish(
                result.report, format: format, failOn: failOn, invocation: invocation, workspace: workspace,
                lineTexts: result.lineTexts, summary: result.summary(of:))
        } catch {
            return .failure(error, style: invocation.errorStyle)
        }
    }
}
