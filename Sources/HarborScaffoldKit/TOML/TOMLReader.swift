/// The state of one parse: the bytes, the read offset and the document tree being built.
/// Low-level reading helpers live here; the grammar is in the other `TOML*.swift` files.
struct TOMLReader {
    /// Tables and arrays may be nested at most this deep, counting from the document root.
    static let maxDepth = 128

    let bytes: [UInt8]
    var offset = 0
    var mapper: SourcePositionMapper
    let root: TOMLTableNode
    var current: TOMLTableNode

    init(source: SourceText) {
        self.bytes = source.bytes
        self.mapper = SourcePositionMapper(source: source)
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
                throw error("control character \(CodePoint.label(UInt32(byte))) is not allowed in comments", at: offset)
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
            if TOMLBytes.isForbiddenControl(byte) || byte == TOMLBytes.tab { return CodePoint.label(UInt32(byte)) }
            return "'" + String(UnicodeScalar(byte)) + "'"
        }
        let end = min(index + 4, bytes.count)
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return "an invalid character" }
        var shown = ""
        shown.unicodeScalars.append(scalar)
        return "'\(shown)' (\(CodePoint.label(scalar.value)))"
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
