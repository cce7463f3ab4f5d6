/// A problem that stops a YAML document from being read, with the position to report.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence for users, e.g. `duplicate key 'image' (first at line 3)`.
    public var message: String
    /// Where the problem is: 1-based line and character column.
    public var position: SourcePosition

    /// Creates an error.
    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// `line:column: message`.
    public var description: String {
        "\(position.line):\(position.column): \(message)"
    }
}
