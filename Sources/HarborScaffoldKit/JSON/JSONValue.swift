/// A JSON value as written in a file, with the byte range of every value and object key, so that
/// findings can point at the exact place (Foundation's `JSONSerialization` keeps no positions).
///
/// ```swift
/// let source = SourceText(path: "weights.json", text: #"{"test_a": 0.5}"#)
/// if case .success(let value) = JSONReader.parse(source.bytes), case .object(let members) = value.kind {
///     source.range(ofBytes: members[0].keyRange)  // 1:2-1:10
/// }
/// ```
public struct JSONValue: Hashable, Sendable {
    /// What a value is.
    public enum Kind: Hashable, Sendable {
        /// An object's members in source order; repeated keys are kept.
        case object([JSONMember])
        /// An array's elements in order.
        case array([JSONValue])
        /// A string with its escapes resolved.
        case string(String)
        /// A number as written (`0.33`, `-1e-3`); ``JSONValue/number`` gives its value.
        case number(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
    }

    /// What the value is.
    public var kind: Kind
    /// The bytes the value covers in the parsed input, brackets and quotes included.
    public var byteRange: Range<Int>

    /// Creates a value.
    public init(kind: Kind, byteRange: Range<Int>) {
        self.kind = kind
        self.byteRange = byteRange
    }

    /// The value of a number (infinite when it overflows a `Double`), nil for other kinds.
    public var number: Double? {
        guard case .number(let text) = kind else { return nil }
        return Double(text)
    }

    /// The kind with an article, for messages: `an object`, `a string`, `true`, `null`.
    public var kindDescription: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    /// The key with its escapes resolved.
    public var key: String
    /// The bytes of the key, quotes included.
    public var keyRange: Range<Int>
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, keyRange: Range<Int>, value: JSONValue) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// Why a text is not JSON, and where: the first problem a strict RFC 8259 reader meets.
public struct JSONSyntaxError: Error, Hashable, Sendable {
    /// One sentence, e.g. `trailing comma before '}'`.
    public var message: String
    /// The byte offset of the problem in the parsed input.
    public var byteOffset: Int

    /// Creates an error.
    public init(message: String, byteOffset: Int) {
        self.message = message
        self.byteOffset = byteOffset
    }
}
