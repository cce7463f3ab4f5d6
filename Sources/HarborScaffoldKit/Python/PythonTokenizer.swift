/// Splits Python source into tokens the way Python 3.12's `tokenize` module does, recording
/// errors as ``PythonSyntaxIssue``s instead of stopping at the first one.
///
/// Works on UTF-8 bytes in a single pass; every input, however malformed, yields a stream that
/// ends with an ``PythonTokenKind/endMarker`` and has balanced INDENT/DEDENT tokens.
public enum PythonTokenizer {
    /// Tokenizes a whole file.
    public static func tokenize(_ source: SourceText) -> PythonTokenStream {
        let positions = PythonPositionIndex(source)
        var state = PythonTokenizerState(source: source, range: 0..<source.bytes.count, positions: positions)
        state.run()
        return PythonTokenStream(source: source, tokens: state.tokens, issues: state.issues, positions: positions)
    }

    /// Tokenizes the expression in `range` of `source` (an f-string replacement field) as if it
    /// were inside brackets: no NEWLINE, INDENT or DEDENT tokens, and no issues.
    static func tokenizeExpression(in source: SourceText, range: Range<Int>) -> [PythonToken] {
        var state = PythonTokenizerState(source: source, range: range, positions: nil)
        state.run()
        return state.tokens
    }
}

/// The mutable state of one tokenizer run.
struct PythonTokenizerState {
    /// One level of the indentation stack.
    struct IndentLevel {
        /// Column with tabs to multiples of 8.
        var column: Int
        /// Column with tabs counted as 1, to detect indentation that depends on the tab size.
        var altColumn: Int
        /// False for a level pushed to recover from an inconsistent dedent (it has no INDENT token).
        var emitted: Bool
    }

    static let maximumBrackets = 200
    static let maximumIndentation = 100

    let source: SourceText
    let bytes: [UInt8]
    let limit: Int
    let expressionMode: Bool
    /// Positions for issues; nil in expression mode, which records no issues.
    let positions: PythonPositionIndex?
    var index: Int
    var tokens: [PythonToken] = []
    var issues: [PythonSyntaxIssue] = []
    var brackets: [(byte: UInt8, offset: Int)] = []
    var indents = [IndentLevel(column: 0, altColumn: 0, emitted: true)]
    /// The current logical line has a significant token.
    var lineHasTokens = false
    /// The last significant token is `:`.
    var lastWasColon = false
    /// The previous logical line ended with `:` (so an INDENT is expected).
    var previousLineEndedWithColon = false
    /// Whether the last significant token is a bytes literal (nil when it is not a string):
    /// adjacent literals may not mix bytes and str.
    var lastStringIsBytes: Bool?
    var reportedDeepBrackets = false
    var reportedDeepIndentation = false

    init(source: SourceText, range: Range<Int>, positions: PythonPositionIndex?) {
        self.source = source
        self.positions = positions
        self.bytes = source.bytes
        self.limit = min(max(range.upperBound, 0), source.bytes.count)
        self.index = min(max(range.lowerBound, 0), limit)
        self.expressionMode = positions == nil
    }

    @inline(__always)
    func at(_ offset: Int) -> UInt8 { PythonCharacters.byte(bytes, offset, limit: limit) }

    mutating func run() {
        tokens.reserveCapacity((limit - index) / 4 + 4)
        var atLineStart = !expressionMode
        while true {
            if atLineStart {
                atLineStart = false
                if brackets.isEmpty { readIndentation() }
            }
            skipWhitespace()
            guard index < limit else { break }
            let current = bytes[index]
            switch current {
            case PythonCharacters.newline:
                endLine()
                atLineStart = true
            case PythonCharacters.hash:
                let start = index
                while index < limit && bytes[index] != PythonCharacters.newline { index += 1 }
                append(.comment, start..<index)
            case PythonCharacters.backslash:
                readBackslash()
            case PythonCharacters.singleQuote, PythonCharacters.doubleQuote:
                readString(prefixStart: index, quoteOffset: index, prefix: PythonStringPrefix())
            default:
                if PythonCharacters.isDigit(current)
                    || (current == PythonCharacters.dot && PythonCharacters.isDigit(at(index + 1))) {
                    readNumber()
                } else if let length = PythonCharacters.identifierStartLength(bytes, at: index, limit: limit) {
                    readName(firstLength: length)
                } else if !readOperator() {
                    readInvalidCharacter()
                }
            }
        }
        finish()
    }

