/// Collects the entries of one mapping: rejects keys that are collections and keys written
/// twice, and applies merge keys (`<<: *base`, `<<: [*a, *b]`) as docker compose does: merged
/// entries come first, an earlier merged mapping wins over a later one, and keys written in the
/// mapping itself win over merged ones.
struct YAMLMappingBuilder {
    private var written: [YAMLEntry] = []
    /// The index in `written` of each key's text.
    private var writtenIndex: [String: Int] = [:]
    /// The line of the merge key, once it is written.
    private var mergeKeyLine: Int?
    private var merged: [YAMLEntry] = []
    private var mergedKeys: Set<String> = []

    /// Adds `key: value`.
    mutating func add(key: YAMLNode, value: YAMLNode) throws(YAMLError) {
        guard let scalar = key.scalarValue else {
            throw YAMLError(message: "a mapping key must be a scalar, not \(key.kindDescription)", position: key.range.start)
        }
        let isMergeKey = scalar.style == .plain && scalar.text == "<<" && (key.tag == nil || key.tag == "!!merge")
        let firstLine = isMergeKey ? mergeKeyLine : writtenIndex[scalar.text].map { written[$0].key.range.start.line }
        if let firstLine {
            throw YAMLError(message: "duplicate key '\(scalar.text)' (first at line \(firstLine))", position: key.range.start)
        }
        if isMergeKey {
            mergeKeyLine = key.range.start.line
            try merge(value)
        } else {
            writtenIndex[scalar.text] = written.count
            written.append(YAMLEntry(key: key, value: value))
        }
    }

    private mutating func merge(_ value: YAMLNode) throws(YAMLError) {
        switch value.kind {
        case .mapping(let entries):
            mergeEntries(entries)
        case .sequence(let items):
            for item in items {
                guard case .mapping(let entries) = item.kind else { throw notMergeable(item) }
                mergeEntries(entries)
            }
        case .scalar:
            throw notMergeable(value)
        }
    }

    private mutating func mergeEntries(_ entries: [YAMLEntry]) {
        for entry in entries where mergedKeys.insert(entry.key.stringValue ?? "").inserted {
            merged.append(entry)
        }
    }

    private func notMergeable(_ node: YAMLNode) -> YAMLError {
        YAMLError(message: "the merge key '<<' takes a mapping or a sequence of mappings, not \(node.kindDescription)",
                  position: node.range.start)
    }

    /// The entries (merged ones not overridden, then the written ones) and the index of each
    /// key's text in them.
    func build() -> (entries: [YAMLEntry], keyIndex: [String: Int]) {
        guard !merged.isEmpty else { return (written, writtenIndex) }
        var entries = merged.filter { writtenIndex[$0.key.stringValue ?? ""] == nil }
        entries.append(contentsOf: written)
        var keyIndex: [String: Int] = [:]
        keyIndex.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            keyIndex[entry.key.stringValue ?? ""] = index
        }
        return (entries, keyIndex)
    }
}
