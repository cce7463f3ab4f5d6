/// A here-document of a `RUN`, `COPY` or `ADD` instruction (`RUN <<EOF … EOF`, `COPY <<EOF /file`).
public struct DockerHeredoc: Sendable, Hashable {
    /// The delimiter with quotes removed.
    public var delimiter: String
    /// True when the delimiter was quoted (`<<'EOF'`, `<<"EOF"`): the body is not expanded.
    public var isQuoted: Bool
    /// True for `<<-`: leading tabs are stripped from body lines and the terminator.
    public var stripsLeadingTabs: Bool
    /// The file descriptor written before `<<` (`3<<EOF`), if any.
    public var fileDescriptor: Int?
    /// The body as the consumer receives it (each line ends in a newline; leading tabs stripped for `<<-`).
    public var body: String
    /// Range of the body as written: from the start of its first line to the start of the terminator line.
    public var bodyRange: SourceRange
    /// Byte offsets of the body in the Dockerfile's normalised text.
    public var bodyByteRange: Range<Int>
    /// Range of the `<<EOF` marker in the instruction line.
    public var markerRange: SourceRange
    /// Byte offsets of the `<<EOF` marker.
    public var markerByteRange: Range<Int>
    /// 1-based line of the terminator, or nil when the file ended first.
    public var terminatorLine: Int?

    /// Creates a here-document.
    public init(
        delimiter: String, isQuoted: Bool, stripsLeadingTabs: Bool, fileDescriptor: Int?, body: String,
        bodyRange: SourceRange, bodyByteRange: Range<Int>, markerRange: SourceRange, markerByteRange: Range<Int>,
        terminatorLine: Int?
    ) {
        self.delimiter = delimiter
        self.isQuoted = isQuoted
        self.stripsLeadingTabs = stripsLeadingTabs
        self.fileDescriptor = fileDescriptor
        self.body = body
        self.bodyRange = bodyRange
        self.bodyByteRange = bodyByteRange
        self.markerRange = markerRange
        self.markerByteRange = markerByteRange
        self.terminatorLine = terminatorLine
    }

    /// False when the file ended before the terminator line.
    public var isTerminated: Bool { terminatorLine != nil }
}
