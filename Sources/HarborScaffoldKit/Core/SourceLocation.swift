/// A 1-based line and column in a text file. Columns count Unicode characters (grapheme clusters).
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A half-open range of text between two positions (the end is exclusive).
public struct SourceRange: Hashable, Sendable, Codable {
    /// First character of the range.
    public var start: SourcePosition
    /// Position just after the last character of the range.
    public var end: SourcePosition

    /// Creates a range.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A range covering a whole line's start, for findings that concern a line rather than a span.
    public static func line(_ line: Int) -> SourceRange {
        SourceRange(start: SourcePosition(line: line, column: 1), end: SourcePosition(line: line, column: 1))
    }
}
