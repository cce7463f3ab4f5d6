/// One subcommand of the tool, in its own file.
protocol Subcommand: SendableMetatype {
    /// The word that selects it.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// Usage lines and a description for `--help`.
    static var usage: String { get }
    /// Options beyond the global ones.
    static var options: [OptionSpec] { get }
    /// Runs the command.
    static func run(_ invocation: Invocation) -> CommandOutcome
}

/// Options every command accepts.
enum GlobalOptions {
    static let all: [OptionSpec] = [
        OptionSpec("--help", short: "-h", help: "Show help for the command and exit."),
        OptionSpec("--version", help: "Print the version and exit."),
        OptionSpec("--workspace", value: "DIR", help: "The shared_workspace folder (default: $HARBOR_SCAFFOLD_WORKSPACE, else found above the current folder)."),
        OptionSpec("--color", value: "WHEN", help: "Colour output: auto (default; only on a terminal), always, never. NO_COLOR always wins."),
    ]
}

/// Options of commands that report findings.
enum ReportingOptions {
    static let all: [OptionSpec] = [
        OptionSpec("--format", value: "FORMAT", help: "Output format: text (default) or json."),
        OptionSpec("--select", value: "RULES", help: "Run only these rules: ids, id prefixes, names or ALL (comma-separated, repeatable)."),
        OptionSpec("--extend-select", value: "RULES", help: "Add rules to the selection."),
        OptionSpec("--ignore", value: "RULES", help: "Skip these rules."),
        OptionSpec("--fail-on", value: "LEVEL", help: "Exit 1 on findings at or above: error (default), warning, info, never."),
        OptionSpec("--exit-zero", help: "Exit 0 even when there are findings (input errors still exit 2)."),
    ]

    /// The options of commands that only report (validate, lint, check): every output format, and
    /// the CI options.
    static let withCIFormats: [OptionSpec] = [
        OptionSpec("--format", value: "FORMAT", help: "Output format: text (default), json, json-lines, sarif, github, junit or gitlab."),
        OptionSpec("--output", short: "-o", value: "FILE", help: "Write the report to FILE (atomically) instead of standard output."),
    ] + all.filter { $0.name != "--format" } + [
        OptionSpec("--baseline", value: "FILE", help: "Report only findings not recorded in FILE (see --write-baseline)."),
        OptionSpec("--write-baseline", value: "FILE", help: "Record every current finding in FILE (JSON), to pass to --baseline later."),
    ]
}

/// Options of the commands that lint (lint, check).
enum LintOptions {
    static let all: [OptionSpec] = [
        OptionSpec("--stage", value: "STAGE", help: "skeleton (default: placeholders expected) or final (placeholders are errors)."),
        OptionSpec("--config", value: "FILE", help: "Read settings from FILE instead of the nearest .harbor-scaffold.toml."),
        OptionSpec("--isolated", help: "Ignore configuration files."),
    ]
}