    private mutating func skipWhitespace() {
        while index < limit {
            let current = bytes[index]
            guard current == PythonCharacters.space || current == PythonCharacters.tab
                || current == PythonCharacters.formFeed else { return }
            index += 1
        }
    }

    /// Appends a token; significant tokens mark the logical line as non-blank.
    mutating func append(_ kind: PythonTokenKind, _ range: Range<Int>, keyword: PythonKeyword? = nil) {
        tokens.append(PythonToken(kind: kind, byteRange: range, keyword: keyword))
        switch kind {
        case .name, .number, .string, .op, .errorToken:
            lineHasTokens = true
            lastWasColon = kind == .op && range.count == 1 && at(range.lowerBound) == 0x3A
            if kind != .string { lastStringIsBytes = nil }
        default:
            break
        }
    }

    mutating func issue(_ kind: PythonSyntaxIssue.Kind, _ message: String, _ range: Range<Int>) {
        guard let positions else { return }
        issues.append(PythonSyntaxIssue(kind, message, at: range, count: bytes.count, positions: positions))
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT tokens. Blank and
    /// comment-only lines do not change the indentation.
    private mutating func readIndentation() {
        var column = 0
        var altColumn = 0
        var offset = index
        scan: while offset < limit {
            switch bytes[offset] {
            case PythonCharacters.space: column += 1; altColumn += 1
            case PythonCharacters.tab: column = (column / 8 + 1) * 8; altColumn += 1
            case PythonCharacters.formFeed: column = 0; altColumn = 0
            default: break scan
            }
            offset += 1
        }
        let first = at(offset)
        guard offset < limit, first != PythonCharacters.hash, first != PythonCharacters.newline else { return }
        let top = indents[indents.count - 1]
        if column == top.column {
            if altColumn != top.altColumn { tabIssue(offset) }
        } else if column > top.column {
            if altColumn <= top.altColumn { tabIssue(offset) }
            if indents.count > PythonTokenizerState.maximumIndentation && !reportedDeepIndentation {
                reportedDeepIndentation = true
                issue(.tooDeeplyNested, "too many levels of indentation", offset..<offset + 1)
            }
            indents.append(IndentLevel(column: column, altColumn: altColumn, emitted: true))
            append(.indent, index..<offset)
            if !previousLineEndedWithColon {
                issue(.unexpectedIndent, "unexpected indent", offset..<offset + 1)
            }
        } else {
            while indents.count > 1 && column < indents[indents.count - 1].column {
                if indents.removeLast().emitted { append(.dedent, offset..<offset) }
            }
            let level = indents[indents.count - 1]
            if column != level.column {
                issue(.inconsistentDedent, "unindent does not match any outer indentation level", offset..<offset + 1)
                indents.append(IndentLevel(column: column, altColumn: altColumn, emitted: false))
            } else if altColumn != level.altColumn {
                tabIssue(offset)
            }
        }
        index = offset
    }

    private mutating func tabIssue(_ offset: Int) {
        issue(.inconsistentTabs, "inconsistent use of tabs and spaces in indentation", offset..<offset + 1)
    }

    /// Ends a physical line: NEWLINE when it ends a non-blank logical line, NL otherwise.
    private mutating func endLine() {
        if lineHasTokens && brackets.isEmpty && !expressionMode {
            append(.newline, index..<index + 1)
            previousLineEndedWithColon = lastWasColon
            lineHasTokens = false
        } else {
            append(.nl, index..<index + 1)
        }
        index += 1
    }

    /// A backslash: joins lines when it ends one, an error otherwise.
    private mutating func readBackslash() {
        if at(index + 1) == PythonCharacters.newline {
            index += 2
        } else if index + 1 >= limit {
            issue(.eofInMultiLineStatement, "unexpected EOF while parsing", index..<index + 1)
            index += 1
        } else {
            issue(.badLineContinuation, "unexpected character after line continuation character", index..<index + 1)
            append(.errorToken, index..<index + 1)
            index += 1
        }
    }

    /// Emits the final NEWLINE, DEDENTs and ENDMARKER, and reports unclosed brackets.
    private mutating func finish() {
        if !expressionMode {
            if lineHasTokens { append(.newline, limit..<limit) }
            if let open = brackets.last {
                let bracket = String(UnicodeScalar(open.byte))
                issue(.eofInMultiLineStatement, "'\(bracket)' was never closed", open.offset..<open.offset + 1)
            }
            for level in indents.dropFirst() where level.emitted {
                tokens.append(PythonToken(kind: .dedent, byteRange: limit..<limit))
            }
        }
        tokens.append(PythonToken(kind: .endMarker, byteRange: limit..<limit))
    }
}
