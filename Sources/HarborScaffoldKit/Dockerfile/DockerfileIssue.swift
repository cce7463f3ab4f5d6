/// A malformed construct found while reading a Dockerfile (the reader never throws).
public struct DockerfileIssue: Sendable, Hashable {
    /// A human-readable description.
    public var message: String
    /// Where the problem is.
    public var range: SourceRange

    /// Creates an issue.
    public init(message: String, range: SourceRange) {
        self.message = message
        self.range = range
    }
}
