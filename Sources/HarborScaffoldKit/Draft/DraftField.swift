/// How a field's label was written.
public enum DraftFieldStyle: String, Sendable {
    /// `Field: value`
    case plain
    /// `**Field**: value`, `**Field:** value` or `__Field__: value`
    case bold
    /// `- Field: value`
    case bullet
    /// `## Field` with the value on the lines below
    case heading
}

/// One labelled field of a draft with the exact place of its label and value.
public struct DraftField: Sendable {
    /// The recognised field, or `nil` for a label that is not one of the nine.
    public let kind: DraftFieldKind?
    /// True when the label is not written as the field's name but close enough to be a typo of it.
    public let isMisspelt: Bool
    /// The label as written (without markup).
    public let label: String
    /// Where the label is.
    public let labelRange: SourceRange
    /// How the label was written.
    public let style: DraftFieldStyle
    /// Byte ranges of the value's lines (content only, leading and trailing blank lines dropped).
    public let valueLines: [Range<Int>]
    /// The value, trimmed, lines joined with `\n`.
    public let value: String
    /// Word tokens of the value, for fast phrase matching.
    public let tokens: TokenizedText

    /// The byte range from the value's first to last character, or `nil` for an empty value.
    public var valueSpan: Range<Int>? {
        guard let first = valueLines.first, let last = valueLines.last else { return nil }
        return first.lowerBound..<last.upperBound
    }

    /// True when the value holds nothing but whitespace.
    public var isEmpty: Bool { value.isEmpty }
}
