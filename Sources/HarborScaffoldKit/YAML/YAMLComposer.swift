/// What an anchor name stands for while the document is read.
enum YAMLAnchor {
    /// The anchored node is still being read: an alias to it would make the tree recursive.
    case open
    /// The anchored node, and how many nodes it holds with the aliases inside it expanded.
    case complete(YAMLNode, size: Int)
}

/// What the composer does next.
enum YAMLStep {
    /// Read a node; a block mapping's value may be a sequence whose `-` are not indented.
    case readNode(allowIndentlessSequence: Bool)
    /// Hand a finished node to the innermost open collection (or return it: the root).
    case deliver(YAMLNode)
}

/// Builds the node tree from the scanner's tokens without recursion: open collections are kept
/// on an explicit stack, so nesting takes heap memory, not call stack. Nodes, properties and
/// aliases are here, collections in `YAMLCollections.swift`, the stream in `YAMLParser.swift`.
struct YAMLComposer {
    var scanner: YAMLScanner
    /// The collections being read, innermost last; never more than ``YAMLParser/maximumDepth``.
    var collections: [YAMLOpenCollection] = []
    var anchors: [String: YAMLAnchor] = [:]
    /// Nodes built so far, counting every node an alias stands for.
    var nodeCount = 0
    /// Nodes that aliases stand for, summed over all aliases read.
    private var aliasExpansion = 0
    /// Byte offset just after the last consumed token that has a width.
    private var lastEnd = 0

    init(source: SourceText) {
        self.scanner = YAMLScanner(source: source)
    }

    /// The next token, without consuming it.
    mutating func peek() throws(YAMLError) -> YAMLToken {
        try scanner.peek()
    }

    /// Consumes the next token.
    @discardableResult
    mutating func take() throws(YAMLError) -> YAMLToken {
        let token = try scanner.peek()
        scanner.advance()
        if token.end > token.start { lastEnd = token.end }
        return token
    }

    /// An error at byte `index`.
    mutating func error(_ message: String, at index: Int) -> YAMLError {
        scanner.error(message, at: index)
    }

    /// The document's root node.
    mutating func parseRoot() throws(YAMLError) -> YAMLNode {
        var step = YAMLStep.readNode(allowIndentlessSequence: false)
        while true {
            switch step {
            case .readNode(let allowIndentlessSequence):
                step = try readNode(allowIndentlessSequence: allowIndentlessSequence)
            case .deliver(let node):
                guard !collections.isEmpty else { return node }
                try receive(node)
                step = try continueCollection()
            }
        }
    }

    /// Where a node starts, and its anchor and tag.
    struct Properties {
        var start: SourcePosition
        var anchor: String?
        var tag: String?

        var isEmpty: Bool { anchor == nil && tag == nil }
    }

    /// An alias, a scalar, an empty node with properties, or the start of a collection (opened,
    /// then continued).
    private mutating func readNode(allowIndentlessSequence: Bool) throws(YAMLError) -> YAMLStep {
        if try peek().kind == .alias { return .deliver(try resolveAlias()) }
        let properties = try parseProperties()
        let token = try peek()
        switch token.kind {
        case .scalar:
            try take()
            return .deliver(makeLeaf(YAMLScalar(text: token.text, style: token.style), properties))
        case .flowSequenceStart:
            try open(.flowSequence, at: token, properties)
        case .flowMappingStart:
            try open(.flowMapping, at: token, properties)
        case .blockSequenceStart:
            try open(.blockSequence, at: token, properties)
        case .blockMappingStart:
            try open(.blockMapping, at: token, properties)
        case .blockEntry where allowIndentlessSequence:
            try open(.indentlessSequence, at: token, properties)
        case .alias where !properties.isEmpty:
            throw error("an alias cannot have an anchor or a tag", at: token.start)
        default:
            guard !properties.isEmpty else { throw error("expected a value, found \(token.description)", at: token.start) }
            return .deliver(makeLeaf(YAMLScalar(text: "", style: .plain), properties))
        }
        return try continueCollection()
    }

    /// Anchor and tag, in either order.
    private mutating func parseProperties() throws(YAMLError) -> Properties {
        var properties = Properties(start: scanner.position(of: try peek().start))
        while true {
            let token = try peek()
            if token.kind == .anchor {
                guard properties.anchor == nil else { throw error("a node can have only one anchor", at: token.start) }
                properties.anchor = try take().text
            } else if token.kind == .tag {
                guard properties.tag == nil else { throw error("a node can have only one tag", at: token.start) }
                properties.tag = try take().text
            } else {
                return properties
            }
        }
    }

    /// `*name`: a copy of the anchored node, placed where the alias is written.
    private mutating func resolveAlias() throws(YAMLError) -> YAMLNode {
        let token = try take()
        switch anchors[token.text] {
        case nil:
            throw error("unknown alias '*\(token.text)' (no anchor '&\(token.text)' before it)", at: token.start)
        case .open?:
            throw error("alias '*\(token.text)' is inside the node it refers to; recursive aliases are not supported",
                        at: token.start)
        case .complete(let node, let size)?:
            aliasExpansion += size
            guard aliasExpansion <= YAMLParser.maximumAliasExpansion else {
                throw error("aliases expand to more than \(YAMLParser.maximumAliasExpansion) nodes", at: token.start)
            }
            nodeCount += size
            let range = SourceRange(start: scanner.position(of: token.start), end: scanner.position(of: token.end))
            return node.relocated(to: range)
        }
    }

    /// A scalar node ending with the last consumed token, registered under its anchor.
    private mutating func makeLeaf(_ scalar: YAMLScalar, _ properties: Properties) -> YAMLNode {
        let node = makeNode(.scalar(scalar), start: properties.start, tag: properties.tag)
        if let anchor = properties.anchor { anchors[anchor] = .complete(node, size: 1) }
        return node
    }

    /// A node written from `start` to the end of the last consumed token.
    mutating func makeNode(_ kind: YAMLNode.Kind, start: SourcePosition, tag: String?,
                           keyIndex: [String: Int] = [:]) -> YAMLNode {
        nodeCount += 1
        let range = SourceRange(start: start, end: scanner.position(of: lastEnd))
        return YAMLNode(kind: kind, range: range, tag: tag, keyIndex: keyIndex)
    }

    /// An empty value (a null scalar) just after the last consumed token.
    mutating func emptyNode() -> YAMLNode {
        makeNode(.scalar(YAMLScalar(text: "", style: .plain)), start: scanner.position(of: lastEnd), tag: nil)
    }
}
