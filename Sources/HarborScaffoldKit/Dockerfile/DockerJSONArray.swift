/// Parses the exec form of Dockerfile instructions: a JSON array of strings, with the range of each
/// element. Anything else (other JSON values, trailing text, invalid escapes) is not exec form.
enum DockerJSONArray {
    struct Element {
        var value: String
        /// Indices of the element (quotes included) in the parsed slice's index space.
        var range: Range<Int>
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> [Element]? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        func skipWhitespace() {
            while index < end, ShellByte.isWhitespace(bytes[index]) { index += 1 }
        }
        skipWhitespace()
        guard index < end, bytes[index] == ShellByte.openBracket else { return nil }
        index += 1
        skipWhitespace()
        var elements: [Element] = []
        if index < end, bytes[index] == ShellByte.closeBracket {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard index < end, bytes[index] == ShellByte.doubleQuote else { return nil }
                let start = index
                guard let (value, next) = parseString(bytes, from: index) else { return nil }
                index = next
                elements.append(Element(value: value, range: start..<next))
                skipWhitespace()
                guard index < end else { return nil }
                if bytes[index] == ShellByte.comma {
                    index += 1
                    continue
                }
                guard bytes[index] == ShellByte.closeBracket else { return nil }
                index += 1
                break
            }
        }
        skipWhitespace()
        return index == end ? elements : nil
    }

    /// Parses the JSON string starting with the `"` at `from`; returns its value and the index after it.
    static func parseString(_ bytes: ArraySlice<UInt8>, from: Int) -> (String, Int)? {
        var index = from + 1
        let end = bytes.endIndex
        var value: [UInt8] = []
        var pendingHighSurrogate: UInt32?
        while index < end {
            let byte = bytes[index]
            if byte == ShellByte.doubleQuote { return (String(decoding: value, as: UTF8.self), index + 1) }
            if byte < 0x20 { return nil }
            guard byte == ShellByte.backslash else {
                value.append(byte)
                index += 1
                continue
            }
            guard index + 1 < end else { return nil }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case ShellByte.doubleQuote, ShellByte.backslash, ShellByte.slash: value.append(escaped)
            case UInt8(ascii: "b"): value.append(0x08)
            case UInt8(ascii: "f"): value.append(0x0C)
            case UInt8(ascii: "n"): value.append(0x0A)
            case UInt8(ascii: "r"): value.append(0x0D)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 4 <= end, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
                else { return nil }
                index += 4
                var scalarValue = code
                if (0xD800...0xDBFF).contains(code) {
                    pendingHighSurrogate = code
                    continue
                }
                if (0xDC00...0xDFFF).contains(code), let high = pendingHighSurrogate {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                }
                pendingHighSurrogate = nil
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                return nil
            }
        }
        return nil
    }
}
