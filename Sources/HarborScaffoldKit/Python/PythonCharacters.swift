/// Byte-level character classes and UTF-8 decoding shared by the tokenizer and the string reader.
enum PythonCharacters {
    static let newline: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let formFeed: UInt8 = 0x0C
    static let hash: UInt8 = 0x23
    static let backslash: UInt8 = 0x5C
    static let singleQuote: UInt8 = 0x27
    static let doubleQuote: UInt8 = 0x22
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let underscore: UInt8 = 0x5F
    static let dot: UInt8 = 0x2E

    /// The byte at `offset`, or 0 when `offset` is outside `0..<limit` (a safe look-ahead).
    @inline(__always)
    static func byte(_ bytes: [UInt8], _ offset: Int, limit: Int) -> UInt8 {
        offset >= 0 && offset < limit && offset < bytes.count ? bytes[offset] : 0
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    @inline(__always)
    static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }

    @inline(__always)
    static func isASCIIIdentifierStart(_ byte: UInt8) -> Bool { isASCIILetter(byte) || byte == underscore }

    @inline(__always)
    static func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool { isASCIIIdentifierStart(byte) || isDigit(byte) }

    @inline(__always)
    static func isQuote(_ byte: UInt8) -> Bool { byte == singleQuote || byte == doubleQuote }

    /// Decodes the UTF-8 scalar starting at `offset`. Invalid or truncated sequences give a nil
    /// scalar and a length of 1, so callers always make progress.
    static func scalar(_ bytes: [UInt8], at offset: Int, limit: Int) -> (scalar: Unicode.Scalar?, length: Int) {
        let end = min(limit, bytes.count)
        guard offset >= 0, offset < end else { return (nil, 1) }
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard offset + length <= end else { return (nil, 1) }
        for index in 1..<length {
            let continuation = bytes[offset + index]
            guard continuation & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }

    /// The length of the identifier-start character at `offset`, or nil when none starts there.
    static func identifierStartLength(_ bytes: [UInt8], at offset: Int, limit: Int) -> Int? {
        let first = byte(bytes, offset, limit: limit)
        if first < 0x80 { return isASCIIIdentifierStart(first) ? 1 : nil }
        let (scalar, length) = scalar(bytes, at: offset, limit: limit)
        guard let scalar, scalar.properties.isXIDStart else { return nil }
        return length
    }

    /// The end of the identifier whose characters continue from `offset` (ASCII letters, digits,
    /// `_` and Unicode XID_Continue characters).
    static func identifierEnd(_ bytes: [UInt8], from offset: Int, limit: Int) -> Int {
        let end = min(limit, bytes.count)
        var index = offset
        while index < end {
            let current = bytes[index]
            if current < 0x80 {
                guard isASCIIIdentifierContinue(current) else { break }
                index += 1
            } else {
                let (scalar, length) = scalar(bytes, at: index, limit: end)
                guard let scalar, scalar.properties.isXIDContinue else { break }
                index += length
            }
        }
        return index
    }
}

/// The meaning of a string literal's prefix letters (`r`, `b`, `f`, `u` in any case and order
/// allowed by Python 3.12).
struct PythonStringPrefix: Hashable, Sendable {
    var isRaw = false
    var isBytes = false
    var isFormatted = false

    /// No prefix: a plain `str` literal.
    init() {}

    /// The prefix spelled by `bytes[range]`, or nil when those letters are not a valid prefix.
    init?(_ bytes: [UInt8], _ range: Range<Int>) {
        guard range.count <= 2, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var sawUnicode = false
        for byte in bytes[range] {
            switch byte | 0x20 {
            case 0x72 where !isRaw: isRaw = true  // r
            case 0x62 where !isBytes: isBytes = true  // b
            case 0x66 where !isFormatted: isFormatted = true  // f
            case 0x75 where !sawUnicode: sawUnicode = true  // u
            default: return nil
            }
        }
        if sawUnicode && range.count > 1 { return nil }
        if isBytes && isFormatted { return nil }
    }
}
