/// Single-quoted (`'it''s'`) and double-quoted (`"a\tb"`) scalars, possibly over several lines.
extension YAMLScanner {
    mutating func fetchQuotedScalar() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = offset
        let delimiter = bytes[offset]
        let isDouble = delimiter == YAMLBytes.quote
        offset += 1
        var text: [UInt8] = []
        var folding = YAMLLineFolding()
        while true {
            guard offset < bytes.count else { throw unterminatedQuote(isDouble: isDouble, at: start) }
            switch bytes[offset] {
            case YAMLBytes.space, YAMLBytes.tab:
                folding.addBlank(at: offset)
                offset += 1
            case YAMLBytes.newline:
                folding.addLineBreak()
                skipLineBreak()
                if isDocumentMarker(at: offset) {
                    throw error("a document marker cannot appear inside a quoted scalar; is a closing quote missing?",
                                at: offset)
                }
            case delimiter:
                folding.flush(into: &text, from: bytes)
                if !isDouble, offset + 1 < bytes.count, bytes[offset + 1] == YAMLBytes.apostrophe {
                    text.append(YAMLBytes.apostrophe)
                    offset += 2
                    continue
                }
                offset += 1
                append(.scalar, from: start, text: String(decoding: text, as: UTF8.self),
                       style: isDouble ? .doubleQuoted : .singleQuoted)
                return
            case YAMLBytes.backslash where isDouble:
                folding.flush(into: &text, from: bytes)
                guard offset + 1 < bytes.count else { throw unterminatedQuote(isDouble: true, at: start) }
                if bytes[offset + 1] == YAMLBytes.newline {
                    offset += 1
                    skipLineBreak()
                    folding.escapeLineBreak()
                } else {
                    try decodeEscape(into: &text)
                }
            default:
                folding.flush(into: &text, from: bytes)
                let runStart = offset
                while offset < bytes.count, !endsQuotedRun(bytes[offset], delimiter: delimiter) { offset += 1 }
                text.append(contentsOf: bytes[runStart..<offset])
            }
        }
    }

    private func endsQuotedRun(_ byte: UInt8, delimiter: UInt8) -> Bool {
        YAMLBytes.isBlankOrBreak(byte) || byte == delimiter || (delimiter == YAMLBytes.quote && byte == YAMLBytes.backslash)
    }

    private mutating func unterminatedQuote(isDouble: Bool, at start: Int) -> YAMLError {
        error(isDouble ? "unterminated double-quoted scalar (missing closing '\"')"
                       : "unterminated single-quoted scalar (missing closing \"'\")", at: start)
    }

    /// Decodes the escape sequence at ``offset`` (a backslash followed by at least one byte).
    private mutating func decodeEscape(into text: inout [UInt8]) throws(YAMLError) {
        let backslash = offset
        let code = bytes[offset + 1]
        offset += 2
        let value: UInt32
        switch code {
        case UInt8(ascii: "0"): value = 0x00
        case UInt8(ascii: "a"): value = 0x07
        case UInt8(ascii: "b"): value = 0x08
        case UInt8(ascii: "t"), YAMLBytes.tab: value = 0x09
        case UInt8(ascii: "n"): value = 0x0A
        case UInt8(ascii: "v"): value = 0x0B
        case UInt8(ascii: "f"): value = 0x0C
        case UInt8(ascii: "r"): value = 0x0D
        case UInt8(ascii: "e"): value = 0x1B
        case YAMLBytes.space, YAMLBytes.quote, UInt8(ascii: "/"), YAMLBytes.backslash: value = UInt32(code)
        case UInt8(ascii: "N"): value = 0x85
        case UInt8(ascii: "_"): value = 0xA0
        case UInt8(ascii: "L"): value = 0x2028
        case UInt8(ascii: "P"): value = 0x2029
        case UInt8(ascii: "x"): value = try hexEscape(digits: 2, backslash: backslash)
        case UInt8(ascii: "u"): value = try hexEscape(digits: 4, backslash: backslash)
        case UInt8(ascii: "U"): value = try hexEscape(digits: 8, backslash: backslash)
        default:
            let shown = String(decoding: bytes[(backslash + 1)..<min(backslash + 5, bytes.count)], as: UTF8.self)
                .unicodeScalars.first.map { String(Character($0)) } ?? "?"
            throw error("invalid escape '\\\(shown)' in a double-quoted scalar", at: backslash)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape '\(String(decoding: bytes[backslash..<offset], as: UTF8.self))' is not a valid Unicode "
                        + "character (\(CodePoint.label(value)))", at: backslash)
        }
        UTF8.encode(scalar) { text.append($0) }
    }

    /// The value of `digits` hexadecimal digits at ``offset`` (consumed).
    private mutating func hexEscape(digits: Int, backslash: Int) throws(YAMLError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard offset < bytes.count, let digit = CodePoint.hexValue(bytes[offset]) else {
                let letter = Character(Unicode.Scalar(bytes[backslash + 1]))
                throw error("'\\\(letter)' must be followed by \(digits) hexadecimal digits", at: backslash)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}
