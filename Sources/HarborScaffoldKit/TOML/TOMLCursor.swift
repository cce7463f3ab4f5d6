/// Turns byte offsets into ``SourcePosition``s quickly while parsing.
///
/// Gives the same answers as ``SourceText/position(ofByte:)`` but caches the current line, so a
/// long line with many keys does not make parsing quadratic: columns of an all-ASCII prefix are
/// computed directly, and a line with other characters gets a column table built once.
struct TOMLPositionMapper {
    let source: SourceText
    private var line = 0
    private var lineStart = 0
    private var asciiEnd = 0
    private var columns: [Int32] = []
    private var columnsReady = false

    init(source: SourceText) {
        self.source = source
    }

    mutating func position(ofByte rawOffset: Int) -> SourcePosition {
        let bytes = source.bytes
        let offset = min(max(rawOffset, 0), bytes.count)
        let containing = source.line(containing: offset)
        if containing != line { load(line: containing) }
        if offset <= asciiEnd {
            return SourcePosition(line: line, column: offset - lineStart + 1)
        }
        if !columnsReady { buildColumns() }
        let relative = offset - lineStart
        if relative >= 0, relative < columns.count, columns[relative] > 0 {
            return SourcePosition(line: line, column: Int(columns[relative]))
        }
        // Inside a multi-byte character: rare (only for hand-made offsets); use the slow path.
        return source.position(ofByte: offset)
    }

    private mutating func load(line newLine: Int) {
        let bytes = source.bytes
        line = newLine
        let starts = source.lineStarts
        lineStart = newLine - 1 < starts.count ? starts[newLine - 1] : bytes.count
        var end = lineStart
        while end < bytes.count, bytes[end] < 0x80, bytes[end] != TOMLBytes.newline { end += 1 }
        // `asciiEnd` is the last offset whose prefix (from the line start) is pure ASCII.
        asciiEnd = end
        columns = []
        columnsReady = false
    }

    /// Column of every character boundary of the current line, counting grapheme clusters
    /// like ``SourceText``.
    private mutating func buildColumns() {
        let bytes = source.bytes
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != TOMLBytes.newline { lineEnd += 1 }
        let count = lineEnd - lineStart
        columnsReady = true
        // Columns are stored as Int32; absurdly long lines use the slow path instead.
        guard count < Int(Int32.max) else { return }
        var table = [Int32](repeating: 0, count: count + 1)
        let text = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        var relative = 0
        var column: Int32 = 1
        for character in text {
            if relative < table.count { table[relative] = column }
            relative += character.utf8.count
            column += 1
        }
        if relative < table.count { table[relative] = column }
        columns = table
    }
}

/// The state of one parse: the bytes, the read offset and the document tree being built.
/// Low-level reading helpers live here; the grammar is in the other `TOML*.swift` files.
struct TOMLReader {
    /// Tables and arrays may be nested at most this deep, counting from the document root.
    static let maxDepth = 128

    let bytes: [UInt8]
    var offset = 0
    var mapper: TOMLPositionMapper
    let root: TOMLTableNode
    var current: TOMLTableNode

    init(source: SourceText) {
        self.bytes = source.bytes
        self.mapper = TOMLPositionMapper(source: source)
        self.root = TOMLTableNode(kind: .root, depth: 0, definedAt: 0)
        self.current = root
    }

    var source: SourceText { mapper.source }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at `offset + ahead`, or nil past the end.
    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8? {
        let index = offset + ahead
        guard index >= 0, index < bytes.count else { return nil }
        return bytes[index]
    }

    /// The byte at an absolute index, or nil when out of bounds.
    @inline(__always) func byte(at index: Int) -> UInt8? {
        guard index >= 0, index < bytes.count else { return nil }
        return bytes[index]
    }

    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while offset < bytes.count, TOMLBytes.isWhitespace(bytes[offset]) { offset += 1 }
    }

    /// Skips a comment starting at `#`, up to (not including) the newline, rejecting control
    /// characters.
    mutating func skipComment() throws(TOMLError) {
        offset += 1
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == TOMLBytes.newline { return }
            if TOMLBytes.isForbiddenControl(byte) {
                throw error("control character \(TOMLBytes.codePoint(UInt32(byte))) is not allowed in comments", at: offset)
            }
            offset += 1
        }
    }

    /// Skips whitespace, newlines and comments (between array elements).
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
        while let byte = peek() {
            if TOMLBytes.isWhitespace(byte) || byte == TOMLBytes.newline {
                offset += 1
            } else if byte == TOMLBytes.hash {
                try skipComment()
            } else {
                return
            }
        }
    }

    /// After a value or header: optional whitespace and comment, then a newline (consumed) or
    /// the end of the file.
    mutating func expectEndOfLine(after what: String) throws(TOMLError) {
        skipWhitespace()
        if peek() == TOMLBytes.hash { try skipComment() }
        guard let byte = peek() else { return }
        if byte == TOMLBytes.newline {
            offset += 1
            return
        }
        throw error("expected end of line after \(what), found \(describe(at: offset))", at: offset)
    }

    /// A short description of the character at `index` for messages: `'x'`, `U+0001`,
    /// `end of line` or `end of file`.
    func describe(at index: Int) -> String {
        guard let byte = byte(at: index) else { return "end of file" }
        if byte == TOMLBytes.newline { return "end of line" }
        if byte < 0x80 {
            if TOMLBytes.isForbiddenControl(byte) || byte == TOMLBytes.tab { return TOMLBytes.codePoint(UInt32(byte)) }
            return "'" + String(UnicodeScalar(byte)) + "'"
        }
        let end = min(index + 4, bytes.count)
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return "an invalid character" }
        var shown = ""
        shown.unicodeScalars.append(scalar)
        return "'\(shown)' (\(TOMLBytes.codePoint(scalar.value)))"
    }

    /// The text of `range` (clamped to the input), for messages.
    func text(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// An error at byte `index`.
    mutating func error(_ message: String, at index: Int) -> TOMLError {
        TOMLError(message: message, position: mapper.position(ofByte: index))
    }

    /// The source range of bytes `range`.
    mutating func sourceRange(_ range: Range<Int>) -> SourceRange {
        SourceRange(start: mapper.position(ofByte: range.lowerBound), end: mapper.position(ofByte: range.upperBound))
    }

    /// The 1-based line of byte `index`.
    func line(ofByte index: Int) -> Int {
        source.line(containing: min(max(index, 0), bytes.count))
    }
}
