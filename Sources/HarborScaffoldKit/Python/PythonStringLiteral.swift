/// Reads the value of a Python string or bytes literal from its source text.
public enum PythonStringLiteral {
    /// The value of the literal `tokenText` (prefix and quotes included), or nil when the text is
    /// not one well-formed literal.
    ///
    /// - Raw literals keep backslashes; other literals resolve `\\`, `\'`, `\"`, `\a` `\b` `\f`
    ///   `\n` `\r` `\t` `\v`, octal `\ooo`, `\xhh`, `\uXXXX`, `\UXXXXXXXX` and backslash-newline.
    ///   Unknown escapes stay as written, like Python; `\N{…}` is kept as written.
    /// - Bytes literals map each byte to the Unicode scalar of the same value (Latin-1), so
    ///   `b"\xff"` reads as `"ÿ"`; a non-ASCII character in a bytes literal gives nil.
    /// - f-strings: literal parts are unescaped and `{{`/`}}` become `{`/`}`; replacement fields
    ///   are kept verbatim, so `f"http://{host}:8000"` reads as `http://{host}:8000`.
    /// - Malformed escapes that Python rejects (`\x4`, `\u12`, `\U00110000`) give nil.
    public static func decode(_ tokenText: String) -> String? {
        let bytes = Array(tokenText.utf8)
        return decode(bytes, 0..<bytes.count)
    }

    /// The value of the literal in `bytes[range]`; see ``decode(_:)``.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var quoteOffset = range.lowerBound
        while quoteOffset < range.upperBound, quoteOffset - range.lowerBound < 3,
              !PythonCharacters.isQuote(bytes[quoteOffset]) {
            quoteOffset += 1
        }
        guard quoteOffset < range.upperBound, PythonCharacters.isQuote(bytes[quoteOffset]),
              let prefix = PythonStringPrefix(bytes, range.lowerBound..<quoteOffset) else { return nil }
        var scanner = PythonStringScanner(bytes: bytes, limit: range.upperBound, collectsFields: prefix.isFormatted)
        let scan = scanner.scan(quoteAt: quoteOffset, prefix: prefix)
        guard scan.terminated, scan.end == range.upperBound, scanner.problem == nil else { return nil }
        let quote = bytes[quoteOffset]
        let triple = range.upperBound - quoteOffset >= 6
            && PythonCharacters.byte(bytes, quoteOffset + 1, limit: range.upperBound) == quote
            && PythonCharacters.byte(bytes, quoteOffset + 2, limit: range.upperBound) == quote
        let quoteLength = triple ? 3 : 1
        let bodyStart = quoteOffset + quoteLength
        let bodyEnd = range.upperBound - quoteLength
        guard bodyStart <= bodyEnd else { return nil }
        let body = bodyStart..<bodyEnd

        var output = PythonStringLiteralBuilder(isBytes: prefix.isBytes)
        var cursor = body.lowerBound
        for field in scanner.fields where field.specLevel == 0 {
            guard field.whole.lowerBound >= cursor, field.whole.upperBound <= body.upperBound else { return nil }
            guard output.appendLiteral(bytes, cursor..<field.whole.lowerBound, prefix: prefix) else { return nil }
            output.appendVerbatim(bytes, field.whole)
            cursor = field.whole.upperBound
        }
        guard output.appendLiteral(bytes, cursor..<body.upperBound, prefix: prefix) else { return nil }
        return output.result
    }
}

/// Accumulates a literal's value as UTF-8 (for `str`) or as raw bytes (for `bytes`).
private struct PythonStringLiteralBuilder {
    let isBytes: Bool
    var storage: [UInt8] = []

    init(isBytes: Bool) { self.isBytes = isBytes }

    var result: String {
        if isBytes { return String(String.UnicodeScalarView(storage.map { Unicode.Scalar($0) })) }
        return String(decoding: storage, as: UTF8.self)
    }

    mutating func appendVerbatim(_ bytes: [UInt8], _ range: Range<Int>) {
        storage.append(contentsOf: bytes[range])
    }

    mutating func appendScalar(_ value: UInt32) {
        if isBytes {
            storage.append(UInt8(truncatingIfNeeded: value))
        } else {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            storage.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
    }

    /// Appends literal text with escapes resolved; false for an escape Python rejects.
    mutating func appendLiteral(_ bytes: [UInt8], _ range: Range<Int>, prefix: PythonStringPrefix) -> Bool {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let current = bytes[index]
            if isBytes && current >= 0x80 { return false }
            if prefix.isFormatted && (current == PythonCharacters.openBrace || current == PythonCharacters.closeBrace)
                && index + 1 < end && bytes[index + 1] == current {
                storage.append(current)
                index += 2
                continue
            }
            guard current == PythonCharacters.backslash, !prefix.isRaw, index + 1 < end else {
                if prefix.isRaw && current == PythonCharacters.backslash && index + 1 < end {
                    storage.append(contentsOf: bytes[index...index + 1])
                    index += 2
                } else {
                    storage.append(current)
                    index += 1
                }
                continue
            }
            guard let consumed = appendEscape(bytes, at: index + 1, end: end) else { return false }
            index += 1 + consumed
        }
        return true
    }

    /// The byte that a one-letter escape such as `\n` stands for.
    private static func simpleEscape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case 0x5C, 0x27, 0x22: return letter  // \\ \' \"
        case 0x61: return 0x07  // a
        case 0x62: return 0x08  // b
        case 0x66: return 0x0C  // f
        case 0x6E: return 0x0A  // n
        case 0x72: return 0x0D  // r
        case 0x74: return 0x09  // t
        case 0x76: return 0x0B  // v
        default: return nil
        }
    }

    /// Resolves the escape whose letter is at `offset`; returns how many bytes it used, or nil.
    private mutating func appendEscape(_ bytes: [UInt8], at offset: Int, end: Int) -> Int? {
        let letter = bytes[offset]
        if letter == PythonCharacters.newline { return 1 }
        if let value = PythonStringLiteralBuilder.simpleEscape(letter) {
            storage.append(value)
            return 1
        }
        if PythonCharacters.isOctalDigit(letter) {
            var value: UInt32 = 0
            var length = 0
            while length < 3, offset + length < end, PythonCharacters.isOctalDigit(bytes[offset + length]) {
                value = value * 8 + UInt32(bytes[offset + length] - 0x30)
                length += 1
            }
            appendScalar(value)
            return length
        }
        let hexLength: Int
        switch letter {
        case 0x78: hexLength = 2  // x
        case 0x75 where !isBytes: hexLength = 4  // u
        case 0x55 where !isBytes: hexLength = 8  // U
        case 0x4E where !isBytes:  // N{name}: kept as written
            guard offset + 1 < end, bytes[offset + 1] == PythonCharacters.openBrace,
                  let close = bytes[(offset + 1)..<end].firstIndex(of: PythonCharacters.closeBrace) else { return nil }
            storage.append(PythonCharacters.backslash)
            storage.append(contentsOf: bytes[offset...close])
            return close - offset + 1
        default:
            storage.append(PythonCharacters.backslash)
            storage.append(letter)
            return 1
        }
        guard offset + hexLength < end else { return nil }
        var value: UInt32 = 0
        for digit in bytes[(offset + 1)...(offset + hexLength)] {
            guard PythonCharacters.isHexDigit(digit) else { return nil }
            let nibble = digit <= 0x39 ? digit - 0x30 : (digit | 0x20) - 0x61 + 10
            value = value << 4 | UInt32(nibble)
        }
        if value > 0x10FFFF { return nil }
        appendScalar(value)
        return 1 + hexLength
    }
}
