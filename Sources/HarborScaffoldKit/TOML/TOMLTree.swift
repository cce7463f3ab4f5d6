/// A table under construction. The parser builds a tree of these (mutable, shared by
/// reference) and turns it into immutable ``TOMLTable`` values at the end.
final class TOMLTableNode {
    /// How the table came to exist; decides which later definitions are allowed.
    enum Kind {
        /// The document root, or the top of an inline table being read.
        case root
        /// Created only as a parent of a header (`a` in `[a.b]`); a later `[a]` may define it.
        case implicit
        /// Defined by its own `[header]` (or an element of `[[array]]`).
        case header
        /// Created or extended by dotted keys (`a` in `a.b = 1`); no header may define it later.
        case dotted
    }

    /// What is stored under one key.
    enum Slot {
        /// A finished value. Tables stored this way are inline tables and cannot be extended.
        case value(TOMLValue)
        /// A table that can still receive keys (subject to its kind).
        case table(TOMLTableNode)
        /// An array of tables built from `[[header]]`s.
        case tableArray(TOMLTableArrayNode)
    }

    struct Item {
        var key: String
        var slot: Slot
        var keyRange: SourceRange
        var valueRange: SourceRange
        /// Byte offset where the key was first defined (for "first defined at line N").
        var definedAt: Int
    }

    var kind: Kind
    /// Nesting depth from the document root (the root is 0).
    let depth: Int
    /// Byte offset of the key or header that created (or later explicitly defined) the table.
    var definedAt: Int
    private(set) var items: [Item] = []
    private var index: [String: Int] = [:]

    init(kind: Kind, depth: Int, definedAt: Int) {
        self.kind = kind
        self.depth = depth
        self.definedAt = definedAt
    }

    func item(_ key: String) -> Item? {
        guard let position = index[key], position < items.count else { return nil }
        return items[position]
    }

    /// Adds a new key; callers have checked that `key` is not present.
    func add(_ item: Item) {
        index[item.key] = items.count
        items.append(item)
    }

    /// Updates the ranges of an existing key (when an implicit table gets its own header).
    func updateRanges(of key: String, keyRange: SourceRange, valueRange: SourceRange, definedAt: Int) {
        guard let position = index[key], position < items.count else { return }
        items[position].keyRange = keyRange
        items[position].valueRange = valueRange
        items[position].definedAt = definedAt
    }

    /// The finished table. Recursion is bounded by ``TOMLReader/maxDepth``.
    func makeTable() -> TOMLTable {
        var entries: [TOMLTable.Entry] = []
        entries.reserveCapacity(items.count)
        for item in items {
            let value: TOMLValue
            switch item.slot {
            case .value(let stored): value = stored
            case .table(let node): value = .table(node.makeTable())
            case .tableArray(let array): value = .array(array.elements.map { .table($0.makeTable()) })
            }
            entries.append(TOMLTable.Entry(key: item.key, value: value, keyRange: item.keyRange, valueRange: item.valueRange))
        }
        return TOMLTable(entries: entries)
    }
}

/// An array of tables under construction; `[[header]]` appends an element.
final class TOMLTableArrayNode {
    private(set) var elements: [TOMLTableNode]

    init(first: TOMLTableNode) {
        elements = [first]
    }

    /// The element that `[a.b]` or `[[a.b]]` below this array refers to.
    var last: TOMLTableNode? { elements.last }

    func append(_ element: TOMLTableNode) {
        elements.append(element)
    }
}

/// One component of a (possibly dotted) key, with its byte range.
struct TOMLKeyPart {
    var name: String
    var range: Range<Int>
}

/// Placing keys and headers into the tree, enforcing TOML's redefinition rules.
extension TOMLReader {
    /// `a.b.c` as written (components quoted when they are not bare keys), for messages.
    static func display(_ parts: ArraySlice<TOMLKeyPart>) -> String {
        parts.map { TOMLEncoding.bareKeyOrQuoted($0.name) }.joined(separator: ".")
    }

    static func display(_ parts: [TOMLKeyPart]) -> String {
        display(parts[...])
    }

