/// A comment: from a `#` at the start of a word to the end of the line (includes a `#!` shebang).
public struct ShellComment: Sendable, Hashable {
    /// The comment text including the leading `#`.
    public var text: String
    /// Byte range of the comment, without the newline.
    public var byteRange: Range<Int>

    /// Creates a comment.
    public init(text: String, byteRange: Range<Int>) {
        self.text = text
        self.byteRange = byteRange
    }

    /// The text after the `#`, with surrounding blanks removed.
    public var content: String {
        var body = Substring(text)
        if body.first == "#" { body = body.dropFirst() }
        return ShellByte.trimmingBlanks(body)
    }
}
