/// A TOML table: key/value entries in document order, each remembering where it was written.
///
/// Two tables are equal when they hold the same keys with equal values; the order of the
/// entries and their source ranges are ignored, as TOML tables are unordered.
public struct TOMLTable: Sendable, Equatable {
    /// One key/value pair of a table and where it appears in the source.
    public struct Entry: Sendable, Equatable {
        /// The key, unquoted and unescaped (one component of a dotted key).
        public var key: String
        /// The value.
        public var value: TOMLValue
        /// Where the key is written. For a dotted key such as `apple.color`, each component has
        /// its own range (`apple` for the `apple` table, `color` for its entry). For a table
        /// created implicitly by a header or dotted key, it is that key's component in the header
        /// or dotted key that created it; for a table later defined by its own `[header]`, the
        /// key in that header.
        public var keyRange: SourceRange
        /// Where the value is written: the value's text (from `[` to `]` for arrays, `{` to `}` for
        /// inline tables). For a table defined or implicitly created by a header (and for an array
        /// of tables), the whole first header, brackets included. For a table created by dotted
        /// keys, the whole dotted key that created it.
        public var valueRange: SourceRange

        /// Creates an entry.
        public init(key: String, value: TOMLValue, keyRange: SourceRange, valueRange: SourceRange) {
            self.key = key
            self.value = value
            self.keyRange = keyRange
            self.valueRange = valueRange
        }
    }

    /// The entries, in the order their keys first appear in the document.
    public private(set) var entries: [Entry]
    private var index: [String: Int]

    /// Creates a table from `entries`; when a key repeats, the later entry replaces the earlier
    /// one in its position.
    public init(entries: [Entry] = []) {
        self.entries = []
        self.index = [:]
        self.entries.reserveCapacity(entries.count)
        for entry in entries {
            if let position = index[entry.key] {
                self.entries[position] = entry
            } else {
                index[entry.key] = self.entries.count
                self.entries.append(entry)
            }
        }
    }

    /// The keys, in document order.
    public var keys: [String] { entries.map(\.key) }

    /// The number of entries.
    public var count: Int { entries.count }

    /// True when the table has no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value stored under `key`, or nil.
    public subscript(key: String) -> TOMLValue? {
        entry(for: key)?.value
    }

    /// The entry stored under `key` (with its source ranges), or nil.
    public func entry(for key: String) -> Entry? {
        guard let position = index[key], position < entries.count else { return nil }
        return entries[position]
    }

    /// The entry at a path of keys through nested tables, e.g. `["environment", "build_timeout_sec"]`,
    /// or nil when a key is missing or an intermediate value is not a table. Arrays are not
    /// entered.
    public func entry(at path: [String]) -> Entry? {
        guard let first = path.first else { return nil }
        var current = entry(for: first)
        for key in path.dropFirst() {
            guard let table = current?.value.tableValue else { return nil }
            current = table.entry(for: key)
        }
        return current
    }

    /// The value at a path of keys through nested tables, e.g.
    /// `value(at: ["environment", "build_timeout_sec"])`; an empty path gives this table itself.
    public func value(at path: [String]) -> TOMLValue? {
        if path.isEmpty { return .table(self) }
        return entry(at: path)?.value
    }

    /// True when both tables hold the same keys with equal values (order and ranges ignored).
    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for entry in lhs.entries {
            guard let other = rhs.entry(for: entry.key), other.value == entry.value else { return false }
        }
        return true
    }
}
