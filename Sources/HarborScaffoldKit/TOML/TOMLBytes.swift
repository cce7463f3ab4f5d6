/// Byte classes of the TOML grammar, on UTF-8 code units.
enum TOMLBytes {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22         // "
    static let hash: UInt8 = 0x23          // #
    static let apostrophe: UInt8 = 0x27    // '
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let openBracket: UInt8 = 0x5B   // [
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D  // ]
    static let underscore: UInt8 = 0x5F
    static let openBrace: UInt8 = 0x7B     // {
    static let closeBrace: UInt8 = 0x7D    // }
    static let delete: UInt8 = 0x7F

    /// Space or tab (TOML `wschar`).
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `A-Z a-z 0-9 _ -`.
    @inline(__always) static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore || byte == minus
    }

    /// Bytes that can make up an unquoted value: numbers, booleans, inf/nan and date-times
    /// (`A-Z a-z 0-9 _ + - . :`).
    @inline(__always) static func isScalarTokenByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == plus || byte == dot || byte == colon
    }

    /// Control characters that may not appear raw in comments or strings: everything below
    /// U+0020 except tab, and DEL. (Newline is handled separately by callers.)
    @inline(__always) static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == delete
    }
}
