import HarborScaffoldKit

/// `harbor-scaffold [scaffold] <task-id|path>...`: validates each draft, then writes its skeleton.
enum ScaffoldCommand: Subcommand {
    static let name = "scaffold"
    static let summary = "Validate a draft, then write the builder's skeleton beside it (the default command)."
    static let usage = """
        Usage: harbor-scaffold [scaffold] <task-id|path>... [options]

        Validates each draft, then writes prompt.md, Dockerfile, tests.py, weights.json and tasks.md
        into the data point folder, with a manifest in .harbor-scaffold/. A draft with error findings
        is refused (exit 1, nothing written) unless --allow-invalid is given.

        Files you edited since they were generated are never overwritten: the new version is
        written beside them as <file>.new. --force overwrites; --dry-run shows the changes as a diff.

        --layout harbor writes a Harbor task directory instead (task.toml, instruction.md,
        environment/Dockerfile, tests/ with test.sh, Dockerfile, test_outputs.py and weights.json,
        solution/solve.sh) into <data point>/harbor/ or --out DIR. See docs/harbor-layout.md.
        """
    static let options = [
        OptionSpec("--allow-invalid", help: "Scaffold even when the draft has error findings."),
        OptionSpec("--force", help: "Overwrite files you edited since they were generated."),
        OptionSpec("--dry-run", help: "Write nothing; print what would change as a unified diff."),
        OptionSpec("--blueprints", value: "DIR", help: "A folder of blueprints overriding the built-in ones file by file."),
        OptionSpec("--layout", value: "LAYOUT", help: "builder (default): files beside the draft; harbor: a Harbor task directory."),
    ] + HarborOptions.all + ReportingOptions.all

    static func run(_ invocation: Invocation) -> CommandOutcome {
        let arguments = invocation.arguments
        do throws(UsageError) {
            let format = try invocation.format()
            let selection = try invocation.selection()
            guard !arguments.positionals.isEmpty else {
                throw UsageError("scaffold needs at least one task id or path", hint: "harbor-scaffold draft_dp_ab12")
            }
            let layoutName = arguments.value("--layout") ?? "builder"
            guard let layout = ScaffoldLayout(rawValue: layoutName) else {
                throw UsageError("unknown layout '\(layoutName)'", hint: "use --layout builder or --layout harbor")
            }
            var target = ScaffoldTarget.builder
            if layout == .harbor {
                let harbor = try invocation.harborOptions(count: arguments.positionals.count)
                target = .harbor(out: harbor.out, org: harbor.org)
            } else if arguments.value("--out") != nil || arguments.value("--org") != nil {
                throw UsageError("--out and --org apply to --layout harbor", hint: "harbor-scaffold scaffold <task-id> --layout harbor --out DIR")
            }
            let library = try invocation.blueprintLibrary()
            let workspace = try invocation.workspace()
            var references: [DataPointReference] = []
            for argument in arguments.positionals {
                references.append(try DataPointReference.resolve(argument, workspace: workspace, currentDirectory: invocation.environment.currentDirectory))
            }
            var results: [ScaffoldResult] = []
            for reference in references {
                results.append(
                    ScaffoldRun(
                        reference: reference, library: library, validator: DraftValidator(selection: selection),
                        allowInvalid: arguments.has("--allow-invalid"), force: arguments.has("--force"),
                        dryRun: arguments.has("--dry-run"), display: invocation.display, output: target
                    ).execute())
            }
            let output = format == .json
                ? ScaffoldOutput.json(results) : ScaffoldOutput.text(results, style: invocation.style, dryRun: arguments.has("--dry-run"))
            return CommandOutcome(standardOutput: output, exitCode: results.map(\.exitCode).max { $0.rawValue < $1.rawValue } ?? .clean)
        } catch {
            return .failure(error, style: invocation.errorStyle)
        }
    }
}

extension Invocation {
    /// The built-in blueprints, overlaid by `--blueprints DIR` when given.
    func blueprintLibrary() throws(UsageError) -> BlueprintLibrary {
        do {
            if let folder = arguments.value("--blueprints") {
                return try BlueprintLibrary.overlaid(by: PathDisplay.absolute(folder, relativeTo: environment.currentDirectory))
            }
            return try BlueprintLibrary.builtIn()
        } catch {
            throw UsageError("blueprints: \(error.message)")
        }
    }
}
