/// A scalar as written in the document: its value and the style it is written in.
public struct YAMLScalar: Sendable, Equatable {
    /// How a scalar is written.
    public enum Style: Sendable, Equatable {
        /// Unquoted, e.g. `nginx:1.27` or `true`; the only style read as null, boolean or integer.
        case plain
        /// `'...'`, where `''` stands for one apostrophe.
        case singleQuoted
        /// `"..."`, with backslash escapes.
        case doubleQuoted
        /// A `|` block scalar: line breaks kept.
        case literal
        /// A `>` block scalar: line breaks folded into spaces.
        case folded
    }

    /// The value: quotes removed, escapes decoded, line breaks folded and chomped as YAML says.
    public let text: String
    /// How the scalar is written.
    public let style: Style

    /// Creates a scalar.
    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }
}

/// The YAML 1.2 core schema reading of plain scalars, as go-yaml v3 (and so docker compose) does it.
enum YAMLCoreSchema {
    /// True for `~`, `null`, `Null`, `NULL` and the empty scalar.
    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `true`, `True`, `TRUE`, `false`, `False`, `FALSE`; other spellings (`yes`, `on`) are strings.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A decimal (`-12`, `+3`), octal (`0o17`) or hexadecimal (`0xFF`) integer; nil for anything
    /// else and for values that do not fit an `Int`.
    static func int(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return nil }
        if bytes.count > 2, first == YAMLBytes.zero {
            switch bytes[1] {
            case UInt8(ascii: "o"): return digits(bytes.dropFirst(2), radix: 8, negative: false)
            case UInt8(ascii: "x"): return digits(bytes.dropFirst(2), radix: 16, negative: false)
            default: break
            }
        }
        if first == YAMLBytes.minus || first == YAMLBytes.plus {
            return digits(bytes.dropFirst(), radix: 10, negative: first == YAMLBytes.minus)
        }
        return digits(bytes[...], radix: 10, negative: false)
    }

    /// The value of a non-empty run of digits in `radix`, accumulated towards the sign so that
    /// `Int.min` is readable; nil on a foreign byte or overflow.
    private static func digits(_ bytes: ArraySlice<UInt8>, radix: Int, negative: Bool) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard let digit = CodePoint.hexValue(byte).map(Int.init), digit < radix else { return nil }
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: radix)
            let (next, overflowAdd) = negative
                ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowShift, !overflowAdd else { return nil }
            value = next
        }
        return value
    }
}
