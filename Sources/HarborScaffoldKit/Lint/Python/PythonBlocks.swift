/// The blocks of a parsed module (the bodies of `def`, `class`, `if`, `while`, `for`, `try`,
/// `with`…), built from its tokens in one pass so that a rule can ask which blocks enclose a
/// statement: whether a `sleep` sits in a polling loop, whether a `pytest.fail` runs
/// unconditionally. Rules build it only for modules that have a call worth asking about.
struct PythonBlocks {
    /// One block: a header and the statements indented below it (or after its `:` on the same line).
    struct Block {
        /// The header's keyword (the one after `async`); nil for a block after no recognised
        /// header, such as `match` or an unexpected indent.
        let keyword: PythonKeyword?
        /// Token indices of the header, from its keyword up to its `:`.
        let header: Range<Int>
        /// Token indices of the body.
        var body: Range<Int>
        /// The enclosing block.
        let parent: Int?
    }

    /// The module's tokens without comments and non-logical line breaks.
    let tokens: [PythonToken]
    /// Every block, in the order their bodies start.
    private(set) var blocks: [Block] = []
    /// The innermost block holding each token, or -1 at module level.
    private let innermost: [Int32]
    private let source: SourceText

    private static let headerKeywords: Set<PythonKeyword> = [
        .if, .elif, .else, .for, .while, .try, .except, .finally, .with, .def, .class,
    ]

    /// Builds the blocks of `module`.
    init(_ module: PythonModule) {
        source = module.source
        let tokens = module.tokens.tokens.filter { $0.kind != .comment && $0.kind != .nl }
        self.tokens = tokens
        var innermost = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        var inline: Int?
        var atLineStart = true
        var header: (keyword: PythonKeyword?, start: Int)?
        var pending: (keyword: PythonKeyword?, header: Range<Int>)?
        var depth = 0
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .newline:
                if let open = inline { blocks[open].body = blocks[open].body.lowerBound..<index }
                inline = nil
                atLineStart = true
                header = nil
                depth = 0
            case .indent:
                blocks.append(Block(keyword: pending?.keyword, header: pending?.header ?? index..<index,
                                    body: (index + 1)..<tokens.count, parent: stack.last))
                stack.append(blocks.count - 1)
                pending = nil
            case .dedent:
                if let closed = stack.popLast() { blocks[closed].body = blocks[closed].body.lowerBound..<index }
            case .endMarker:
                break
            default:
                if atLineStart {
                    atLineStart = false
                    pending = nil
                    header = Self.header(tokens, at: index, source: source)
                }
                if let open = header {
                    depth += Self.bracketDelta(token, source)
                    if depth == 0, token.kind == .op, source.bytes[token.byteRange].elementsEqual([UInt8(ascii: ":")]) {
                        header = nil
                        if index + 1 < tokens.count, tokens[index + 1].kind == .newline {
                            pending = (open.keyword, open.start..<index)
                        } else {
                            blocks.append(Block(keyword: open.keyword, header: open.start..<index,
                                                body: (index + 1)..<tokens.count, parent: stack.last))
                            inline = blocks.count - 1
                        }
                    }
                }
            }
            innermost[index] = Int32(inline ?? stack.last ?? -1)
        }
        self.innermost = innermost
    }

    /// The header starting the logical line at `index`, if the line starts a compound statement.
    private static func header(_ tokens: [PythonToken], at index: Int, source: SourceText) -> (PythonKeyword?, Int)? {
        var start = index
        if tokens[index].keyword == .async, index + 1 < tokens.count { start = index + 1 }
        if let keyword = tokens[start].keyword, headerKeywords.contains(keyword) { return (keyword, start) }
        let token = tokens[start]
        let text = source.bytes[token.byteRange]
        if token.kind == .name, text.elementsEqual("match".utf8) || text.elementsEqual("case".utf8) { return (nil, start) }
        return nil
    }

    private static func bracketDelta(_ token: PythonToken, _ source: SourceText) -> Int {
        guard token.kind == .op, token.byteRange.count == 1 else { return 0 }
        switch source.bytes[token.byteRange.lowerBound] {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return -1
        default: return 0
        }
    }

    /// The index of the token that starts at `position`, if any.
    func token(at position: SourcePosition) -> Int? {
        let offset = source.byteOffset(of: position)
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].byteRange.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && tokens[low].byteRange.lowerBound == offset ? low : nil
    }

    /// The blocks around the token at `index`, innermost first, up to and including the nearest
    /// `def` or `class`.
    func enclosingBlocks(ofToken index: Int) -> [Block] {
        guard index >= 0, index < innermost.count else { return [] }
        var chain: [Block] = []
        var current = Int(innermost[index])
        while current >= 0, current < blocks.count {
            let block = blocks[current]
            chain.append(block)
            if block.keyword == .def || block.keyword == .class { break }
            current = block.parent ?? -1
        }
        return chain
    }

    /// True when the body of `block` holds one of `keywords` (nested blocks included).
    func body(of block: Block, contains keywords: Set<PythonKeyword>) -> Bool {
        tokens[block.body].contains { $0.keyword.map(keywords.contains) ?? false }
    }

    /// True when the body of `block` calls a name ending in `name` (`pytest.fail(` for `fail`).
    func body(of block: Block, calls name: String) -> Bool {
        let body = block.body
        for index in body where index + 1 < body.upperBound {
            let token = tokens[index]
            if token.kind == .name, source.bytes[token.byteRange].elementsEqual(name.utf8), tokens[index + 1].kind == .op,
                source.bytes[tokens[index + 1].byteRange].elementsEqual([UInt8(ascii: "(")])
            {
                return true
            }
        }
        return false
    }

    private static let comparisons: [[UInt8]] = ["<", ">", "<=", ">=", "==", "!="].map { Array($0.utf8) }

    /// True when the token at `index` is in the header of an `if`, `elif` or `while` that compares
    /// (`<`, `>`, `<=`, `>=`, `==`, `!=`).
    func isInComparingCondition(_ index: Int) -> Bool {
        blocks.contains { block in
            guard block.header.contains(index), block.keyword == .if || block.keyword == .elif || block.keyword == .while
            else { return false }
            return tokens[block.header].contains { token in
                token.kind == .op && Self.comparisons.contains { source.bytes[token.byteRange].elementsEqual($0) }
            }
        }
    }

    /// The source text of tokens `range`, joined without spaces (`True`, `not done`→`notdone`).
    func compactText(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        for index in range where index < tokens.count { bytes.append(contentsOf: source.bytes[tokens[index].byteRange]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension SourceText {
    /// The byte offset of `position` (the inverse of ``position(ofByte:)``), clamped to the text.
    func byteOffset(of position: SourcePosition) -> Int {
        guard position.line >= 1, position.line <= lineStarts.count else { return bytes.count }
        let line = byteRange(ofLine: position.line)
        let wanted = max(position.column - 1, 0)
        if !bytes[line].contains(where: { $0 >= 0x80 }) { return min(line.lowerBound + wanted, line.upperBound) }
        var offset = line.lowerBound
        var column = 0
        for character in String(decoding: bytes[line], as: UTF8.self) {
            if column == wanted { break }
            offset += character.utf8.count
            column += 1
        }
        return min(offset, line.upperBound)
    }
}

extension SourceRange {
    /// True when `other` lies within this range.
    func encloses(_ other: SourceRange) -> Bool {
        start <= other.start && other.end <= end
    }
}
