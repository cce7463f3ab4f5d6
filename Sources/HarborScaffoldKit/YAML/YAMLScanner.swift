/// A place where an implicit key may start: a node on the current line that turns out to be a
/// mapping key if a `:` follows it on the same line within ``YAMLScanner/maxSimpleKeyLength`` bytes.
struct YAMLSimpleKey {
    var isPossible = false
    /// A key at the indentation of the enclosing block mapping's keys must be followed by `:`.
    var isRequired = false
    /// The number (counted from the start of the stream) of the key's first token.
    var tokenNumber = 0
    /// Byte offset of the key's first character.
    var offset = 0
    /// Byte offset of the start of the key's line.
    var lineStart = 0
}

/// Turns YAML text into ``YAMLToken``s, following libyaml's design: indentation becomes
/// zero-width block start and end tokens, and a `:` after a node on the same line inserts a key
/// token (and, in block context, a mapping start) before that node.
///
/// Tokens are produced on demand; the queue only holds tokens that may still get a key inserted
/// before them, which is bounded by the length of a simple key, so memory and time stay linear.
/// The grammar of scalars, anchors and tags is in the other `YAML*.swift` files.
struct YAMLScanner {
    /// The longest implicit key, in bytes (as libyaml and YAML 1.2 say).
    static let maxSimpleKeyLength = 1024

    let bytes: [UInt8]
    private var mapper: SourcePositionMapper
    /// Byte offset of the next unread byte.
    var offset = 0
    /// Byte offset of the start of the line being read.
    var lineStart = 0
    /// The indentation of the innermost block collection, -1 at the top.
    private(set) var indent = -1
    private var indents: [Int] = []
    /// Whether a simple key may start at the current position.
    var simpleKeyAllowed = true
    /// One potential simple key a flow level; index 0 is block context. A possible key was
    /// saved before every possible key of a deeper level, so possible keys are in document order.
    private var simpleKeys = [YAMLSimpleKey()]
    /// No level below this one holds a possible simple key.
    private var lowestKeyLevel = 0
    private var queue = [YAMLToken(kind: .streamStart, start: 0, end: 0)]
    private var head = 0
    private var tokensTaken = 0
    private var streamEnded = false

    init(source: SourceText) {
        self.bytes = source.bytes
        self.mapper = SourcePositionMapper(source: source)
    }

    /// The 0-based column of ``offset`` in bytes (indentation is made of spaces, so bytes are
    /// characters wherever indentation is compared).
    var column: Int { offset - lineStart }

    /// How many flow collections (`[`, `{`) are open around ``offset``.
    var flowLevel: Int { simpleKeys.count - 1 }

    // MARK: Tokens for the parser

    /// The next token, without consuming it.
    mutating func peek() throws(YAMLError) -> YAMLToken {
        try fetchMoreTokens()
        return queue[head]
    }

