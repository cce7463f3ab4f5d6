/// One token of a YAML stream, as produced by ``YAMLScanner``: the indicators and scalars of the
/// text, plus the zero-width block-structure tokens the scanner derives from indentation.
struct YAMLToken {
    enum Kind: Equatable {
        case streamStart, streamEnd
        /// A `%YAML` or `%TAG` line (skipped, but only allowed before `---`).
        case directive
        /// `---` and `...` at the start of a line.
        case documentStart, documentEnd
        /// Zero-width: a block sequence or mapping begins (indentation grew).
        case blockSequenceStart, blockMappingStart
        /// Zero-width: a block collection ends (indentation shrank).
        case blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        /// `- ` in a block sequence.
        case blockEntry
        /// `,` in a flow collection.
        case flowEntry
        /// Zero-width: the next node is a mapping key (inserted where a `:` proved it one).
        case key
        /// `:` between a key and its value.
        case value
        /// `*name`, `&name` and `!tag`; ``YAMLToken/text`` holds the name or the tag as written.
        case alias, anchor, tag
        /// A scalar; ``YAMLToken/text`` holds its value and ``YAMLToken/style`` how it is written.
        case scalar
    }

    var kind: Kind
    /// Byte offset of the first byte of the token.
    var start: Int
    /// Byte offset just after the token.
    var end: Int
    /// The scalar value, the anchor or alias name, or the tag; empty for other tokens.
    var text = ""
    /// How a scalar token is written.
    var style = YAMLScalar.Style.plain

    /// The token for messages: `'-'`, `a mapping key`, `the scalar 'web'`, `the end of the file`.
    var description: String {
        switch kind {
        case .streamStart: return "the start of the file"
        case .streamEnd: return "the end of the file"
        case .directive: return "a directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart, .blockEntry: return "'-'"
        case .blockMappingStart, .key: return "a mapping key"
        case .blockEnd: return "the end of an indented block"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .flowEntry: return "','"
        case .value: return "':'"
        case .alias: return "the alias '*\(text)'"
        case .anchor: return "the anchor '&\(text)'"
        case .tag: return "the tag '\(text)'"
        case .scalar:
            let shown = text.count > 24 ? String(text.prefix(21)) + "..." : text
            return "the scalar '\(shown)'"
        }
    }
}
