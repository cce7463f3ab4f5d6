/// Bounds-safe access to an array of tokens (a file's, or an f-string field's) and their source,
/// with the small queries the module reader repeats: operators, bracket matching, top-level
/// splitting, dotted names and string values.
final class PythonTokenView: Sendable {
    let tokens: [PythonToken]
    let source: SourceText
    let positions: PythonPositionIndex
    /// Returned for any index outside ``tokens``.
    private let sentinel: PythonToken

    init(tokens: [PythonToken], source: SourceText, positions: PythonPositionIndex) {
        self.tokens = tokens
        self.source = source
        self.positions = positions
        let end = source.bytes.count
        self.sentinel = PythonToken(kind: .endMarker, byteRange: end..<end)
    }

    /// The token at `index`, or an end marker when `index` is out of bounds.
    @inline(__always)
    subscript(_ index: Int) -> PythonToken {
        index >= 0 && index < tokens.count ? tokens[index] : sentinel
    }

    /// True when the token at `index` is the operator `text`.
    @inline(__always)
    func isOp(_ index: Int, _ text: String) -> Bool {
        let token = self[index]
        return token.kind == .op && token.byteRange.count == text.utf8.count
            && source.bytes[token.byteRange].elementsEqual(text.utf8)
    }

    /// True when the token at `index` is a name (not a hard keyword) spelled `text`.
    func isName(_ index: Int, _ text: String) -> Bool {
        let token = self[index]
        return token.kind == .name && token.keyword == nil && source.bytes[token.byteRange].elementsEqual(text.utf8)
    }

    /// True when the token at `index` is a name usable as an identifier (soft keywords included).
    func isIdentifier(_ index: Int) -> Bool {
        let token = self[index]
        return token.kind == .name && token.keyword == nil
    }

    /// The text of one token.
    func text(_ index: Int) -> String {
        String(decoding: source.bytes[self[index].byteRange], as: UTF8.self)
    }

    /// The source bytes spanned by tokens `range` (from the first's start to the last's end).
    func byteRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let offset = self[range.lowerBound].byteRange.lowerBound
            return offset..<offset
        }
        let lower = self[range.lowerBound].byteRange.lowerBound
        return lower..<max(lower, self[range.upperBound - 1].byteRange.upperBound)
    }

    /// The source text spanned by tokens `range`.
    func text(_ range: Range<Int>) -> String {
        String(decoding: source.bytes[byteRange(range)], as: UTF8.self)
    }

    /// The line/column range of bytes `range`.
    func range(ofBytes range: Range<Int>) -> SourceRange {
        positions.range(ofBytes: range)
    }

    /// The line/column range spanned by tokens `range`.
    func sourceRange(_ range: Range<Int>) -> SourceRange {
        positions.range(ofBytes: byteRange(range))
    }

    /// The bracket-depth change of the token at `index`: +1 for `( [ {`, -1 for `) ] }`.
    @inline(__always)
    func bracketDelta(_ index: Int) -> Int {
        let token = self[index]
        guard token.kind == .op, token.byteRange.count == 1 else { return 0 }
        switch source.bytes[token.byteRange.lowerBound] {
        case 0x28, 0x5B, 0x7B: return 1
        case 0x29, 0x5D, 0x7D: return -1
        default: return 0
        }
    }

    /// The index of the bracket closing the one at `open`, searching before `limit`.
    func matchingClose(_ open: Int, limit: Int) -> Int? {
        var depth = 0
        var index = open
        while index < limit {
            depth += bracketDelta(index)
            if depth == 0 { return index }
            index += 1
        }
        return nil
    }

    /// Splits tokens `range` at operator `separator` outside brackets (empty pieces kept).
    func splitTopLevel(_ range: Range<Int>, at separator: String) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            depth = max(0, depth + bracketDelta(index))
            if depth == 0 && isOp(index, separator) {
                pieces.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        pieces.append(start..<max(start, range.upperBound))
        return pieces
    }

    /// The first operator `text` outside brackets in `range`.
    func firstTopLevel(_ text: String, in range: Range<Int>) -> Int? {
        var depth = 0
        var index = range.lowerBound
        while index < range.upperBound {
            depth = max(0, depth + bracketDelta(index))
            if depth == 0 && isOp(index, text) { return index }
            index += 1
        }
        return nil
    }

    /// The dotted name `a.b.c` starting at `index` and ending before `limit`, with the index
    /// after it.
    func dottedName(at index: Int, limit: Int) -> (name: String, end: Int)? {
        guard index < limit, isIdentifier(index) else { return nil }
        var name = text(index)
        var end = index + 1
        while end + 1 < limit, isOp(end, "."), isIdentifier(end + 1) {
            name += "." + text(end + 1)
            end += 2
        }
        return (name, end)
    }

    /// True when every token of the non-empty `range` is a string literal.
    func isStringOnly(_ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { self[$0].kind == .string }
    }

    /// The prefix of the string token at `index` and the offset of its opening quote.
    func stringPrefix(_ index: Int) -> (prefix: PythonStringPrefix, quoteOffset: Int)? {
        let token = self[index]
        guard token.kind == .string else { return nil }
        var offset = token.byteRange.lowerBound
        while offset < token.byteRange.upperBound, !PythonCharacters.isQuote(source.bytes[offset]) { offset += 1 }
        guard offset < token.byteRange.upperBound,
              let prefix = PythonStringPrefix(source.bytes, token.byteRange.lowerBound..<offset) else { return nil }
        return (prefix, offset)
    }

    /// True when the string token at `index` is an f-string.
    func isFormattedString(_ index: Int) -> Bool {
        stringPrefix(index)?.prefix.isFormatted ?? false
    }

    /// The decoded value of the string tokens `range` (implicit concatenation), or nil when the
    /// range is not only strings or a piece does not decode.
    func stringValue(_ range: Range<Int>) -> String? {
        guard isStringOnly(range) else { return nil }
        var value = ""
        for index in range {
            guard let piece = PythonStringLiteral.decode(source.bytes, self[index].byteRange) else { return nil }
            value += piece
        }
        return value
    }

    /// The top-level arguments of a call whose parentheses enclose tokens `range`.
    func arguments(_ range: Range<Int>) -> [PythonCallArgument] {
        guard !range.isEmpty else { return [] }
        var arguments: [PythonCallArgument] = []
        for piece in splitTopLevel(range, at: ",") where !piece.isEmpty {
            var valueStart = piece.lowerBound
            var keyword: String?
            if piece.count >= 2, isIdentifier(piece.lowerBound), isOp(piece.lowerBound + 1, "=") {
                keyword = text(piece.lowerBound)
                valueStart += 2
            }
            let value = valueStart..<max(valueStart, piece.upperBound)
            arguments.append(PythonCallArgument(keyword: keyword, text: text(value), stringValue: stringValue(value),
                                                range: sourceRange(piece)))
        }
        return arguments
    }
}
