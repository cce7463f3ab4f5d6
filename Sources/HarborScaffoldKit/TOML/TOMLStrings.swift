/// The four kinds of TOML strings.
extension TOMLReader {
    /// `"..."` with escapes, on one line. The reader is at the opening quote.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = offset
        offset += 1
        var buffer: [UInt8] = []
        var runStart = offset
        while true {
            guard let byte = peek() else {
                throw error("unterminated string", at: start)
            }
            switch byte {
            case TOMLBytes.quote:
                buffer.append(contentsOf: bytes[runStart..<offset])
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case TOMLBytes.backslash:
                buffer.append(contentsOf: bytes[runStart..<offset])
                try parseEscape(into: &buffer, unterminated: "unterminated string", stringStart: start)
                runStart = offset
            case TOMLBytes.newline:
                throw error("unterminated string", at: start)
            default:
                if TOMLBytes.isForbiddenControl(byte) {
                    throw controlCharacterInString(byte)
                }
                offset += 1
            }
        }
    }

    /// `'...'` without escapes, on one line. The reader is at the opening apostrophe.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = offset
        offset += 1
        let contentStart = offset
        while true {
            guard let byte = peek() else {
                throw error("unterminated string", at: start)
            }
            if byte == TOMLBytes.apostrophe {
                let value = text(contentStart..<offset)
                offset += 1
                return value
            }
            if byte == TOMLBytes.newline {
                throw error("unterminated string", at: start)
            }
            if TOMLBytes.isForbiddenControl(byte) {
                throw controlCharacterInString(byte)
            }
            offset += 1
        }
    }

    /// `"""..."""`: escapes, newlines, and line-ending backslashes that trim the following
    /// whitespace. The reader is at the first of the three opening quotes.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let start = offset
        offset += 3
        if peek() == TOMLBytes.newline { offset += 1 }
        var buffer: [UInt8] = []
        var runStart = offset
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string", at: start)
            }
            switch byte {
            case TOMLBytes.quote:
                if let closed = try closeMultiline(delimiter: TOMLBytes.quote, content: &buffer, runStart: runStart) {
                    return closed
                }
            case TOMLBytes.backslash:
                buffer.append(contentsOf: bytes[runStart..<offset])
                if try skipLineEndingBackslash() == false {
                    try parseEscape(into: &buffer, unterminated: "unterminated multi-line string", stringStart: start)
                }
                runStart = offset
            case TOMLBytes.newline:
                offset += 1
            default:
                if TOMLBytes.isForbiddenControl(byte) {
                    throw controlCharacterInString(byte)
                }
                offset += 1
            }
        }
    }

    /// `'''...'''`: raw text including newlines. The reader is at the first opening apostrophe.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let start = offset
        offset += 3
        if peek() == TOMLBytes.newline { offset += 1 }
        var buffer: [UInt8] = []
        let runStart = offset
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string", at: start)
            }
            if byte == TOMLBytes.apostrophe {
                if let closed = try closeMultiline(delimiter: TOMLBytes.apostrophe, content: &buffer, runStart: runStart) {
                    return closed
                }
            } else if byte == TOMLBytes.newline {
                offset += 1
            } else if TOMLBytes.isForbiddenControl(byte) {
                throw controlCharacterInString(byte)
            } else {
                offset += 1
            }
        }
    }

    /// At a run of delimiters inside a multi-line string: one or two are content; three to five
    /// close the string, the extra one or two being content; six or more are an error.
    /// Returns the finished string when it closes; otherwise consumes the run and returns nil.
    private mutating func closeMultiline(delimiter: UInt8, content buffer: inout [UInt8], runStart: Int) throws(TOMLError) -> String? {
        var run = 0
        while peek(run) == delimiter { run += 1 }
        if run < 3 {
            offset += run
            return nil
        }
        if run > 5 {
            throw error("too many quotes in a row: a multi-line string may end with at most two quotes before its closing delimiter",
                        at: offset)
        }
        let contentEnd = offset + run - 3
        buffer.append(contentsOf: bytes[runStart..<contentEnd])
        offset += run
        return String(decoding: buffer, as: UTF8.self)
    }

    /// At a backslash in a multi-line basic string: when only whitespace follows on the line,
    /// skips the backslash, the newline and all whitespace and newlines after it, and returns
    /// true. Otherwise leaves the reader at the backslash and returns false.
    private mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
        var ahead = 1
        while let byte = peek(ahead), TOMLBytes.isWhitespace(byte) { ahead += 1 }
        guard peek(ahead) == TOMLBytes.newline else {
            if ahead > 1 {
                throw error("invalid escape sequence: a line-ending backslash must be followed only by whitespace and a newline",
                            at: offset)
            }
            return false
        }
        offset += ahead
        while let byte = peek(), TOMLBytes.isWhitespace(byte) || byte == TOMLBytes.newline { offset += 1 }
        return true
    }

    /// An escape sequence at a backslash; appends the UTF-8 of the escaped character. At the end
    /// of the input, reports `unterminated` at `stringStart`.
    private mutating func parseEscape(into buffer: inout [UInt8], unterminated: String, stringStart: Int) throws(TOMLError) {
        let start = offset
        guard let code = peek(1) else {
            throw error(unterminated, at: stringStart)
        }
        offset += 2
        switch code {
        case 0x62: buffer.append(0x08)                 // \b
        case 0x74: buffer.append(TOMLBytes.tab)        // \t
        case 0x6E: buffer.append(TOMLBytes.newline)    // \n
        case 0x66: buffer.append(0x0C)                 // \f
        case 0x72: buffer.append(0x0D)                 // \r
        case TOMLBytes.quote: buffer.append(TOMLBytes.quote)
        case TOMLBytes.backslash: buffer.append(TOMLBytes.backslash)
        case 0x75: try parseUnicodeEscape(digits: 4, start: start, into: &buffer)  // \u
        case 0x55: try parseUnicodeEscape(digits: 8, start: start, into: &buffer)  // \U
        default:
            offset = start
            let shown: String
            if code == TOMLBytes.newline {
                shown = "(a backslash at the end of a line is only allowed in multi-line strings)"
            } else if code > 0x20, code < 0x7F {
                shown = "'\\" + String(UnicodeScalar(code)) + "'"
            } else {
                shown = "'\\' followed by " + describe(at: start + 1)
            }
            throw error("invalid escape sequence \(shown)", at: start)
        }
    }

    private mutating func parseUnicodeEscape(digits: Int, start: Int, into buffer: inout [UInt8]) throws(TOMLError) {
        var value: UInt32 = 0
        for position in 0..<digits {
            guard let byte = peek(position), let digit = CodePoint.hexValue(byte) else {
                throw error("invalid escape sequence '\(text(start..<min(offset + position, bytes.count)))': \\\(digits == 4 ? "u" : "U") needs \(digits) hexadecimal digits",
                            at: start)
            }
            value = value << 4 | digit
        }
        offset += digits
        guard let scalar = Unicode.Scalar(value) else {
            throw error("invalid escape sequence '\(text(start..<offset))': \(CodePoint.label(value)) is not a Unicode scalar value",
                        at: start)
        }
        UTF8.encode(scalar) { buffer.append($0) }
    }

    private mutating func controlCharacterInString(_ byte: UInt8) -> TOMLError {
        error("control character \(CodePoint.label(UInt32(byte))) must be escaped in strings", at: offset)
    }
}
