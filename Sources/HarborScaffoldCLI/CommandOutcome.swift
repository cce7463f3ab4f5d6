import HarborScaffoldKit

/// What a command run produced: text for standard output and error, and the exit status.
/// Commands return this; only the executable writes it out.
public struct CommandOutcome: Sendable, Equatable {
    /// Text for standard output.
    public var standardOutput: String
    /// Text for standard error.
    public var standardError: String
    /// The process exit status.
    public var exitCode: ExitCode

    /// Creates an outcome.
    public init(standardOutput: String = "", standardError: String = "", exitCode: ExitCode = .clean) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    /// A usage or input error, written as `error: message` with its hint.
    static func failure(_ error: UsageError, style: TextStyle) -> CommandOutcome {
        var text = style.severity("error:", .error) + " " + error.message + "\n"
        if let hint = error.hint { text += "  " + style.dim("hint:") + " " + hint + "\n" }
        return CommandOutcome(standardError: text, exitCode: .usageOrInputError)
    }
}
