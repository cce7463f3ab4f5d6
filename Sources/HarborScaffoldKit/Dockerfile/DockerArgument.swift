/// One argument word of an instruction: a blank-separated word of the shell form (quotes removed),
/// or one string of the JSON exec form.
public struct DockerArgument: Sendable, Hashable {
    /// The word with quotes and escapes removed (`$VARIABLES` are not expanded).
    public var value: String
    /// The word as written (continuations joined).
    public var raw: String
    /// Where the word is (it may span lines when a continuation splits it).
    public var range: SourceRange
    /// Byte offsets of the word in the Dockerfile's normalised text.
    public var byteRange: Range<Int>
    /// UTF-8 offsets of the word in the instruction's ``DockerInstruction/arguments``.
    var localRange: Range<Int>

    /// Creates an argument.
    public init(value: String, raw: String, range: SourceRange, byteRange: Range<Int>) {
        self.init(value: value, raw: raw, range: range, byteRange: byteRange, localRange: 0..<0)
    }

    init(value: String, raw: String, range: SourceRange, byteRange: Range<Int>, localRange: Range<Int>) {
        self.value = value
        self.raw = raw
        self.range = range
        self.byteRange = byteRange
        self.localRange = localRange
    }
}
