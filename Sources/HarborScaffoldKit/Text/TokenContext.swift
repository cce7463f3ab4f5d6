/// Helpers for judging a token by its neighbours: the punctuation between tokens, word counts,
/// phrases just before or after a token, numbers and code spans. All work on token indices and
/// source bytes without building strings.
extension TokenizedText {
    /// The bytes between token `index - 1` and token `index` (empty before the first token).
    func gap(before index: Int) -> Range<Int> {
        guard index > 0, index < count else {
            let start = index < count ? ranges[index].lowerBound : (ranges.last?.upperBound ?? 0)
            return start..<start
        }
        return ranges[index - 1].upperBound..<ranges[index].lowerBound
    }

    /// True when the bytes between token `index - 1` and token `index` contain `byte`.
    func gap(before index: Int, contains byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes[gap(before: index)].contains(byte)
    }

    /// Number of whitespace-separated words the tokens `range` make up (`X-Total-Count` is one).
    func wordCount(_ range: Range<Int>, in bytes: [UInt8]) -> Int {
        guard !range.isEmpty else { return 0 }
        var words = 1
        for index in (range.lowerBound + 1)..<range.upperBound
        where bytes[gap(before: index)].contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            words += 1
        }
        return words
    }

    /// True when a phrase of `set` lies wholly within the `window` tokens before `index`, inside `bounds`.
    func hasPhrase(_ set: PhraseSet, before index: Int, window: Int, within bounds: Range<Int>) -> Bool {
        let low = max(bounds.lowerBound, index - window)
        guard low < index else { return false }
        return set.occurs(in: self, tokens: low..<index)
    }

    /// True when a phrase of `set` starts within the `window` tokens from `index` on, inside `bounds`.
    func hasPhrase(_ set: PhraseSet, from index: Int, window: Int, within bounds: Range<Int>) -> Bool {
        let high = min(bounds.upperBound, index + window)
        guard index < high else { return false }
        for start in index..<high {
            if let hit = set.match(in: self, at: start), hit.tokens.upperBound <= bounds.upperBound { return true }
        }
        return false
    }

    /// True when a phrase of `set` starts at token `index` (false for indices outside the text).
    func startsPhrase(_ set: PhraseSet, at index: Int) -> Bool {
        index >= 0 && index < count && set.match(in: self, at: index) != nil
    }

    /// The leading decimal digits of token `index` as a number, with the unit letters that follow
    /// them in the same token (`50ms` → 50, "ms"); `nil` unless the token starts with a digit.
    func leadingNumber(_ index: Int, in bytes: [UInt8]) -> (value: Int, suffix: Range<Int>)? {
        guard index >= 0, index < count, isNumeric[index] else { return nil }
        var value = 0
        var cursor = ranges[index].lowerBound
        let end = ranges[index].upperBound
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            if value < 100_000_000 { value = value * 10 + Int(bytes[cursor] - 0x30) }
            cursor += 1
        }
        return (value, cursor..<end)
    }

    /// True when token `index` is exactly three digits.
    func isThreeDigits(_ index: Int, in bytes: [UInt8]) -> Bool {
        guard let number = leadingNumber(index, in: bytes) else { return false }
        return number.suffix.isEmpty && ranges[index].count == 3
    }

    /// The hash the tokenizer gives a token made of `bytes` (FNV-1a over the lowercase bytes).
    static func hash<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(lower(byte))) &* 0x100_0000_01b3 }
        return hash
    }

    /// True when the byte at `position` sits inside a Markdown code span (an odd number of
    /// backticks between the start of its line and it).
    static func isInCodeSpan(_ bytes: [UInt8], at position: Int) -> Bool {
        var ticks = 0
        var cursor = min(position, bytes.count) - 1
        while cursor >= 0, bytes[cursor] != 0x0A {
            if bytes[cursor] == UInt8(ascii: "`") { ticks += 1 }
            cursor -= 1
        }
        return ticks % 2 == 1
    }

    /// True when the tokens `range` look like part of an identifier, path or quoted name rather than
    /// prose: inside a code span, or joined to `.`, `/`, `=`, `-`, `(`, a quote or a backtick.
    func isIdentifierLike(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let start = ranges[range.lowerBound].lowerBound
        let end = ranges[range.upperBound - 1].upperBound
        if TokenizedText.isInCodeSpan(bytes, at: start) { return true }
        if start > 0 {
            switch bytes[start - 1] {
            case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "\""),
                UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: "@"):
                return true
            default: break
            }
        }
        if end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "`"):
                return true
            case UInt8(ascii: "'"):
                // A closing quote, not the apostrophe of "solution's".
                return end + 1 >= bytes.count || !TokenizedText.isWordByte(bytes[end + 1])
            case UInt8(ascii: "."):
                return end + 1 < bytes.count && TokenizedText.isWordByte(bytes[end + 1])
            default: break
            }
        }
        return false
    }
}
