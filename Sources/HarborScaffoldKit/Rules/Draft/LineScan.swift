/// Byte-level helpers for rules that judge the shape of a line (Dockerfile instructions, shell commands,
/// test code): they read the draft's bytes directly, without building strings.
enum LineScan {
    /// The value lines of `field` that lie outside fenced code blocks (fences are ``CodeBlockRule``'s).
    static func proseLines(_ draft: DraftSpec, _ field: DraftField) -> [Range<Int>] {
        guard !draft.codeFences.isEmpty else { return field.valueLines }
        return field.valueLines.filter { line in !draft.codeFences.contains { $0.contains(line.lowerBound) } }
    }

    /// The first byte of a line's content after a list marker (`-`, `*`, `+`, `1.`, `1)`), a quote marker
    /// (`>`) and an opening backtick.
    static func contentStart(_ bytes: [UInt8], _ line: Range<Int>) -> Int {
        var index = line.lowerBound
        func skipSpaces() { while index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        skipSpaces()
        if index < line.upperBound, bytes[index] == UInt8(ascii: ">") {
            index += 1
            skipSpaces()
        }
        if index + 1 < line.upperBound,
            bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "+"),
            bytes[index + 1] == 0x20
        {
            index += 2
        } else {
            var digits = index
            while digits < line.upperBound, digits - index < 3, isDigit(bytes[digits]) { digits += 1 }
            if digits > index, digits + 1 < line.upperBound,
                bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"), bytes[digits + 1] == 0x20
            {
                index = digits + 2
            }
        }
        skipSpaces()
        while index < line.upperBound, bytes[index] == UInt8(ascii: "`") { index += 1 }
        return index
    }

    /// True when `pattern` occurs at `index` and ends within `limit`.
    @inline(__always) static func has(_ pattern: [UInt8], at index: Int, in bytes: [UInt8], limit: Int) -> Bool {
        guard index >= 0, index + pattern.count <= limit else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// True when `pattern` occurs at `index`, comparing ASCII letters case-insensitively (`pattern` is lowercase).
    @inline(__always) static func hasFolded(_ pattern: [UInt8], at index: Int, in bytes: [UInt8], limit: Int) -> Bool {
        guard index >= 0, index + pattern.count <= limit else { return false }
        for offset in 0..<pattern.count where TokenizedText.lower(bytes[index + offset]) != pattern[offset] {
            return false
        }
        return true
    }

    /// The first index in `range` where `pattern` occurs.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == first, has(pattern, at: index, in: bytes, limit: range.upperBound) { return index }
            index += 1
        }
        return nil
    }

    /// True when no word byte (letter, digit, `_`) stands just before `index`.
    @inline(__always) static func startsWord(_ bytes: [UInt8], at index: Int, from lower: Int) -> Bool {
        index <= lower || !TokenizedText.isWordByte(bytes[index - 1])
    }

    /// True when no word byte stands at `index` (or `index` is the end).
    @inline(__always) static func endsWord(_ bytes: [UInt8], at index: Int, limit: Int) -> Bool {
        index >= limit || !TokenizedText.isWordByte(bytes[index])
    }

    /// The end of the run of non-space bytes starting at `index`.
    static func wordEnd(_ bytes: [UInt8], from index: Int, limit: Int) -> Int {
        var end = index
        while end < limit, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
        return end
    }

    /// The index after the spaces starting at `index`.
    static func skipSpaces(_ bytes: [UInt8], from index: Int, limit: Int) -> Int {
        var end = index
        while end < limit, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return end
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
}

/// A fixed set of byte literals matched at a position, indexed by first byte so that a miss costs one
/// table read. Literals live in one flat buffer, so matching allocates and retains nothing.
struct LiteralTable: Sendable {
    private let buffer: [UInt8]
    private let bounds: [Range<Int>]
    private let byFirstByte: [Range<Int>]
    /// The literal index (in the order given) of each sorted slot.
    private let original: [Int]

    /// Creates a table; empty literals are ignored.
    init(_ literals: [[UInt8]]) {
        let order = literals.indices.filter { !literals[$0].isEmpty }.sorted { literals[$0][0] < literals[$1][0] }
        var buffer: [UInt8] = []
        var bounds: [Range<Int>] = []
        var byFirstByte = [Range<Int>](repeating: 0..<0, count: 256)
        for (slot, index) in order.enumerated() {
            bounds.append(buffer.count..<(buffer.count + literals[index].count))
            buffer.append(contentsOf: literals[index])
            let first = Int(literals[index][0])
            byFirstByte[first] = byFirstByte[first].isEmpty ? slot..<(slot + 1) : byFirstByte[first].lowerBound..<(slot + 1)
        }
        self.buffer = buffer
        self.bounds = bounds
        self.byFirstByte = byFirstByte
        self.original = order
    }

    /// True when some literal starts with `byte`.
    @inline(__always) func starts(with byte: UInt8) -> Bool { !byFirstByte[Int(byte)].isEmpty }

    /// The index (in the order given) of a literal that occurs at `index` and ends within `limit`; the
    /// literals of a table should not overlap, so that at most one can occur at a place.
    func match(at index: Int, in bytes: [UInt8], limit: Int) -> Int? {
        for slot in byFirstByte[Int(bytes[index])] {
            let literal = bounds[slot]
            guard index + literal.count <= limit else { continue }
            var same = true
            for offset in 0..<literal.count where bytes[index + offset] != buffer[literal.lowerBound + offset] {
                same = false
                break
            }
            if same { return original[slot] }
        }
        return nil
    }
}
