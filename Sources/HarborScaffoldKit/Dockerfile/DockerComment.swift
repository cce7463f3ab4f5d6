/// A comment line of a Dockerfile (`# …`), kept so that suppression comments such as
/// `# hadolint ignore=DL3008` or `# harbor-scaffold: ignore[K101]` can be read.
public struct DockerComment: Sendable, Hashable {
    /// The comment line without leading and trailing blanks, starting with `#`.
    public var text: String
    /// 1-based line number.
    public var line: Int
    /// Range of the comment text on its line.
    public var range: SourceRange
    /// True for a comment line inside a continued instruction (Docker skips such lines).
    public var isInsideInstruction: Bool

    /// Creates a comment.
    public init(text: String, line: Int, range: SourceRange, isInsideInstruction: Bool = false) {
        self.text = text
        self.line = line
        self.range = range
        self.isInsideInstruction = isInsideInstruction
    }

    /// The text after the `#`, with surrounding blanks removed.
    public var content: String {
        var body = Substring(text)
        if body.first == "#" { body = body.dropFirst() }
        return ShellByte.trimmingBlanks(body)
    }
}
