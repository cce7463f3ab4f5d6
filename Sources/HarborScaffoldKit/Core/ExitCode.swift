/// The process exit status of a harbor-scaffold run.
public enum ExitCode: Int32, Sendable {
    /// No finding at or above the failure threshold.
    case clean = 0
    /// Findings at or above the failure threshold (errors by default).
    case findings = 1
    /// A usage error, or input that could not be read.
    case usageOrInputError = 2
}
