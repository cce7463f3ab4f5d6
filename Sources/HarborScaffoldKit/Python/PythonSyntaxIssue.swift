/// A syntax error found while reading Python source. Issues are recorded, never thrown, and each
/// one is a real error: valid Python never produces one.
public struct PythonSyntaxIssue: Hashable, Sendable {
    /// What kind of error an issue is, so rules can select or word them without parsing messages.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A single-quoted string runs into the end of its line.
        case unterminatedString
        /// A triple-quoted string runs into the end of the file.
        case unterminatedTripleQuotedString
        /// An f-string with a lone `}`, a missing `}` or too deep nesting.
        case invalidFString
        /// A closing bracket without an opening one.
        case unmatchedBracket
        /// A closing bracket of another type than the innermost open one, as in `(]`.
        case mismatchedBracket
        /// The file ends inside a multi-line statement: an unclosed bracket or a trailing `\`.
        case eofInMultiLineStatement
        /// A `\` that is not the last character of its line.
        case badLineContinuation
        /// A dedent to a column that matches no enclosing indentation level.
        case inconsistentDedent
        /// An indented line that does not start a block.
        case unexpectedIndent
        /// Indentation whose meaning depends on the tab size.
        case inconsistentTabs
        /// Brackets or indentation nested beyond Python's limits.
        case tooDeeplyNested
        /// A character that cannot appear outside strings and comments (`$`, `?`, a backtick, a
        /// control character, a non-identifier Unicode character, a null byte).
        case invalidCharacter
        /// A malformed number such as `012`, `1_`, `0x` or `1abc`.
        case invalidNumber
        /// `def` or `class` without a valid name.
        case missingName
        /// A block header that does not end with `:`.
        case missingColon
        /// A block header followed by no indented block.
        case expectedIndentedBlock
        /// `return` or `yield` outside a function, `nonlocal` at module level.
        case outsideFunction
        /// `break` or `continue` outside a loop.
        case outsideLoop
        /// `else`, `elif`, `except` or `finally` without the statement it continues.
        case strayClause
        /// A `try` block followed by neither `except` nor `finally`.
        case missingExceptOrFinally
        /// Assignment to a literal, to `None`/`True`/`False` or to a function call.
        case invalidAssignmentTarget
        /// Other invalid syntax (a compound statement after `;`, a decorator before no `def`,
        /// Python 2 `print x`…).
        case invalidSyntax
    }

    /// The category of the error.
    public var kind: Kind
    /// A message in the spirit of CPython's, e.g. `unterminated string literal (detected at line 3)`.
    public var message: String
    /// Where the error is; `range.start` is where CPython would point.
    public var range: SourceRange
    /// The same place as byte offsets into ``SourceText/bytes``.
    public var byteRange: Range<Int>

    /// Creates an issue.
    public init(kind: Kind, message: String, range: SourceRange, byteRange: Range<Int>) {
        self.kind = kind
        self.message = message
        self.range = range
        self.byteRange = byteRange
    }

    /// Creates an issue at `byteRange` of a source of `count` bytes.
    init(_ kind: Kind, _ message: String, at byteRange: Range<Int>, count: Int, positions: PythonPositionIndex) {
        let clamped = PythonSyntaxIssue.clamp(byteRange, count: count)
        self.init(kind: kind, message: message, range: positions.range(ofBytes: clamped), byteRange: clamped)
    }

    private static func clamp(_ range: Range<Int>, count: Int) -> Range<Int> {
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        return lower..<upper
    }
}
