/// A here-document body (`<<EOF … EOF`). Its body is captured as text and never parsed as commands.
public struct ShellHeredoc: Sendable, Hashable {
    /// The delimiter after quote removal (`EOF` for `<<'EOF'`).
    public var delimiter: String
    /// True when the delimiter was quoted, so the body is not expanded by the shell.
    public var isQuoted: Bool
    /// True for `<<-`, which strips leading tabs from body lines and the terminator line.
    public var stripsLeadingTabs: Bool
    /// The body as the command receives it (leading tabs removed for `<<-`), each line ending in a newline.
    public var body: String
    /// Byte range of the body as written: from the first body line to the start of the terminator line.
    public var bodyByteRange: Range<Int>
    /// False when the input ended before the terminator line.
    public var isTerminated: Bool

    /// Creates a here-document.
    public init(
        delimiter: String, isQuoted: Bool, stripsLeadingTabs: Bool, body: String, bodyByteRange: Range<Int>,
        isTerminated: Bool
    ) {
        self.delimiter = delimiter
        self.isQuoted = isQuoted
        self.stripsLeadingTabs = stripsLeadingTabs
        self.body = body
        self.bodyByteRange = bodyByteRange
        self.isTerminated = isTerminated
    }
}
