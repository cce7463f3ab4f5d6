import HarborScaffoldKit

/// The last step of every reporting command: baseline handling, rendering in the chosen format,
/// `--output`, the GitHub step summary, and the exit code.
enum ReportOutput {
    /// Finishes `report`. `lineTexts` are the offending lines when the command already has them
    /// (else they are read from disk when fingerprints are needed); `summary` builds `check`'s summary
    /// for the findings that remain after the baseline.
    static func finish(
        _ report: Report, format: ReportFormat, failOn: Severity?, invocation: Invocation, workspace: String?,
        lineTexts: LineTexts? = nil, summary: ((Report) -> BatchSummary)? = nil, note: String = ""
    ) throws(UsageError) -> CommandOutcome {
        let arguments = invocation.arguments
        let environment = invocation.environment
        let outputPath = arguments.value("--output").map { PathDisplay.absolute($0, relativeTo: environment.currentDirectory) }
        let style = outputPath == nil
            ? invocation.style
            : TextStyle.resolve(preference: arguments.value("--color") ?? "auto", isTerminal: false, environment: environment.variables)
        // Outside a workspace, paths are relative to the current folder, which then serves as the root.
        let root = workspace ?? PathDisplay.absolute(".", relativeTo: environment.currentDirectory)
        var context = ReportContext(style: style, workspaceRoot: root, currentDirectory: environment.currentDirectory)
        let baselinePath = arguments.value("--baseline")
        let writeBaselinePath = arguments.value("--write-baseline")
        var report = report
        var messages = note
        if format.usesFingerprints || baselinePath != nil || writeBaselinePath != nil {
            context.lineTexts = lineTexts ?? LineTexts.read(for: report.diagnostics, resolve: context.absolute)
            context.fingerprintsOfFullReport = context.fingerprints(report)
        }
        if let writeBaselinePath {
            let text = Baseline.render(report.diagnostics, fingerprints: context.fingerprintsOfFullReport ?? [], relativePath: context.workspaceRelative)
            try AtomicFile.write(text, to: PathDisplay.absolute(writeBaselinePath, relativeTo: environment.currentDirectory))
            messages += "wrote \(report.diagnostics.count) finding\(report.diagnostics.count == 1 ? "" : "s") to the baseline \(writeBaselinePath)\n"
        }
        if let baselinePath {
            let baseline = try readBaseline(PathDisplay.absolute(baselinePath, relativeTo: environment.currentDirectory), shown: baselinePath)
            let fingerprints = context.fingerprintsOfFullReport ?? []
            let isNew = baseline.isNew(fingerprints)
            let kept = report.diagnostics.indices.filter { isNew[$0] }
            let hidden = report.diagnostics.count - kept.count
            report = Report(diagnostics: kept.map { report.diagnostics[$0] }, checkedCount: report.checkedCount, noun: report.noun)
            context.fingerprintsOfFullReport = kept.map { fingerprints[$0] }
            if hidden > 0 {
                messages += "\(hidden) finding\(hidden == 1 ? "" : "s") recorded in the baseline \(baselinePath) not shown\n"
            }
        }
        context.summary = summary?(report)
        let rendered = format.render(report, context: context)
        if format == .github, let stepSummary = environment.variables["GITHUB_STEP_SUMMARY"], !stepSummary.isEmpty {
            try AtomicFile.append(GitHubReporter().summary(report, context: context), to: stepSummary)
        }
        var standardOutput = rendered
        if let outputPath {
            try AtomicFile.write(rendered, to: outputPath)
            standardOutput = ""
        }
        return CommandOutcome(
            standardOutput: standardOutput, standardError: messages.isEmpty ? "" : invocation.errorStyle.dim(messages),
            exitCode: report.exitCode(failOn: failOn))
    }

    private static func readBaseline(_ path: String, shown: String) throws(UsageError) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try TextFileReader(sizeLimit: 1 << 30).readBytes(path, shown: shown)
        } catch {
            throw UsageError("cannot read the baseline '\(shown)': \(error.message)", hint: "write one with --write-baseline \(shown)")
        }
        do {
            return try Baseline(parsing: bytes)
        } catch {
            throw UsageError("\(shown): \(error.message)", hint: error.hint)
        }
    }
}
