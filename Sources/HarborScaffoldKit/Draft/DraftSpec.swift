/// A parsed `draft_spec.md`: its fields in document order and the text they came from.
public struct DraftSpec: Sendable {
    /// The normalised file text.
    public let source: SourceText
    /// Every labelled field, known or not, in document order.
    public let fields: [DraftField]
    /// Byte ranges of fenced code blocks (``` or ~~~), opening to closing fence.
    public let codeFences: [Range<Int>]

    /// The path the draft was read from.
    public var path: String { source.path }

    /// The first field of `kind`, if present.
    public func field(_ kind: DraftFieldKind) -> DraftField? {
        fields.first { $0.kind == kind }
    }

    /// The trimmed value of the first field of `kind`, or `""`.
    public func value(_ kind: DraftFieldKind) -> String {
        field(kind)?.value ?? ""
    }

    /// Parses draft text.
    public init(source: SourceText) {
        let parsed = DraftParser(source: source).parse()
        self.source = source
        self.fields = parsed.fields
        self.codeFences = parsed.fences
    }

    /// The source range of a byte range in this draft.
    public func range(_ bytes: Range<Int>) -> SourceRange { source.range(ofBytes: bytes) }
}
