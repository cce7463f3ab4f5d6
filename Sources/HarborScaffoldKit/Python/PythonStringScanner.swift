/// One replacement field `{…}` of an f-string.
struct PythonFStringField: Hashable, Sendable {
    /// The whole field, from `{` through `}`.
    var whole: Range<Int>
    /// The expression inside, without a `!conversion` or `:format spec`.
    var expression: Range<Int>
    /// 0 for a field of the literal itself, 1 or more for fields nested in a format spec.
    var specLevel: Int
}

/// Finds where a string literal ends, following Python 3.12 (PEP 701) for f-strings: replacement
/// fields may contain any expression, including strings with the same quotes and other f-strings.
///
/// Shared by the tokenizer (to find a literal's end), ``PythonStringLiteral`` (to tell literal text
/// from fields) and the module reader (to read the expressions inside fields). Nesting is bounded,
/// so no input can exhaust the stack.
struct PythonStringScanner {
    /// How deeply strings and fields may nest before scanning gives up (CPython's limit is 150).
    static let maximumDepth = 150

    /// The result of scanning one literal.
    struct Result {
        /// The offset just after the closing quote, or where scanning stopped.
        var end: Int
        /// False when the input ended (or, for single quotes, the line ended) before the closing quote.
        var terminated: Bool
    }

    /// How scanning a replacement field ended, with the offset to continue from.
    private enum FieldEnd {
        /// At the field's closing `}`.
        case closed(Int)
        /// At the literal's closing quote, inside a format spec (an error already recorded).
        case stringEnded(Int)
        /// At the end of the input or of a single-quoted line.
        case unterminated(Int)
    }

    let bytes: [UInt8]
    let limit: Int
    /// The replacement fields of the outermost literal, when ``collectsFields`` is set.
    private(set) var fields: [PythonFStringField] = []
    /// The first f-string error inside an otherwise terminated literal.
    private(set) var problem: (offset: Int, message: String)?
    private let collectsFields: Bool

    init(bytes: [UInt8], limit: Int, collectsFields: Bool = false) {
        self.bytes = bytes
        self.limit = min(limit, bytes.count)
        self.collectsFields = collectsFields
    }

    @inline(__always)
    private func at(_ offset: Int) -> UInt8 { PythonCharacters.byte(bytes, offset, limit: limit) }

    private mutating func report(_ offset: Int, _ message: String) {
        if problem == nil { problem = (offset, message) }
    }

    /// Scans the literal whose opening quote is at `quoteOffset` (after any prefix).
    mutating func scan(quoteAt quoteOffset: Int, prefix: PythonStringPrefix) -> Result {
        scan(quoteAt: quoteOffset, raw: prefix.isRaw, formatted: prefix.isFormatted, depth: 0)
    }

    private mutating func scan(quoteAt quoteOffset: Int, raw: Bool, formatted: Bool, depth: Int) -> Result {
        guard quoteOffset >= 0, quoteOffset < limit else { return Result(end: limit, terminated: false) }
        let quote = bytes[quoteOffset]
        let triple = at(quoteOffset + 1) == quote && at(quoteOffset + 2) == quote
        var index = quoteOffset + (triple ? 3 : 1)
        while index < limit {
            let current = bytes[index]
            switch current {
            case PythonCharacters.backslash:
                let next = at(index + 1)
                if formatted && !raw && next == 0x4E && at(index + 2) == PythonCharacters.openBrace {
                    index = namedEscapeEnd(from: index + 3, quote: quote)
                } else if formatted && (next == PythonCharacters.openBrace || next == PythonCharacters.closeBrace) {
                    index += 1
                } else {
                    index += 2
                }
            case quote:
                if !triple { return Result(end: index + 1, terminated: true) }
                if at(index + 1) == quote && at(index + 2) == quote { return Result(end: index + 3, terminated: true) }
                index += 1
            case PythonCharacters.newline where !triple:
                return Result(end: index, terminated: false)
            case PythonCharacters.openBrace where formatted:
                if at(index + 1) == PythonCharacters.openBrace { index += 2; continue }
                switch scanField(openAt: index, quote: quote, triple: triple, depth: depth, specLevel: 0) {
                case .closed(let end): index = end
                case .stringEnded(let end): return Result(end: end, terminated: true)
                case .unterminated(let end): return Result(end: end, terminated: false)
                }
            case PythonCharacters.closeBrace where formatted:
                if at(index + 1) == PythonCharacters.closeBrace { index += 2; continue }
                report(index, "f-string: single '}' is not allowed")
                index += 1
            default:
                index += 1
            }
        }
        return Result(end: limit, terminated: false)
    }

    /// The end of a `\N{…}` escape whose name starts at `offset`.
    private func namedEscapeEnd(from offset: Int, quote: UInt8) -> Int {
        var index = offset
        while index < limit {
            let current = bytes[index]
            if current == PythonCharacters.closeBrace { return index + 1 }
            if current == PythonCharacters.newline || current == quote { return index }
            index += 1
        }
        return index
    }

