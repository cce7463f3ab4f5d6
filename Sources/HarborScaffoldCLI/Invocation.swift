import HarborScaffoldKit

/// Everything a command needs from its surroundings, so commands stay testable in-process.
public struct Environment: Sendable {
    /// Environment variables.
    public var variables: [String: String]
    /// The current directory (absolute).
    public var currentDirectory: String
    /// Whether standard output is a terminal.
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal.
    public var errorIsTerminal: Bool
    /// Writes to standard error at once, for progress shown while a command runs (`nil`: no progress).
    public var errorStream: (@Sendable (String) -> Void)?

    /// Creates an environment.
    public init(
        variables: [String: String], currentDirectory: String, outputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
        errorStream: (@Sendable (String) -> Void)? = nil
    ) {
        self.variables = variables
        self.currentDirectory = currentDirectory
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.errorStream = errorStream
    }
}

/// One run of one command: its parsed arguments and surroundings.
struct Invocation: Sendable {
    let arguments: ParsedArguments
    let environment: Environment

    /// Colouring for standard output.
    var style: TextStyle {
        TextStyle.resolve(
            preference: arguments.value("--color") ?? "auto", isTerminal: environment.outputIsTerminal,
            environment: environment.variables)
    }

    /// Colouring for standard error.
    var errorStyle: TextStyle {
        TextStyle.resolve(
            preference: arguments.value("--color") ?? "auto", isTerminal: environment.errorIsTerminal,
            environment: environment.variables)
    }

    /// The workspace, if one is named or found.
    func workspace() throws(UsageError) -> String? {
        try WorkspaceLocator.locate(
            explicit: arguments.value("--workspace"), environment: environment.variables,
            currentDirectory: environment.currentDirectory)
    }

    /// The output format named by `--format` (default text).
    func format() throws(UsageError) -> ReportFormat {
        let name = arguments.value("--format") ?? "text"
        let reportsOnly = [ValidateCommand.name, LintCommand.name, CheckCommand.name].contains(arguments.command ?? "")
        let allowed: [ReportFormat] = reportsOnly ? ReportFormat.allCases : [.text, .json]
        guard let format = ReportFormat(rawValue: name), allowed.contains(format) else {
            throw UsageError(
                "unknown format '\(name)'",
                hint: "use one of: " + allowed.map(\.rawValue).joined(separator: ", "))
        }
        return format
    }

    /// The rule selection from `--select`, `--extend-select` and `--ignore`, checked against known rules.
    func selection() throws(UsageError) -> RuleSelection {
        let selection = RuleSelection(
            select: arguments.list("--select"), extendSelect: arguments.list("--extend-select"),
            ignore: arguments.list("--ignore"))
        if let unknown = selection.unknownSelectors(among: RuleCatalog.all).first {
            throw UsageError(
                "unknown rule selector '\(unknown)'",
                hint: RuleCatalog.suggestion(for: unknown).map { "did you mean '\($0)'? (see 'harbor-scaffold rules')" }
                    ?? "see 'harbor-scaffold rules' for ids and names")
        }
        return selection
    }

    /// The severity at which findings fail the run, from `--fail-on` and `--exit-zero`.
    func failThreshold() throws(UsageError) -> Severity? {
        if arguments.has("--exit-zero") { return nil }
        switch arguments.value("--fail-on") ?? "error" {
        case "error": return .error
        case "warning": return .warning
        case "info": return .info
        case "never": return nil
        case let other:
            throw UsageError("unknown --fail-on value '\(other)'", hint: "use error, warning, info or never")
        }
    }

    /// A path shown to the user: relative to the current directory when below it.
    func display(_ path: String) -> String {
        PathDisplay.relative(path, to: environment.currentDirectory)
    }

    /// The lint stage named by `--stage` (default skeleton).
    func stage() throws(UsageError) -> LintStage {
        let name = arguments.value("--stage") ?? "skeleton"
        guard let stage = LintStage(rawValue: name) else {
            throw UsageError("unknown stage '\(name)'", hint: "use skeleton or final")
        }
        return stage
    }
}
