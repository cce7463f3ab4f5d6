import HarborScaffoldKit

/// `harbor-scaffold validate <task-id|path>...`: checks drafts against the pipeline's rules.
enum ValidateCommand: Subcommand {
    static let name = "validate"
    static let summary = "Check draft_spec.md files against the pipeline's rules."
    static let usage = """
        Usage: harbor-scaffold validate <task-id|path>... [options]

        Checks each draft for required fields, values, the pipeline's testing guidelines,
        constraints and red flags. A task id resolves to <workspace>/data_points/<id>/draft_spec.md;
        a path may be a draft file or a data point folder.

        Exit status: 0 no error findings, 1 error findings, 2 usage or input error.
        """
    static let options = ReportingOptions.withCIFormats

    static func run(_ invocation: Invocation) -> CommandOutcome {
        do throws(UsageError) {
            let format = try invocation.format()
            let selection = try invocation.selection()
            let failOn = try invocation.failThreshold()
            guard !invocation.arguments.positionals.isEmpty else {
                throw UsageError("validate needs at least one task id or path", hint: "harbor-scaffold validate draft_dp_ab12")
            }
            let workspace = try invocation.workspace()
            var references: [DataPointReference] = []
            for argument in invocation.arguments.positionals {
                references.append(
                    try DataPointReference.resolve(
                        argument, workspace: workspace, currentDirectory: invocation.environment.currentDirectory))
            }
            let validator = DraftValidator(selection: selection)
            var diagnostics: [Diagnostic] = []
            for reference in references {
                diagnostics += validator.validate(
                    fileAt: reference.draftPath, displayPath: invocation.display(reference.draftPath),
                    confinedTo: reference.folder)
            }
            let report = Report(diagnostics: diagnostics, checkedCount: references.count)
            return try ReportOutput.finish(report, format: format, failOn: failOn, invocation: invocation, workspace: workspace)
        } catch {
            return .failure(error, style: invocation.errorStyle)
        }
    }
}
