/// A strict JSON reader (RFC 8259) that keeps the position of every value and key.
///
/// It accepts exactly what Python's `json.loads` accepts, except `NaN`, `Infinity` and
/// `-Infinity`, which are not JSON; it never crashes and never recurses deeper than
/// ``maximumDepth``. Errors name the first problem with a message that says what to change
/// (`trailing comma before '}'`, `strings must use double quotes`).
public enum JSONReader {
    /// The deepest nesting of arrays and objects that is read.
    public static let maximumDepth = 256

    /// Parses `bytes` (UTF-8) as one JSON value surrounded by optional whitespace.
    public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONSyntaxError> {
        var parser = JSONParser(bytes: bytes)
        do throws(JSONSyntaxError) {
            parser.skipWhitespace()
            guard parser.index < bytes.count else {
                throw JSONSyntaxError(message: "the file is empty; expected a JSON value", byteOffset: 0)
            }
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            if parser.index < bytes.count {
                throw JSONSyntaxError(
                    message: "unexpected \(parser.describe(parser.index)) after the JSON value", byteOffset: parser.index)
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

/// The state of one parse: the input and the read position.
private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The byte at `offset` for a message: `'x'`, `'}'`, `the end of the file`.
    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of the file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x20 || byte == 0x7F { return "control character U+\(Self.hex(UInt32(byte)))" }
        var end = offset + 1
        while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[offset..<end], as: UTF8.self))'"
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: message, byteOffset: min(max(offset, 0), bytes.count))
    }

    // MARK: Values

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of the file; expected a value", at: index) }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case Self.quote:
            let text = try string()
            return JSONValue(kind: .string(text), byteRange: start..<index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "'"): throw error("strings must use double quotes", at: index)
        case UInt8(ascii: "+"): throw error("numbers cannot start with '+'", at: index)
        case UInt8(ascii: "."): throw error("numbers need a digit before '.'", at: index)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            if starts(with: "NaN") || starts(with: "Infinity") { throw error("NaN and Infinity are not JSON numbers", at: index) }
            throw error("unexpected \(describe(index)); expected a value", at: index)
        case UInt8(ascii: "/"): throw error("comments are not allowed in JSON", at: index)
        default: throw error("unexpected \(describe(index)); expected a value", at: index)
        }
    }

    private func starts(with word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return word.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONValue.Kind) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        guard starts(with: word) else {
            throw error("unexpected \(describe(index)); expected a value (true, false and null are lowercase)", at: index)
        }
        index += word.utf8CodeUnitCount
        if index < bytes.count, Self.isWordByte(bytes[index]) {
            throw error("unexpected \(describe(index)) after '\(word)'", at: index)
        }
        return JSONValue(kind: kind, byteRange: start..<index)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        guard depth < JSONReader.maximumDepth else {
            throw error("objects and arrays are nested more than \(JSONReader.maximumDepth) deep", at: index)
        }
        index += 1
        var members: [JSONMember] = []
        var comma = index
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONValue(kind: .object(members), byteRange: start..<index)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of the file; the object is not closed", at: start) }
            guard bytes[index] == Self.quote else {
                if bytes[index] == UInt8(ascii: "}"), !members.isEmpty { throw error("trailing comma before '}'", at: comma) }
                if bytes[index] == UInt8(ascii: "'") { throw error("keys must use double quotes", at: index) }
                throw error("unexpected \(describe(index)); expected a key in double quotes", at: index)
            }
            let keyStart = index
            let key = try string()
            let keyRange = keyStart..<index
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"", at: index)
            }
            index += 1
            skipWhitespace()
            let value = try value(depth: depth + 1)
            members.append(JSONMember(key: key, keyRange: keyRange, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of the file; the object is not closed", at: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                comma = index
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONValue(kind: .object(members), byteRange: start..<index)
            case Self.quote:
                throw error("expected ',' between object members", at: index)
            default:
                throw error("unexpected \(describe(index)); expected ',' or '}'", at: index)
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        guard depth < JSONReader.maximumDepth else {
            throw error("objects and arrays are nested more than \(JSONReader.maximumDepth) deep", at: index)
        }
        index += 1
        var elements: [JSONValue] = []
        var comma = index
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return JSONValue(kind: .array(elements), byteRange: start..<index)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]"), !elements.isEmpty {
                throw error("trailing comma before ']'", at: comma)
            }
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of the file; the array is not closed", at: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                comma = index
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                return JSONValue(kind: .array(elements), byteRange: start..<index)
            default:
                throw error("unexpected \(describe(index)); expected ',' or ']'", at: index)
            }
        }
    }

    // MARK: Strings

    /// Reads the string whose opening quote is at ``index``; leaves ``index`` after the closing quote.
    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var output: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[index]
            if byte == Self.quote {
                output.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: output, as: UTF8.self)
            }
            if byte == 0x0A { throw error("unterminated string (strings cannot span lines)", at: start) }
            if byte < 0x20 { throw error("control character U+\(Self.hex(UInt32(byte))) in a string; escape it", at: index) }
            if byte == Self.backslash {
                output.append(contentsOf: bytes[runStart..<index])
                try escape(into: &output)
                runStart = index
                continue
            }
            index += 1
        }
    }

    /// Resolves the escape whose backslash is at ``index``.
    private mutating func escape(into output: inout [UInt8]) throws(JSONSyntaxError) {
        let backslash = index
        guard index + 1 < bytes.count else { throw error("unterminated string", at: index) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case Self.quote, Self.backslash, UInt8(ascii: "/"): output.append(letter)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: backslash)
            if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count, bytes[index] == Self.backslash,
                bytes[index + 1] == UInt8(ascii: "u")
            {
                let saved = index
                index += 2
                let low = try hexQuad(escapeAt: saved)
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = saved
                }
            }
            // A lone surrogate (accepted by Python) becomes U+FFFD.
            let character = Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}"
            output.append(contentsOf: String(character).utf8)
        default:
            let shown = letter >= 0x21 && letter < 0x7F ? " '\\\(Character(Unicode.Scalar(letter)))'" : ""
            throw error("invalid escape\(shown) in a string", at: backslash)
        }
    }

    /// Reads the four hex digits at ``index``, after the `\u` whose backslash is at `backslash`.
    private mutating func hexQuad(escapeAt backslash: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("'\\u' needs four hex digits", at: backslash) }
        var value: UInt32 = 0
        for offset in index..<(index + 4) {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("'\\u' needs four hex digits", at: backslash)
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    // MARK: Numbers

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                if starts(with: "Infinity") { throw error("NaN and Infinity are not JSON numbers", at: start) }
                throw error("'-' must be followed by a digit", at: start)
            }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) {
                throw error("numbers cannot have leading zeros", at: start)
            }
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw error("expected a digit after '.'", at: index)
            }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent", at: index)
            }
            skipDigits()
        }
        if index < bytes.count, Self.isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
            throw error("unexpected \(describe(index)) in a number", at: index)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return JSONValue(kind: .number(text), byteRange: start..<index)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }
}
