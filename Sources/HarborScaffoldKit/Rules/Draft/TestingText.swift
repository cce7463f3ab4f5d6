/// Shared helpers of the Testing rules (D3xx): the field, negation, and quoting matched words.
enum TestingText {
    /// The draft's Testing field, when it has any words.
    static func field(of draft: DraftSpec) -> DraftField? {
        guard let field = draft.field(.testing), field.tokens.count > 0 else { return nil }
        return field
    }

    /// Words that turn a following phrase around: "not", "never", "rather than", "instead of".
    static let negations = PhraseSet([
        "not", "no", "never", "without", "rather than", "instead of", "regardless of", "nor", "don t", "doesn t",
        "isn t", "aren t", "won t", "avoid", "avoids", "avoiding", "independent of", "irrespective of",
    ])

    /// True when a negation occurs in the `window` tokens before `index`, within its sentence.
    static func isNegated(_ tokens: TokenizedText, at index: Int, window: Int = 6) -> Bool {
        tokens.hasPhrase(negations, before: index, window: window, within: tokens.sentence(containing: index))
    }

    /// The words of `tokens` as written, whitespace collapsed and shortened for a message.
    static func quote(_ tokens: Range<Int>, of field: DraftField, in draft: DraftSpec) -> String {
        let bytes = field.tokens.byteRange(of: tokens)
        var text: [UInt8] = []
        var pendingSpace = false
        for byte in draft.source.bytes[bytes] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                pendingSpace = true
                continue
            }
            if pendingSpace { text.append(0x20) }
            pendingSpace = false
            text.append(byte)
        }
        return Excerpt.short(String(decoding: text, as: UTF8.self), limit: 60)
    }

    /// The source range of `tokens` of `field`.
    static func range(_ tokens: Range<Int>, of field: DraftField, in draft: DraftSpec) -> SourceRange {
        draft.range(field.tokens.byteRange(of: tokens))
    }
}
