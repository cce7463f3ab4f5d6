/// A collection whose entries are being read: one level of the composer's explicit stack.
struct YAMLOpenCollection {
    enum Kind {
        case blockSequence
        /// `key:` followed by `- ` entries at the key's own indentation.
        case indentlessSequence
        case blockMapping
        case flowSequence
        case flowMapping
        /// `[a: 1]`: a single-pair mapping inside a flow sequence.
        case flowPair
    }

    let kind: Kind
    /// Byte offset of the token that opened the collection (a flow collection's bracket).
    let openOffset: Int
    let start: SourcePosition
    let tag: String?
    let anchor: String?
    /// ``YAMLComposer/nodeCount`` when the collection began, to size it for its aliases.
    let countBefore: Int
    var items: [YAMLNode] = []
    var builder = YAMLMappingBuilder()
    /// A mapping's key, read while its value is not yet.
    var pendingKey: YAMLNode?
    /// A flow entry is complete, so a `,` or the closing bracket comes next (a pair is finished).
    var entryDone = false

    var closingKind: YAMLToken.Kind {
        kind == .flowMapping ? .flowMappingEnd : .flowSequenceEnd
    }
}

/// Block and flow sequences and mappings, read one step at a time.
extension YAMLComposer {
    /// Opens a collection at `token` (consumed, except the first `-` of an indentless sequence).
    mutating func open(_ kind: YAMLOpenCollection.Kind, at token: YAMLToken,
                       _ properties: Properties) throws(YAMLError) {
        guard collections.count < YAMLParser.maximumDepth else {
            throw error("nesting deeper than \(YAMLParser.maximumDepth) levels", at: token.start)
        }
        if kind != .indentlessSequence { try take() }
        if let anchor = properties.anchor { anchors[anchor] = .open }
        collections.append(YAMLOpenCollection(
            kind: kind, openOffset: token.start, start: properties.start, tag: properties.tag,
            anchor: properties.anchor, countBefore: nodeCount))
    }

    /// Adds a finished node to the innermost collection: an item, a key, or a key's value.
    mutating func receive(_ node: YAMLNode) throws(YAMLError) {
        let top = collections.count - 1
        switch collections[top].kind {
        case .blockSequence, .indentlessSequence, .flowSequence:
            collections[top].items.append(node)
            collections[top].entryDone = true
        case .blockMapping, .flowMapping, .flowPair:
            guard let key = collections[top].pendingKey else {
                collections[top].pendingKey = node
                return
            }
            try collections[top].builder.add(key: key, value: node)
            collections[top].pendingKey = nil
            collections[top].entryDone = true
        }
    }

    /// What the innermost collection needs next: a node, an empty value, or to be finished.
    mutating func continueCollection() throws(YAMLError) -> YAMLStep {
        let top = collections.count - 1
        switch collections[top].kind {
        case .blockSequence: return try nextBlockSequenceEntry()
        case .indentlessSequence: return try nextIndentlessSequenceEntry()
        case .blockMapping: return try nextBlockMappingStep(afterKey: collections[top].pendingKey != nil)
        case .flowSequence: return try nextFlowSequenceEntry()
        case .flowMapping: return try nextFlowMappingStep()
        case .flowPair:
            guard collections[top].pendingKey != nil else { return finishCollection() }
            return try flowValue(closing: .flowSequenceEnd)
        }
    }

    /// Entries introduced by indented `- `, up to the end of the indented block.
    private mutating func nextBlockSequenceEntry() throws(YAMLError) -> YAMLStep {
        let token = try peek()
        switch token.kind {
        case .blockEntry:
            try take()
            return try valueStep(emptyBefore: [.blockEntry, .blockEnd])
        case .blockEnd:
            try take()
            return finishCollection()
        default:
            throw misplaced(token, expected: "a sequence entry ('- ')")
        }
    }

    /// `- ` entries at the indentation of the key they belong to; they end at anything else.
    private mutating func nextIndentlessSequenceEntry() throws(YAMLError) -> YAMLStep {
        guard try peek().kind == .blockEntry else { return finishCollection() }
        try take()
        return try valueStep(emptyBefore: [.blockEntry, .key, .blockEnd])
    }

    /// `key: value` lines at one indentation, up to the end of the indented block.
    private mutating func nextBlockMappingStep(afterKey: Bool) throws(YAMLError) -> YAMLStep {
        if afterKey {
            try expectValueIndicator()
            return try valueStep(emptyBefore: [.key, .blockEnd], allowIndentlessSequence: true)
        }
        let token = try peek()
        switch token.kind {
        case .key:
            try take()
            return .readNode(allowIndentlessSequence: false)
        case .blockEnd:
            try take()
            return finishCollection()
        default:
            throw misplaced(token, expected: "a mapping key")
        }
    }

