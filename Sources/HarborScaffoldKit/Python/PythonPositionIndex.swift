/// Turns byte offsets into ``SourcePosition``s (a class, so sharing it costs one reference) with
/// the same results as
/// ``SourceText/position(ofByte:)``, but without rescanning the line each time: ASCII lines are
/// resolved by subtraction and long non-ASCII lines through a precomputed column table, so a
/// huge one-line file cannot make position lookups quadratic.
final class PythonPositionIndex: Sendable {
    /// Non-ASCII lines at least this long get a column table.
    static let tableThreshold = 256

    private let source: SourceText
    private let asciiLines: [Bool]
    /// Line index → the column of every byte offset of the line (its line break included).
    private let columnTables: [Int: [Int32]]

    init(_ source: SourceText) {
        self.source = source
        let bytes = source.bytes
        var ascii = [Bool](repeating: true, count: source.lineStarts.count)
        var line = 0
        for byte in bytes {
            if byte == PythonCharacters.newline {
                line += 1
            } else if byte >= 0x80, line < ascii.count {
                ascii[line] = false
            }
        }
        var tables: [Int: [Int32]] = [:]
        for (index, isASCII) in ascii.enumerated() where !isASCII {
            let start = source.lineStarts[index]
            let end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] - 1 : bytes.count
            guard end - start >= PythonPositionIndex.tableThreshold else { continue }
            tables[index] = PythonPositionIndex.columnTable(bytes[start..<end])
        }
        asciiLines = ascii
        columnTables = tables
    }

    /// Columns for each offset of `line`: a character's first byte gets its column, its other
    /// bytes the next one (as counting a prefix cut inside a character would).
    private static func columnTable(_ line: ArraySlice<UInt8>) -> [Int32] {
        var table = [Int32](repeating: 0, count: line.count + 1)
        var offset = 0
        var column: Int32 = 1
        for character in String(decoding: line, as: UTF8.self) {
            let length = character.utf8.count
            guard offset < table.count else { break }
            table[offset] = column
            for inner in 1..<max(length, 1) where offset + inner < table.count { table[offset + inner] = column + 1 }
            offset += length
            column += 1
        }
        if offset < table.count { table[offset] = column }
        return table
    }

    /// The position of byte `offset`; identical to ``SourceText/position(ofByte:)`` for every
    /// offset that starts a Unicode scalar (token boundaries always do).
    func position(ofByte offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), source.bytes.count)
        let line = source.line(containing: clamped)
        let index = line - 1
        let start = source.lineStarts[index]
        if index < asciiLines.count && asciiLines[index] {
            return SourcePosition(line: line, column: clamped - start + 1)
        }
        if let table = columnTables[index], clamped - start < table.count {
            return SourcePosition(line: line, column: Int(table[clamped - start]))
        }
        return source.position(ofByte: clamped)
    }

    /// The range covering bytes `range`.
    func range(ofBytes range: Range<Int>) -> SourceRange {
        SourceRange(start: position(ofByte: range.lowerBound), end: position(ofByte: range.upperBound))
    }
}
