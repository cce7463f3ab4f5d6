/// The category of a ``PythonToken``, mirroring the token types of Python 3.12's `tokenize` module.
public enum PythonTokenKind: UInt8, Hashable, Sendable, CaseIterable {
    /// An identifier or keyword (`NAME`); keywords are flagged by ``PythonToken/keyword``.
    case name
    /// A numeric literal (`NUMBER`): integers in any base, floats, imaginary numbers.
    case number
    /// A string or bytes literal with its prefix and quotes (`STRING`); f-strings are one token.
    case string
    /// An operator or delimiter (`OP`), such as `(`, `:=`, `->` or `**=`.
    case op
    /// A `#` comment, without the line break (`COMMENT`).
    case comment
    /// The end of a logical line (`NEWLINE`); zero-width at the end of a file without a final newline.
    case newline
    /// A line break that does not end a logical line: blank lines, comment lines and lines inside
    /// brackets (`NL`).
    case nl
    /// An increase of indentation (`INDENT`); its range covers the indentation.
    case indent
    /// A decrease of indentation (`DEDENT`); zero-width at the first token of the dedented line.
    case dedent
    /// The end of the input (`ENDMARKER`); zero-width.
    case endMarker
    /// Text that is not a valid token (`ERRORTOKEN`): an invalid character or an unterminated
    /// string. A ``PythonSyntaxIssue`` is always recorded with it.
    case errorToken
}

/// A hard keyword of Python 3.12. Soft keywords (`match`, `case`, `type`, `_`) are ordinary names.
public enum PythonKeyword: String, Hashable, Sendable, CaseIterable {
    /// The constant keywords `False`, `None` and `True`.
    case `False`, `None`, `True`
    /// A keyword spelled like the case name (`and` … `else`).
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif, `else`
    /// A keyword spelled like the case name (`except` … `or`).
    case except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or
    /// A keyword spelled like the case name (`pass` … `yield`).
    case pass, raise, `return`, `try`, `while`, with, yield

    /// Keywords grouped by their first byte, for allocation-free lookup.
    private static let byFirstByte: [[(bytes: [UInt8], keyword: PythonKeyword)]] = {
        var table = [[(bytes: [UInt8], keyword: PythonKeyword)]](repeating: [], count: 128)
        for keyword in allCases {
            let bytes = Array(keyword.rawValue.utf8)
            table[Int(bytes[0])].append((bytes, keyword))
        }
        return table
    }()

    /// The keyword spelled by `bytes[range]`, or nil when that text is not a hard keyword.
    static func lookup(_ bytes: [UInt8], _ range: Range<Int>) -> PythonKeyword? {
        let length = range.count
        guard length >= 2, length <= 8, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        let first = Int(bytes[range.lowerBound])
        guard first < 128 else { return nil }
        for candidate in byFirstByte[first] where candidate.bytes.count == length {
            if candidate.bytes.elementsEqual(bytes[range]) { return candidate.keyword }
        }
        return nil
    }
}

/// One token of Python source: its kind and the bytes it covers in ``SourceText/bytes``.
///
/// Tokens are small values; get their text or position through the ``PythonTokenStream`` that
/// produced them.
public struct PythonToken: Hashable, Sendable {
    /// The token's category.
    public var kind: PythonTokenKind
    /// The bytes the token covers in the source's ``SourceText/bytes``.
    public var byteRange: Range<Int>
    /// The hard keyword this ``PythonTokenKind/name`` token spells, if any.
    public var keyword: PythonKeyword?

    /// Creates a token.
    public init(kind: PythonTokenKind, byteRange: Range<Int>, keyword: PythonKeyword? = nil) {
        self.kind = kind
        self.byteRange = byteRange
        self.keyword = keyword
    }

    /// True for a name that is a hard keyword (`def`, `if`, `None`…).
    public var isKeyword: Bool { keyword != nil }

    /// True for tokens that carry code: names, numbers, strings, operators and error tokens (not
    /// comments, line breaks, indentation or the end marker).
    public var isSignificant: Bool {
        switch kind {
        case .name, .number, .string, .op, .errorToken: return true
        case .comment, .newline, .nl, .indent, .dedent, .endMarker: return false
        }
    }
}
