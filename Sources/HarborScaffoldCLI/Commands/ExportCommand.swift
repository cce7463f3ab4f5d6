import HarborScaffoldKit

/// `harbor-scaffold export <data-point>...`: turns a filled-in builder-layout data point into a
/// Harbor task directory, keeping the builder's files.
enum ExportCommand: Subcommand {
    static let name = "export"
    static let summary = "Turn a filled-in data point into a Harbor task directory, keeping the builder's files."
    static let usage = """
        Usage: harbor-scaffold export <task-id|path>... [--out DIR] [--org ORG] [options]

        Writes the Harbor task directory of a data point in the builder layout into
        <data point>/harbor/ (or --out DIR), keeping the builder's work as it is:
          prompt.md → instruction.md            Dockerfile → environment/Dockerfile
          tests.py → tests/test_outputs.py      weights.json → tests/weights.json
        The Dockerfile gains the non-root user the agent runs as, at its end, unless it already
        creates it or ends with a non-root USER. task.toml, tests/test.sh, tests/Dockerfile and
        solution/solve.sh are generated from the draft, which is validated as by scaffold.

        environment/ is the agent image's build context: copy there what the Dockerfile COPYs
        (such as the repository under test). Files you edited in the Harbor directory are kept and
        the new version written beside them as <file>.new, unless --force. See docs/harbor-layout.md.
        """
    static let options = [
        OptionSpec("--allow-invalid", help: "Export even when the draft has error findings."),
        OptionSpec("--force", help: "Overwrite files you edited in the Harbor directory since they were written."),
        OptionSpec("--dry-run", help: "Write nothing; print what would change as a unified diff."),
        OptionSpec("--blueprints", value: "DIR", help: "A folder of blueprints overriding the built-in ones file by file."),
    ] + HarborOptions.all + ReportingOptions.all

    static func run(_ invocation: Invocation) -> CommandOutcome {
        let arguments = invocation.arguments
        do throws(UsageError) {
            let format = try invocation.format()
            let selection = try invocation.selection()
            guard !arguments.positionals.isEmpty else {
                throw UsageError("export needs at least one task id or path", hint: "harbor-scaffold export draft_dp_ab12")
            }
            let harbor = try invocation.harborOptions(count: arguments.positionals.count)
            let library = try invocation.blueprintLibrary()
            let workspace = try invocation.workspace()
            var references: [DataPointReference] = []
            for argument in arguments.positionals {
                references.append(try DataPointReference.resolve(argument, workspace: workspace, currentDirectory: invocation.environment.currentDirectory))
            }
            let results = references.map { reference in
                ScaffoldRun(
                    reference: reference, library: library, validator: DraftValidator(selection: selection),
                    allowInvalid: arguments.has("--allow-invalid"), force: arguments.has("--force"),
                    dryRun: arguments.has("--dry-run"), display: invocation.display,
                    output: .export(out: harbor.out, org: harbor.org)
                ).execute()
            }
            let output = format == .json
                ? ScaffoldOutput.json(results) : ScaffoldOutput.text(results, style: invocation.style, dryRun: arguments.has("--dry-run"))
            return CommandOutcome(standardOutput: output, exitCode: results.map(\.exitCode).max { $0.rawValue < $1.rawValue } ?? .clean)
        } catch {
            return .failure(error, style: invocation.errorStyle)
        }
    }
}
