/// The tokens of one Python source file with the issues found while tokenizing it.
///
/// Token texts and positions are computed on demand from the source's bytes, so a stream is cheap
/// to build and tokens stay small.
public struct PythonTokenStream: Sendable {
    /// The source the tokens were read from.
    public let source: SourceText
    /// All tokens in order, ending with one ``PythonTokenKind/endMarker``.
    public let tokens: [PythonToken]
    /// Tokenizer errors in source order.
    public let issues: [PythonSyntaxIssue]
    /// Resolves byte offsets to line/column positions.
    let positions: PythonPositionIndex

    /// Creates a stream; used by ``PythonTokenizer``.
    init(source: SourceText, tokens: [PythonToken], issues: [PythonSyntaxIssue], positions: PythonPositionIndex) {
        self.source = source
        self.tokens = tokens
        self.issues = issues
        self.positions = positions
    }

    /// The source text of `token`.
    public func text(of token: PythonToken) -> String {
        String(decoding: bytes(of: token), as: UTF8.self)
    }

    /// The source bytes of `token` (empty for zero-width tokens).
    public func bytes(of token: PythonToken) -> ArraySlice<UInt8> {
        let count = source.bytes.count
        let lower = min(max(token.byteRange.lowerBound, 0), count)
        let upper = min(max(token.byteRange.upperBound, lower), count)
        return source.bytes[lower..<upper]
    }

    /// True when `token`'s text is exactly `text`, compared without allocating.
    public func token(_ token: PythonToken, is text: String) -> Bool {
        bytes(of: token).elementsEqual(text.utf8)
    }

    /// The line/column range of `token`.
    public func range(of token: PythonToken) -> SourceRange {
        positions.range(ofBytes: token.byteRange)
    }

    /// The tokens of kind `kind`, e.g. all comments.
    public func tokens(ofKind kind: PythonTokenKind) -> [PythonToken] {
        tokens.filter { $0.kind == kind }
    }
}
