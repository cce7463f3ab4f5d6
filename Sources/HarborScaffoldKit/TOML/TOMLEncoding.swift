/// Writing text safely into TOML documents (used when generating `task.toml` files).
public enum TOMLEncoding {
    /// `s` as a quoted TOML basic string that reads back as exactly `s`.
    ///
    /// `"` and `\` are escaped, newline, tab and carriage return become `\n`, `\t` and `\r`, and
    /// every other control character (U+0000–U+001F, U+007F–U+009F) becomes `\uXXXX`. Everything
    /// else, emoji included, is written as is.
    public static func basicString(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || (value >= 0x7F && value <= 0x9F) {
                    out += "\\u" + hex4(value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// `key` unchanged when it is a valid bare key (non-empty, only `A-Z a-z 0-9 _ -`),
    /// otherwise quoted with ``basicString(_:)``.
    public static func bareKeyOrQuoted(_ key: String) -> String {
        if isBareKey(key) { return key }
        return basicString(key)
    }

    /// True when `key` can be written as a bare key.
    public static func isBareKey(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        return key.utf8.allSatisfy(TOMLBytes.isBareKeyByte)
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out = ""
        for shift in stride(from: 12, through: 0, by: -4) {
            out.unicodeScalars.append(Unicode.Scalar(digits[Int((value >> UInt32(shift)) & 0xF)]))
        }
        return out
    }
}