    /// `[a, b, ]`, whose entries may be single-pair mappings (`[a: 1]`).
    private mutating func nextFlowSequenceEntry() throws(YAMLError) -> YAMLStep {
        guard try !reachedFlowEnd() else { return finishCollection() }
        let token = try peek()
        if token.kind == .key {
            try open(.flowPair, at: token, Properties(start: scanner.position(of: token.start)))
        }
        return .readNode(allowIndentlessSequence: false)
    }

    /// `{a: 1, b, }`; a key without `:` has an empty value.
    private mutating func nextFlowMappingStep() throws(YAMLError) -> YAMLStep {
        if collections[collections.count - 1].pendingKey != nil { return try flowValue(closing: .flowMappingEnd) }
        guard try !reachedFlowEnd() else { return finishCollection() }
        if try peek().kind == .key { try take() }
        return .readNode(allowIndentlessSequence: false)
    }

    /// After a key in a flow collection: `:` and the value, or an empty value.
    private mutating func flowValue(closing: YAMLToken.Kind) throws(YAMLError) -> YAMLStep {
        guard try peek().kind == .value else { return .deliver(emptyNode()) }
        try take()
        return try valueStep(emptyBefore: [.flowEntry, closing])
    }

    /// A node to read, or an empty value when the next token is one of `endings`.
    private mutating func valueStep(emptyBefore endings: [YAMLToken.Kind],
                                    allowIndentlessSequence: Bool = false) throws(YAMLError) -> YAMLStep {
        endings.contains(try peek().kind) ? .deliver(emptyNode()) : .readNode(allowIndentlessSequence: allowIndentlessSequence)
    }

    /// Consumes the `:` after a block mapping's key.
    private mutating func expectValueIndicator() throws(YAMLError) {
        let token = try peek()
        guard token.kind == .value else {
            throw error("expected ':' after the mapping key, found \(token.description)", at: token.start)
        }
        try take()
    }

    /// Before an entry of the innermost flow collection: consumes the `,` after the previous
    /// entry, and is true at the closing bracket (consumed). A `,` with no entry before it and a
    /// collection that is not closed are errors.
    private mutating func reachedFlowEnd() throws(YAMLError) -> Bool {
        let top = collections.count - 1
        let closing = collections[top].closingKind
        var token = try peek()
        if collections[top].entryDone, token.kind != closing {
            guard token.kind == .flowEntry else {
                try rejectUnterminated(token)
                let (bracket, what) = closing == .flowSequenceEnd ? ("]", "flow sequence") : ("}", "flow mapping")
                throw error("expected ',' or '\(bracket)' in a \(what), found \(token.description)", at: token.start)
            }
            try take()
            collections[top].entryDone = false
            token = try peek()
        }
        if token.kind == closing {
            try take()
            return true
        }
        if token.kind == .flowEntry {
            throw error("expected \(closing == .flowSequenceEnd ? "a value" : "a mapping key") before ','", at: token.start)
        }
        try rejectUnterminated(token)
        return false
    }

    /// A flow collection still open at the end of the file or at a document marker.
    private mutating func rejectUnterminated(_ token: YAMLToken) throws(YAMLError) {
        switch token.kind {
        case .streamEnd, .documentStart, .documentEnd, .directive:
            let collection = collections[collections.count - 1]
            let message = collection.kind == .flowSequence
                ? "unterminated flow sequence (missing ']')" : "unterminated flow mapping (missing '}')"
            throw error(message, at: collection.openOffset)
        default:
            return
        }
    }

    /// The error for a token where a block collection expected its next entry.
    private mutating func misplaced(_ token: YAMLToken, expected: String) -> YAMLError {
        switch token.kind {
        case .blockMappingStart: return error("bad indentation of a mapping entry", at: token.start)
        case .blockSequenceStart: return error("bad indentation of a sequence entry", at: token.start)
        default: return error("expected \(expected), found \(token.description)", at: token.start)
        }
    }

    /// Closes the innermost collection and hands its node on.
    private mutating func finishCollection() -> YAMLStep {
        let collection = collections.removeLast()
        let node: YAMLNode
        switch collection.kind {
        case .blockSequence, .indentlessSequence, .flowSequence:
            node = makeNode(.sequence(collection.items), start: collection.start, tag: collection.tag)
        case .blockMapping, .flowMapping, .flowPair:
            let (entries, keyIndex) = collection.builder.build()
            node = makeNode(.mapping(entries), start: collection.start, tag: collection.tag, keyIndex: keyIndex)
        }
        if let anchor = collection.anchor {
            anchors[anchor] = .complete(node, size: nodeCount - collection.countBefore)
        }
        return .deliver(node)
    }
}
