/// A value read from a TOML document.
///
/// Equality follows the values: strings compare as Swift strings, floats with IEEE semantics
/// (so `nan` is never equal to itself), and tables as described on ``TOMLTable``.
public indirect enum TOMLValue: Sendable, Equatable {
    /// A string (basic, literal or multi-line), with escapes already decoded.
    case string(String)
    /// A 64-bit signed integer, written in decimal, hexadecimal, octal or binary.
    case integer(Int64)
    /// A binary64 floating-point number, including `inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An offset date-time, local date-time, local date or local time. The text is validated
    /// (field ranges included) and kept exactly as written, e.g. `"1979-05-27T07:32:00Z"`.
    case dateTime(String)
    /// An array; TOML 1.0 allows elements of different types in one array.
    case array([TOMLValue])
    /// A table: a `[table]`, an inline table, a table created by dotted keys, or one element of
    /// an array of tables.
    case table(TOMLTable)

    /// The string, when this is a ``string(_:)``.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is an ``integer(_:)``.
    public var intValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, when this is a ``float(_:)`` or an ``integer(_:)`` (so `600`
    /// and `600.0` both read as `600.0`). Integers beyond 2^53 are rounded to the nearest double.
    public var doubleValue: Double? {
        switch self {
        case .float(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The boolean, when this is a ``boolean(_:)``.
    public var boolValue: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    /// The date-time text as written, when this is a ``dateTime(_:)``.
    public var dateTimeValue: String? {
        if case .dateTime(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an ``array(_:)`` (arrays of tables included).
    public var arrayValue: [TOMLValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The table, when this is a ``table(_:)``.
    public var tableValue: TOMLTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// The TOML type name for messages: "string", "integer", "float", "boolean", "datetime",
    /// "array" or "table".
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .boolean: return "boolean"
        case .dateTime: return "datetime"
        case .array: return "array"
        case .table: return "table"
        }
    }
}