    /// A description of an existing slot for messages, e.g. `an integer`, `an inline table`.
    static func describe(_ slot: TOMLTableNode.Slot) -> String {
        switch slot {
        case .value(let value):
            switch value {
            case .table: return "an inline table"
            case .integer: return "an integer"
            case .array: return "an array"
            default: return "a \(value.typeName)"
            }
        case .table: return "a table"
        case .tableArray: return "an array of tables"
        }
    }

    /// Checks the depth of a new table or array.
    mutating func checkDepth(_ depth: Int, at index: Int) throws(TOMLError) {
        if depth > TOMLReader.maxDepth {
            throw error("tables and arrays are nested too deeply (the limit is \(TOMLReader.maxDepth) levels)", at: index)
        }
    }

    /// For `a.b.c = value` in `table`: walks (creating) the tables `a` and `a.b`, and checks that
    /// `c` is still free. Returns the table that receives `c`.
    mutating func resolveDottedKey(_ parts: [TOMLKeyPart], in table: TOMLTableNode) throws(TOMLError) -> TOMLTableNode {
        var node = table
        guard let keyStart = parts.first?.range.lowerBound, let keyEnd = parts.last?.range.upperBound else {
            return node
        }
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            guard let existing = node.item(part.name) else {
                if isLast { return node }
                try checkDepth(node.depth + 1, at: part.range.lowerBound)
                let child = TOMLTableNode(kind: .dotted, depth: node.depth + 1, definedAt: part.range.lowerBound)
                node.add(.init(key: part.name, slot: .table(child), keyRange: sourceRange(part.range),
                               valueRange: sourceRange(keyStart..<keyEnd), definedAt: part.range.lowerBound))
                node = child
                continue
            }
            if isLast {
                throw error("duplicate key '\(TOMLReader.display(parts[...position]))' (first defined at line \(line(ofByte: existing.definedAt)))",
                            at: part.range.lowerBound)
            }
            if case .table(let child) = existing.slot, child.kind == .implicit || child.kind == .dotted {
                if child.kind == .implicit {
                    child.kind = .dotted
                    child.definedAt = part.range.lowerBound
                }
                node = child
                continue
            }
            let shown = TOMLReader.display(parts[...position])
            let firstLine = line(ofByte: existing.definedAt)
            switch existing.slot {
            case .table(let child):
                throw error("cannot add to table '\(shown)' with dotted keys because it is defined by a [header] at line \(line(ofByte: child.definedAt))",
                            at: part.range.lowerBound)
            case .value(.table):
                throw error("cannot add to inline table '\(shown)' (defined at line \(firstLine)); inline tables cannot be extended",
                            at: part.range.lowerBound)
            case .value, .tableArray:
                throw error("cannot use '\(shown)' as a table: it is already \(TOMLReader.describe(existing.slot)) (defined at line \(firstLine))",
                            at: part.range.lowerBound)
            }
        }
        return node
    }

    /// For a header `[a.b.c]` or `[[a.b.c]]`: walks (creating implicitly) the tables `a` and
    /// `a.b`, entering the last element of arrays of tables. Returns the parent of `c`.
    mutating func resolveHeaderParent(_ parts: [TOMLKeyPart], header: Range<Int>) throws(TOMLError) -> TOMLTableNode {
        var node = root
        for (position, part) in parts.dropLast().enumerated() {
            guard let existing = node.item(part.name) else {
                try checkDepth(node.depth + 1, at: part.range.lowerBound)
                let child = TOMLTableNode(kind: .implicit, depth: node.depth + 1, definedAt: header.lowerBound)
                node.add(.init(key: part.name, slot: .table(child), keyRange: sourceRange(part.range),
                               valueRange: sourceRange(header), definedAt: header.lowerBound))
                node = child
                continue
            }
            if case .table(let child) = existing.slot {
                node = child
                continue
            }
            if case .tableArray(let array) = existing.slot, let last = array.last {
                node = last
                continue
            }
            let shown = TOMLReader.display(parts[...position])
            let firstLine = line(ofByte: existing.definedAt)
            switch existing.slot {
            case .table, .tableArray:
                throw error("internal error: empty array of tables '\(shown)'", at: part.range.lowerBound)
            case .value(.table):
                throw error("cannot add to inline table '\(shown)' (defined at line \(firstLine)); inline tables cannot be extended",
                            at: part.range.lowerBound)
            case .value:
                throw error("cannot use '\(shown)' as a table: it is already \(TOMLReader.describe(existing.slot)) (defined at line \(firstLine))",
                            at: part.range.lowerBound)
            }
        }
        return node
    }

    /// Applies `[a.b.c]`: defines the table and makes it the current one.
    mutating func defineTable(_ parts: [TOMLKeyPart], header: Range<Int>) throws(TOMLError) {
        let parent = try resolveHeaderParent(parts, header: header)
        guard let part = parts.last else { return }
        let shown = TOMLReader.display(parts)
        guard let existing = parent.item(part.name) else {
            try checkDepth(parent.depth + 1, at: part.range.lowerBound)
            let table = TOMLTableNode(kind: .header, depth: parent.depth + 1, definedAt: header.lowerBound)
            parent.add(.init(key: part.name, slot: .table(table), keyRange: sourceRange(part.range),
                             valueRange: sourceRange(header), definedAt: header.lowerBound))
            current = table
            return
        }
        let firstLine = line(ofByte: existing.definedAt)
        switch existing.slot {
        case .table(let table):
            switch table.kind {
            case .implicit:
                table.kind = .header
                table.definedAt = header.lowerBound
                parent.updateRanges(of: part.name, keyRange: sourceRange(part.range), valueRange: sourceRange(header),
                                    definedAt: header.lowerBound)
                current = table
            case .header, .root:
                throw error("table '\(shown)' is already defined (first defined at line \(line(ofByte: table.definedAt)))",
                            at: part.range.lowerBound)
            case .dotted:
                throw error("table '\(shown)' is already defined by dotted keys at line \(line(ofByte: table.definedAt)); it cannot also have a [header]",
                            at: part.range.lowerBound)
            }
        case .tableArray:
            throw error("cannot define table '\(shown)': it is already an array of tables (defined at line \(firstLine))",
                        at: part.range.lowerBound)
        case .value(.table):
            throw error("table '\(shown)' is already defined as an inline table at line \(firstLine)", at: part.range.lowerBound)
        case .value:
            throw error("cannot define table '\(shown)': it is already \(TOMLReader.describe(existing.slot)) (defined at line \(firstLine))",
                        at: part.range.lowerBound)
        }
    }

    /// Applies `[[a.b.c]]`: appends a new table to the array and makes it the current one.
    mutating func appendArrayTable(_ parts: [TOMLKeyPart], header: Range<Int>) throws(TOMLError) {
        let parent = try resolveHeaderParent(parts, header: header)
        guard let part = parts.last else { return }
        let shown = TOMLReader.display(parts)
        try checkDepth(parent.depth + 2, at: part.range.lowerBound)
        let element = TOMLTableNode(kind: .header, depth: parent.depth + 2, definedAt: header.lowerBound)
        guard let existing = parent.item(part.name) else {
            parent.add(.init(key: part.name, slot: .tableArray(TOMLTableArrayNode(first: element)), keyRange: sourceRange(part.range),
                             valueRange: sourceRange(header), definedAt: header.lowerBound))
            current = element
            return
        }
        let firstLine = line(ofByte: existing.definedAt)
        switch existing.slot {
        case .tableArray(let array):
            array.append(element)
            current = element
        case .table:
            throw error("cannot define array of tables '\(shown)': it is already a table (defined at line \(firstLine))",
                        at: part.range.lowerBound)
        case .value(.array):
            throw error("cannot append to '\(shown)' with [[\(shown)]]: it is a static array (defined at line \(firstLine))",
                        at: part.range.lowerBound)
        case .value(.table):
            throw error("cannot define array of tables '\(shown)': it is already an inline table (defined at line \(firstLine))",
                        at: part.range.lowerBound)
        case .value:
            throw error("cannot define array of tables '\(shown)': it is already \(TOMLReader.describe(existing.slot)) (defined at line \(firstLine))",
                        at: part.range.lowerBound)
        }
    }
}
