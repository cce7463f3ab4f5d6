/// Splits Dockerfile arguments into blank-separated words the way BuildKit's word lexer does:
/// `"…"` and `'…'` group blanks, the escape character escapes the next character (inside double
/// quotes only `"`, `$` and itself), and quotes are removed from the values.
enum DockerWordSplitter {
    struct Word {
        /// The word with quotes and escapes removed.
        var value: [UInt8]
        /// Indices of the word in the split bytes.
        var range: Range<Int>
        /// True when a quote was still open at the end of the input.
        var hasUnterminatedQuote: Bool
    }

    /// Splits `bytes[from..<to]`.
    static func split(_ bytes: [UInt8], from: Int, to: Int, escape: UInt8) -> [Word] {
        var words: [Word] = []
        let end = min(to, bytes.count)
        var index = max(0, from)
        while index < end {
            while index < end, ShellByte.isWhitespace(bytes[index]) { index += 1 }
            guard index < end else { break }
            let start = index
            var value: [UInt8] = []
            var unterminated = false
            index = scanWord(bytes, from: index, end: end, escape: escape, into: &value, unterminated: &unterminated)
            words.append(Word(value: value, range: start..<index, hasUnterminatedQuote: unterminated))
        }
        return words
    }

    /// Removes quotes and escapes from `bytes[from..<to]`, keeping blanks between words as written.
    static func unquote(_ bytes: [UInt8], from: Int, to: Int, escape: UInt8) -> [UInt8] {
        var result: [UInt8] = []
        let end = min(to, bytes.count)
        var index = max(0, from)
        var unterminated = false
        while index < end {
            if ShellByte.isWhitespace(bytes[index]) {
                result.append(bytes[index])
                index += 1
                continue
            }
            index = scanWord(bytes, from: index, end: end, escape: escape, into: &result, unterminated: &unterminated)
        }
        return result
    }

    /// Scans one word starting at `from`, appending its unquoted value; returns the index after it.
    private static func scanWord(
        _ bytes: [UInt8], from: Int, end: Int, escape: UInt8, into value: inout [UInt8], unterminated: inout Bool
    ) -> Int {
        var index = from
        while index < end {
            let byte = bytes[index]
            if ShellByte.isWhitespace(byte) { break }
            if byte == escape {
                if index + 1 < end {
                    value.append(bytes[index + 1])
                    index += 2
                } else {
                    value.append(byte)
                    index += 1
                }
                continue
            }
            if byte == ShellByte.singleQuote {
                index += 1
                while index < end, bytes[index] != ShellByte.singleQuote {
                    value.append(bytes[index])
                    index += 1
                }
                if index < end { index += 1 } else { unterminated = true }
                continue
            }
            if byte == ShellByte.doubleQuote {
                index += 1
                while index < end, bytes[index] != ShellByte.doubleQuote {
                    if bytes[index] == escape, index + 1 < end {
                        let next = bytes[index + 1]
                        if next == ShellByte.doubleQuote || next == ShellByte.dollar || next == escape {
                            value.append(next)
                            index += 2
                            continue
                        }
                    }
                    value.append(bytes[index])
                    index += 1
                }
                if index < end { index += 1 } else { unterminated = true }
                continue
            }
            value.append(byte)
            index += 1
        }
        return index
    }
}
