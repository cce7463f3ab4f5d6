/// A parser directive at the top of a Dockerfile (`# syntax=docker/dockerfile:1`, `# escape=\``).
public struct DockerfileDirective: Sendable, Hashable {
    /// The directive name, lowercased (`syntax`, `escape`, `check`).
    public var name: String
    /// The value with surrounding blanks removed.
    public var value: String
    /// 1-based line number.
    public var line: Int
    /// Range of the whole directive line.
    public var range: SourceRange

    /// Creates a directive.
    public init(name: String, value: String, line: Int, range: SourceRange) {
        self.name = name
        self.value = value
        self.line = line
        self.range = range
    }
}
