/// A problem the shell reader recovered from (unterminated quote, substitution or here-document,
/// unbalanced keyword…). The reader never fails; issues explain where its view may be approximate.
public struct ShellIssue: Sendable, Hashable {
    /// A human-readable description.
    public var message: String
    /// Byte offset where the problem starts (same coordinates as word byte ranges).
    public var byteOffset: Int

    /// Creates an issue.
    public init(message: String, byteOffset: Int) {
        self.message = message
        self.byteOffset = byteOffset
    }
}
