/// A problem that stops a document from being read by one of the readers (TOML, YAML), with the
/// position to report.
public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence for users, e.g. `duplicate key 'name' (first defined at line 3)`.
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

/// The error `TOMLParser` throws.
public typealias TOMLError = SyntaxError
/// The error `YAMLParser` throws.
public typealias YAMLError = SyntaxError
