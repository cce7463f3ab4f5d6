/// A node of a YAML document: a scalar, a sequence or a mapping, with where it is written and its tag.
///
/// Aliases are resolved (an alias node is a copy of its anchored node placed at the alias) and
/// merge keys (`<<`) are applied, so the tree holds plain data.
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Kind: Sendable {
        /// A scalar of any style.
        case scalar(YAMLScalar)
        /// A block or flow sequence.
        case sequence([YAMLNode])
        /// A block or flow mapping: entries in document order, keys unique, merged entries first.
        case mapping([YAMLEntry])
    }

    /// What the node holds.
    public let kind: Kind
    /// Where the node is written, its anchor and tag included: from its first character to just
    /// after its last. An empty value (`key:`) has an empty range just after the indicator before
    /// it; a node read through an alias has the alias's range.
    public let range: SourceRange
    /// The tag as written (`!reset`, `!override`, `!!str`, `!<tag:yaml.org,2002:int>`), or nil.
    public let tag: String?
    /// For a mapping: the index in its entries of each key's text.
    private let keyIndex: [String: Int]

    init(kind: Kind, range: SourceRange, tag: String?, keyIndex: [String: Int] = [:]) {
        self.kind = kind
        self.range = range
        self.tag = tag
        self.keyIndex = keyIndex
    }

    /// The same node, written at `range` (an alias standing for its anchored node).
    func relocated(to range: SourceRange) -> YAMLNode {
        YAMLNode(kind: kind, range: range, tag: tag, keyIndex: keyIndex)
    }

    /// For a mapping: the value of the entry whose key's text is `key`; nil when there is none or
    /// this is not a mapping.
    public subscript(key: String) -> YAMLNode? {
        entry(for: key)?.value
    }

    /// For a mapping: the entry whose key's text is `key` (any quoting style); nil when there is
    /// none or this is not a mapping.
    public func entry(for key: String) -> YAMLEntry? {
        guard case .mapping(let entries) = kind, let index = keyIndex[key] else { return nil }
        return entries[index]
    }

    /// The scalar, when this is one.
    public var scalarValue: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The scalar's text in any style (an empty value gives `""`); nil for collections.
    public var stringValue: String? {
        scalarValue?.text
    }

    /// The elements, when this is a sequence.
    public var sequenceValue: [YAMLNode]? {
        if case .sequence(let elements) = kind { return elements }
        return nil
    }

    /// The entries, when this is a mapping.
    public var mappingValue: [YAMLEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// True for a plain `~`, `null`, `Null`, `NULL` or empty scalar not tagged `!!str`.
    public var isNull: Bool {
        guard let text = untypedPlainText else { return false }
        return YAMLCoreSchema.isNull(text)
    }

    /// The boolean of a plain `true`/`True`/`TRUE`/`false`/`False`/`FALSE` not tagged `!!str`
    /// (YAML 1.2 core schema, as go-yaml v3: `yes` and `on` are strings); nil otherwise.
    public var boolValue: Bool? {
        untypedPlainText.flatMap(YAMLCoreSchema.bool)
    }

    /// The integer of a plain decimal (`8080`, `-1`), octal (`0o755`) or hexadecimal (`0xFF`)
    /// scalar not tagged `!!str`; nil otherwise or when it does not fit an `Int`.
    public var intValue: Int? {
        untypedPlainText.flatMap(YAMLCoreSchema.int)
    }

    /// The text of a plain scalar that is not tagged `!!str`: the only scalars read as null,
    /// booleans or numbers.
    private var untypedPlainText: String? {
        guard let scalar = scalarValue, scalar.style == .plain, tag != "!!str" else { return nil }
        return scalar.text
    }

    /// `a scalar`, `a sequence` or `a mapping`, for messages.
    var kindDescription: String {
        switch kind {
        case .scalar: return "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}

/// One key/value pair of a mapping.
public struct YAMLEntry: Sendable {
    /// The key: always a scalar.
    public let key: YAMLNode
    /// The value (an empty value is a null scalar).
    public let value: YAMLNode

    init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