    /// Scans a replacement field whose `{` is at `open`.
    private mutating func scanField(openAt open: Int, quote: UInt8, triple: Bool, depth: Int, specLevel: Int) -> FieldEnd {
        if depth + specLevel >= PythonStringScanner.maximumDepth {
            report(open, "f-string: expressions nested too deeply")
            return .unterminated(limit)
        }
        let expressionStart = open + 1
        var index = expressionStart
        var brackets = 0
        while index < limit {
            let current = bytes[index]
            switch current {
            case PythonCharacters.singleQuote, PythonCharacters.doubleQuote:
                let nested = scan(quoteAt: index, raw: false, formatted: false, depth: depth + 1)
                guard nested.terminated else { return .unterminated(nested.end) }
                index = nested.end
            case PythonCharacters.hash:
                while index < limit && bytes[index] != PythonCharacters.newline { index += 1 }
            case PythonCharacters.backslash:
                index += 2
            case 0x28, 0x5B, PythonCharacters.openBrace:  // ( [ {
                brackets += 1
                index += 1
            case 0x29, 0x5D:  // ) ]
                brackets = max(0, brackets - 1)
                index += 1
            case PythonCharacters.closeBrace:
                if brackets == 0 {
                    record(open..<index + 1, expression: expressionStart..<index, specLevel: specLevel, depth: depth)
                    return .closed(index + 1)
                }
                brackets -= 1
                index += 1
            case 0x21 where brackets == 0 && at(index + 1) != 0x3D:  // ! not followed by =
                var conversionEnd = index + 1
                while conversionEnd < limit && PythonCharacters.isASCIIIdentifierContinue(bytes[conversionEnd]) {
                    conversionEnd += 1
                }
                while at(conversionEnd) == PythonCharacters.space || at(conversionEnd) == PythonCharacters.tab {
                    conversionEnd += 1
                }
                return scanSpec(from: conversionEnd, open: open, expression: expressionStart..<index,
                                quote: quote, triple: triple, depth: depth, specLevel: specLevel,
                                requireColon: true)
            case 0x3A where brackets == 0:  // :
                return scanSpec(from: index, open: open, expression: expressionStart..<index,
                                quote: quote, triple: triple, depth: depth, specLevel: specLevel,
                                requireColon: false)
            default:
                if PythonCharacters.isASCIIIdentifierStart(current) {
                    let end = PythonCharacters.identifierEnd(bytes, from: index, limit: limit)
                    if PythonCharacters.isQuote(at(end)), let prefix = PythonStringPrefix(bytes, index..<end) {
                        let nested = scan(quoteAt: end, raw: prefix.isRaw, formatted: prefix.isFormatted, depth: depth + 1)
                        guard nested.terminated else { return .unterminated(nested.end) }
                        index = nested.end
                    } else {
                        index = end
                    }
                } else {
                    index += 1
                }
            }
        }
        return .unterminated(limit)
    }

    /// Scans what follows a field's expression: an optional `!conversion`, then `:spec`, then `}`.
    private mutating func scanSpec(from start: Int, open: Int, expression: Range<Int>, quote: UInt8, triple: Bool,
                                   depth: Int, specLevel: Int, requireColon: Bool) -> FieldEnd {
        var index = start
        if requireColon {
            if at(index) == PythonCharacters.closeBrace {
                record(open..<index + 1, expression: expression, specLevel: specLevel, depth: depth)
                return .closed(index + 1)
            }
            if at(index) != 0x3A { report(index, "f-string: expecting '}'") }
        }
        if at(index) == 0x3A { index += 1 }
        while index < limit {
            let current = bytes[index]
            if current == PythonCharacters.openBrace {
                switch scanField(openAt: index, quote: quote, triple: triple, depth: depth, specLevel: specLevel + 1) {
                case .closed(let end): index = end
                case let other: return other
                }
            } else if current == PythonCharacters.closeBrace {
                record(open..<index + 1, expression: expression, specLevel: specLevel, depth: depth)
                return .closed(index + 1)
            } else if current == quote && (!triple || (at(index + 1) == quote && at(index + 2) == quote)) {
                report(index, "f-string: expecting '}'")
                return .stringEnded(index + (triple ? 3 : 1))
            } else if current == PythonCharacters.newline && !triple {
                return .unterminated(index)
            } else {
                index += 1
            }
        }
        return .unterminated(limit)
    }

    /// Records a field of the outermost literal (depth 0); fields of nested f-strings are not its own.
    private mutating func record(_ whole: Range<Int>, expression: Range<Int>, specLevel: Int, depth: Int) {
        guard collectsFields, depth == 0 else { return }
        fields.append(PythonFStringField(whole: whole, expression: expression, specLevel: specLevel))
    }
}
