/// Turns byte offsets into ``SourcePosition``s quickly while parsing (the TOML and YAML readers).
///
/// Gives the same answers as ``SourceText/position(ofByte:)`` but caches the current line, so a
/// long line with many keys does not make parsing quadratic: columns of an all-ASCII prefix are
/// computed directly, and a line with other characters gets a column table built once.
struct SourcePositionMapper {
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
        while end < bytes.count, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\n") { end += 1 }
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
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
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
