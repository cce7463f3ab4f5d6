/// A mistake in how the tool was called, or an argument naming nothing usable. Exit code 2.
public struct UsageError: Error, Equatable, Sendable {
    /// What is wrong, as one sentence for the user.
    public let message: String
    /// What to do instead, when there is something concrete to say.
    public let hint: String?

    /// Creates a usage error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
