/// A minimal JSON writer with deterministic key order (the order keys are written in).
public struct JSONWriter: Sendable {
    /// The JSON text written so far.
    public private(set) var output = ""

    /// Creates an empty writer.
    public init() {}

    /// A JSON string literal for `text`, escaping quotes, backslashes and control characters.
    public static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An object from ordered `(key, rawJSONValue)` pairs.
    public static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// An array of raw JSON values.
    public static func array(_ values: [String]) -> String { "[" + values.joined(separator: ", ") + "]" }

    /// A JSON value for an optional string (`null` when absent).
    public static func optional(_ text: String?) -> String { text.map(quote) ?? "null" }
}