    /// Consumes the token ``peek()`` returned; the end of the stream stays.
    mutating func advance() {
        guard head < queue.count, queue[head].kind != .streamEnd else { return }
        head += 1
        tokensTaken += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        }
    }

    /// An error at byte `index`.
    mutating func error(_ message: String, at index: Int) -> YAMLError {
        YAMLError(message: message, position: mapper.position(ofByte: index))
    }

    /// The position of byte `index`.
    mutating func position(of index: Int) -> SourcePosition {
        mapper.position(ofByte: index)
    }

    // MARK: Queue

    private var nextTokenNumber: Int { tokensTaken + queue.count - head }

    /// Appends a token ending at ``offset`` (or at `end`).
    mutating func append(_ kind: YAMLToken.Kind, from start: Int, to end: Int? = nil, text: String = "",
                         style: YAMLScalar.Style = .plain) {
        queue.append(YAMLToken(kind: kind, start: start, end: end ?? offset, text: text, style: style))
    }

    private mutating func insert(_ token: YAMLToken, number: Int) {
        queue.insert(token, at: head + number - tokensTaken)
    }

    /// Scans until the head of the queue can no longer become a simple key.
    private mutating func fetchMoreTokens() throws(YAMLError) {
        while !streamEnded {
            if head < queue.count {
                try staleSimpleKeys()
                // Only the oldest possible key can start at the head of the queue.
                guard lowestKeyLevel < simpleKeys.count, simpleKeys[lowestKeyLevel].tokenNumber == tokensTaken else {
                    return
                }
            }
            try fetchNextToken()
        }
    }

    private mutating func fetchNextToken() throws(YAMLError) {
        try skipToNextToken()
        try staleSimpleKeys()
        unrollIndent(to: column)
        guard offset < bytes.count else { return try fetchStreamEnd() }
        let byte = bytes[offset]
        if column == 0 {
            if byte == YAMLBytes.percent { return try fetchDirective() }
            if isDocumentMarker(at: offset) {
                return try fetchDocumentIndicator(byte == YAMLBytes.minus ? .documentStart : .documentEnd)
            }
        }
        let next = offset + 1 < bytes.count ? bytes[offset + 1] : nil
        let blankFollows = next.map(YAMLBytes.isBlankOrBreak) ?? true
        switch byte {
        case YAMLBytes.openBracket: try fetchFlowCollectionStart(.flowSequenceStart)
        case YAMLBytes.openBrace: try fetchFlowCollectionStart(.flowMappingStart)
        case YAMLBytes.closeBracket: try fetchFlowCollectionEnd(.flowSequenceEnd)
        case YAMLBytes.closeBrace: try fetchFlowCollectionEnd(.flowMappingEnd)
        case YAMLBytes.comma: try fetchFlowEntry()
        case YAMLBytes.minus where blankFollows: try fetchBlockEntry()
        case YAMLBytes.question where blankFollows || flowLevel > 0:
            throw error("explicit mapping keys ('? ') are not supported; write 'key: value'", at: offset)
        case YAMLBytes.colon where blankFollows || flowLevel > 0: try fetchValue()
        case YAMLBytes.asterisk: try fetchAnchorOrAlias(.alias)
        case YAMLBytes.ampersand: try fetchAnchorOrAlias(.anchor)
        case YAMLBytes.exclamation: try fetchTag()
        case YAMLBytes.pipe where flowLevel == 0, YAMLBytes.greater where flowLevel == 0: try fetchBlockScalar()
        case YAMLBytes.apostrophe, YAMLBytes.quote: try fetchQuotedScalar()
        default:
            guard canStartPlainScalar(byte, next: next) else { throw unexpectedCharacter(byte) }
            try fetchPlainScalar()
        }
    }

    /// Whether a plain scalar starts with `byte`: any non-indicator, `-` before a non-blank, and in
    /// block context `?` and `:` before a non-blank (inside flow collections those two are always
    /// indicators).
    private func canStartPlainScalar(_ byte: UInt8, next: UInt8?) -> Bool {
        if !YAMLBytes.isIndicator(byte) { return true }
        guard let next, !YAMLBytes.isBlankOrBreak(next) else { return false }
        return byte == YAMLBytes.minus || (flowLevel == 0 && (byte == YAMLBytes.question || byte == YAMLBytes.colon))
    }

    private mutating func unexpectedCharacter(_ byte: UInt8) -> YAMLError {
        let message: String
        switch byte {
        case YAMLBytes.pipe, YAMLBytes.greater:
            message = "block scalars ('|', '>') are not allowed inside flow collections"
        case YAMLBytes.minus:
            message = "block sequence entries ('- ') are not allowed inside flow collections"
        default:
            message = "'\(Character(Unicode.Scalar(byte)))' cannot start a plain scalar; quote the value"
        }
        return error(message, at: offset)
    }

    // MARK: Whitespace, comments, line breaks

    /// Consumes the line feed at ``offset``.
    mutating func skipLineBreak() {
        offset += 1
        lineStart = offset
    }

    /// `---` or `...` at the start of a line, followed by a blank, a line break or the end.
    func isDocumentMarker(at index: Int) -> Bool {
        guard index == lineStart, index + 2 < bytes.count else { return false }
        let byte = bytes[index]
        guard byte == YAMLBytes.minus || byte == YAMLBytes.dot, bytes[index + 1] == byte, bytes[index + 2] == byte else {
            return false
        }
        return index + 3 == bytes.count || YAMLBytes.isBlankOrBreak(bytes[index + 3])
    }

    /// Skips blanks, comments and line breaks up to the next token. In block context a line
    /// break makes a simple key possible again.
    private mutating func skipToNextToken() throws(YAMLError) {
        while offset < bytes.count {
            switch bytes[offset] {
            case YAMLBytes.space:
                offset += 1
            case YAMLBytes.tab:
                try skipBlanksWithTab()
            case YAMLBytes.hash:
                skipComment()
            case YAMLBytes.newline:
                skipLineBreak()
                if flowLevel == 0 { simpleKeyAllowed = true }
            default:
                return
            }
        }
    }

    /// Skips a run of blanks holding a tab at ``offset``; in block context the run may not be the
    /// indentation of a line with content.
    private mutating func skipBlanksWithTab() throws(YAMLError) {
        let tab = offset
        var runStart = offset
        while runStart > lineStart, YAMLBytes.isBlank(bytes[runStart - 1]) { runStart -= 1 }
        while offset < bytes.count, YAMLBytes.isBlank(bytes[offset]) { offset += 1 }
        guard flowLevel == 0, runStart == lineStart, offset < bytes.count else { return }
        if bytes[offset] != YAMLBytes.newline, bytes[offset] != YAMLBytes.hash {
            throw tabIndentation(at: tab)
        }
    }

    /// The error for a tab in indentation.
    mutating func tabIndentation(at index: Int) -> YAMLError {
        error("tabs are not allowed for indentation; indent with spaces", at: index)
    }

    /// Skips from `#` to the end of the line (the line feed stays).
    mutating func skipComment() {
        while offset < bytes.count, bytes[offset] != YAMLBytes.newline { offset += 1 }
    }

    // MARK: Simple keys

    /// Records that a simple key may start at ``offset``.
    mutating func saveSimpleKey() throws(YAMLError) {
        guard simpleKeyAllowed else { return }
        try removeSimpleKey()
        simpleKeys[flowLevel] = YAMLSimpleKey(
            isPossible: true, isRequired: flowLevel == 0 && indent == column, tokenNumber: nextTokenNumber,
            offset: offset, lineStart: lineStart)
        lowestKeyLevel = min(lowestKeyLevel, flowLevel)
    }

    /// Drops the potential simple key of the current flow level; a required one is an error.
    mutating func removeSimpleKey() throws(YAMLError) {
        let key = simpleKeys[flowLevel]
        if key.isPossible, key.isRequired { throw missingColon(key) }
        simpleKeys[flowLevel].isPossible = false
    }

    /// Drops potential simple keys that can no longer be keys: on an earlier line or too long.
    /// Keys are checked oldest first, and a key that is still possible means newer ones are too;
    /// afterwards ``lowestKeyLevel`` is the level of the oldest possible key (or past the last).
    private mutating func staleSimpleKeys() throws(YAMLError) {
        while lowestKeyLevel < simpleKeys.count {
            let key = simpleKeys[lowestKeyLevel]
            if key.isPossible {
                guard key.lineStart < lineStart || key.offset + Self.maxSimpleKeyLength < offset else { return }
                if key.isRequired { throw missingColon(key) }
                simpleKeys[lowestKeyLevel].isPossible = false
            }
            lowestKeyLevel += 1
        }
    }

    private mutating func missingColon(_ key: YAMLSimpleKey) -> YAMLError {
        error("could not find the ':' that should follow this mapping key", at: key.offset)
    }

    // MARK: Indentation

    /// Closes the block collections indented deeper than `column`.
    private mutating func unrollIndent(to column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd, from: offset)
            indent = indents.popLast() ?? -1
        }
    }

    /// Opens a block collection at `column` when it is deeper than the current one; the start
    /// token goes before token `number` when given (a key found after the fact), else at the end.
    private mutating func rollIndent(to column: Int, number: Int?, kind: YAMLToken.Kind, at start: Int) {
        guard flowLevel == 0, indent < column else { return }
        indents.append(indent)
        indent = column
        let token = YAMLToken(kind: kind, start: start, end: start)
        if let number { insert(token, number: number) } else { queue.append(token) }
    }

    // MARK: Indicators

    private mutating func fetchStreamEnd() throws(YAMLError) {
        unrollIndent(to: -1)
        if let key = simpleKeys.first(where: { $0.isPossible && $0.isRequired }) { throw missingColon(key) }
        simpleKeyAllowed = false
        append(.streamEnd, from: offset)
        streamEnded = true
    }

    /// `%YAML` and `%TAG` lines are read as one token and otherwise ignored.
    private mutating func fetchDirective() throws(YAMLError) {
        unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = offset
        skipComment()
        append(.directive, from: start)
    }

    private mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLError) {
        unrollIndent(to: -1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        offset += 3
        append(kind, from: offset - 3)
    }

    private mutating func fetchFlowCollectionStart(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeys.append(YAMLSimpleKey())
        simpleKeyAllowed = true
        offset += 1
        append(kind, from: offset - 1)
    }

    private mutating func fetchFlowCollectionEnd(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try removeSimpleKey()
        if flowLevel > 0 { simpleKeys.removeLast() }
        simpleKeyAllowed = false
        offset += 1
        append(kind, from: offset - 1)
    }

    private mutating func fetchFlowEntry() throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        offset += 1
        append(.flowEntry, from: offset - 1)
    }

    private mutating func fetchBlockEntry() throws(YAMLError) {
        guard flowLevel == 0 else { throw unexpectedCharacter(YAMLBytes.minus) }
        guard simpleKeyAllowed else {
            throw error("a block sequence entry ('- ') is not allowed here; start the sequence on a new line", at: offset)
        }
        rollIndent(to: column, number: nil, kind: .blockSequenceStart, at: offset)
        try removeSimpleKey()
        simpleKeyAllowed = true
        offset += 1
        append(.blockEntry, from: offset - 1)
    }

    /// `:` after a simple key: inserts the key token (and a mapping start) before the key.
    private mutating func fetchValue() throws(YAMLError) {
        let key = simpleKeys[flowLevel]
        guard key.isPossible else { throw error("mapping values are not allowed here", at: offset) }
        insert(YAMLToken(kind: .key, start: key.offset, end: key.offset), number: key.tokenNumber)
        rollIndent(to: key.offset - key.lineStart, number: key.tokenNumber, kind: .blockMappingStart, at: key.offset)
        simpleKeys[flowLevel].isPossible = false
        simpleKeyAllowed = false
        offset += 1
        append(.value, from: offset - 1)
    }
}
