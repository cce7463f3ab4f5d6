/// What an anchor name stands for while the document is read.
enum YAMLAnchor {
    /// The anchored node is still being read: an alias to it would make the tree recursive.
    case open
    /// The anchored node, and how many nodes it holds with the aliases inside it expanded.
    case complete(YAMLNode, size: Int)
}

/// Builds the node tree from the scanner's tokens. Nodes, properties and aliases are here,
/// collections in `YAMLCollections.swift` and the document level in `YAMLParser.swift`.
struct YAMLComposer {
    var scanner: YAMLScanner
    private var anchors: [String: YAMLAnchor] = [:]
    /// Nodes built so far, counting every node an alias stands for.
    private var nodeCount = 0
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

    /// Rejects a collection nested deeper than ``YAMLParser/maximumDepth``.
    mutating func checkDepth(_ depth: Int, at index: Int) throws(YAMLError) {
        guard depth <= YAMLParser.maximumDepth else {
            throw error("nesting deeper than \(YAMLParser.maximumDepth) levels", at: index)
        }
    }

    /// An alias, or a node with optional properties (anchor, tag) at `depth` (the document's
    /// root node is at depth 1). A block mapping's value may be a sequence whose `-` are not
    /// indented (`allowIndentlessSequence`).
    mutating func parseNode(depth: Int, allowIndentlessSequence: Bool = false) throws(YAMLError) -> YAMLNode {
        let first = try peek()
        let start = scanner.position(of: first.start)
        if first.kind == .alias { return try resolveAlias(try take(), start: start) }
        var anchor: String?
        var tag: String?
        while true {
            let token = try peek()
            if token.kind == .anchor {
                guard anchor == nil else { throw error("a node can have only one anchor", at: token.start) }
                anchor = try take().text
            } else if token.kind == .tag {
                guard tag == nil else { throw error("a node can have only one tag", at: token.start) }
                tag = try take().text
            } else {
                break
            }
        }
        guard let anchor else {
            return try parseContent(start: start, tag: tag, hasProperties: tag != nil, depth: depth,
                                    allowIndentlessSequence: allowIndentlessSequence)
        }
        anchors[anchor] = .open
        let countBefore = nodeCount
        let node = try parseContent(start: start, tag: tag, hasProperties: true, depth: depth,
                                    allowIndentlessSequence: allowIndentlessSequence)
        anchors[anchor] = .complete(node, size: nodeCount - countBefore)
        return node
    }

    /// The node after its properties; with properties and nothing else it is an empty scalar.
    private mutating func parseContent(start: SourcePosition, tag: String?, hasProperties: Bool, depth: Int,
                                       allowIndentlessSequence: Bool) throws(YAMLError) -> YAMLNode {
        let token = try peek()
        switch token.kind {
        case .scalar:
            try take()
            return makeNode(.scalar(YAMLScalar(text: token.text, style: token.style)), start: start, tag: tag)
        case .flowSequenceStart:
            return try parseFlowSequence(start: start, tag: tag, depth: depth)
        case .flowMappingStart:
            return try parseFlowMapping(start: start, tag: tag, depth: depth)
        case .blockSequenceStart:
            return try parseBlockSequence(start: start, tag: tag, depth: depth)
        case .blockMappingStart:
            return try parseBlockMapping(start: start, tag: tag, depth: depth)
        case .blockEntry where allowIndentlessSequence:
            return try parseIndentlessSequence(start: start, tag: tag, depth: depth)
        case .alias where hasProperties:
            throw error("an alias cannot have an anchor or a tag", at: token.start)
        default:
            guard hasProperties else { throw error("expected a value, found \(token.description)", at: token.start) }
            return makeNode(.scalar(YAMLScalar(text: "", style: .plain)), start: start, tag: tag)
        }
    }

    /// `*name`: a copy of the anchored node, placed where the alias is written.
    private mutating func resolveAlias(_ token: YAMLToken, start: SourcePosition) throws(YAMLError) -> YAMLNode {
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
            return node.relocated(to: SourceRange(start: start, end: scanner.position(of: token.end)))
        }
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
