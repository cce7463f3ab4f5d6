/// Block and flow sequences and mappings.
extension YAMLComposer {
    /// Entries introduced by indented `- `, up to the end of the indented block.
    mutating func parseBlockSequence(start: SourcePosition, tag: String?, depth: Int) throws(YAMLError) -> YAMLNode {
        try checkDepth(depth, at: try take().start)
        var items: [YAMLNode] = []
        while true {
            let token = try peek()
            switch token.kind {
            case .blockEntry:
                try take()
                let next = try peek().kind
                items.append(next == .blockEntry || next == .blockEnd ? emptyNode() : try parseNode(depth: depth + 1))
            case .blockEnd:
                try take()
                return makeNode(.sequence(items), start: start, tag: tag)
            default:
                throw misplaced(token, expected: "a sequence entry ('- ')")
            }
        }
    }

    /// `key:` followed by `- ` entries at the key's own indentation.
    mutating func parseIndentlessSequence(start: SourcePosition, tag: String?, depth: Int) throws(YAMLError) -> YAMLNode {
        try checkDepth(depth, at: try peek().start)
        var items: [YAMLNode] = []
        while try peek().kind == .blockEntry {
            try take()
            let next = try peek().kind
            let ends = next == .blockEntry || next == .key || next == .blockEnd
            items.append(ends ? emptyNode() : try parseNode(depth: depth + 1))
        }
        return makeNode(.sequence(items), start: start, tag: tag)
    }

    /// `key: value` lines at one indentation, up to the end of the indented block.
    mutating func parseBlockMapping(start: SourcePosition, tag: String?, depth: Int) throws(YAMLError) -> YAMLNode {
        try checkDepth(depth, at: try take().start)
        var builder = YAMLMappingBuilder()
        while true {
            let token = try peek()
            switch token.kind {
            case .key:
                try take()
                let key = try parseNode(depth: depth + 1)
                try expectValueIndicator()
                let next = try peek().kind
                let value = next == .key || next == .blockEnd
                    ? emptyNode() : try parseNode(depth: depth + 1, allowIndentlessSequence: true)
                try builder.add(key: key, value: value)
            case .blockEnd:
                try take()
                return finishMapping(builder, start: start, tag: tag)
            default:
                throw misplaced(token, expected: "a mapping key")
            }
        }
    }

    /// `[a, b, ]`, whose entries may be single-pair mappings (`[a: 1]`).
    mutating func parseFlowSequence(start: SourcePosition, tag: String?, depth: Int) throws(YAMLError) -> YAMLNode {
        let open = try take()
        try checkDepth(depth, at: open.start)
        var items: [YAMLNode] = []
        while try !reachedFlowEnd(open: open) {
            if try peek().kind == .key {
                let key = try take()
                try checkDepth(depth + 1, at: key.start)
                let pairStart = scanner.position(of: key.start)
                var builder = YAMLMappingBuilder()
                try parseFlowKeyValue(into: &builder, depth: depth + 1, closing: .flowSequenceEnd)
                items.append(finishMapping(builder, start: pairStart, tag: nil))
            } else {
                items.append(try parseNode(depth: depth + 1))
            }
            try finishFlowEntry(open: open)
        }
        return makeNode(.sequence(items), start: start, tag: tag)
    }

    /// `{a: 1, b, }`; a key without `:` has an empty value.
    mutating func parseFlowMapping(start: SourcePosition, tag: String?, depth: Int) throws(YAMLError) -> YAMLNode {
        let open = try take()
        try checkDepth(depth, at: open.start)
        var builder = YAMLMappingBuilder()
        while try !reachedFlowEnd(open: open) {
            if try peek().kind == .key {
                try take()
                try parseFlowKeyValue(into: &builder, depth: depth, closing: .flowMappingEnd)
            } else {
                let key = try parseNode(depth: depth + 1)
                try builder.add(key: key, value: emptyNode())
            }
            try finishFlowEntry(open: open)
        }
        return finishMapping(builder, start: start, tag: tag)
    }

    /// After a key token inside a flow collection: the key, `:` and the value (empty before `,`
    /// or the closing bracket), added to `builder`. The entries are at `depth + 1`.
    private mutating func parseFlowKeyValue(into builder: inout YAMLMappingBuilder, depth: Int,
                                            closing: YAMLToken.Kind) throws(YAMLError) {
        let key = try parseNode(depth: depth + 1)
        try expectValueIndicator()
        let next = try peek().kind
        let value = next == .flowEntry || next == closing ? emptyNode() : try parseNode(depth: depth + 1)
        try builder.add(key: key, value: value)
    }

    /// Consumes the `:` after a mapping key.
    private mutating func expectValueIndicator() throws(YAMLError) {
        let token = try peek()
        guard token.kind == .value else {
            throw error("expected ':' after the mapping key, found \(token.description)", at: token.start)
        }
        try take()
    }

    /// Before an entry of the flow collection opened by `open`: true at its closing bracket
    /// (consumed); an error at a `,` with no entry before it or where the collection is not closed.
    private mutating func reachedFlowEnd(open: YAMLToken) throws(YAMLError) -> Bool {
        let token = try peek()
        if token.kind == closingKind(of: open) {
            try take()
            return true
        }
        if token.kind == .flowEntry {
            throw error("expected \(open.kind == .flowSequenceStart ? "a value" : "a mapping key") before ','",
                        at: token.start)
        }
        try rejectUnterminated(token, open: open)
        return false
    }

    /// After an entry: consumes the `,`, or leaves the closing bracket for ``reachedFlowEnd(open:)``.
    private mutating func finishFlowEntry(open: YAMLToken) throws(YAMLError) {
        let token = try peek()
        if token.kind == .flowEntry {
            try take()
            return
        }
        let closing = closingKind(of: open)
        if token.kind == closing { return }
        try rejectUnterminated(token, open: open)
        let (bracket, what) = closing == .flowSequenceEnd ? ("]", "flow sequence") : ("}", "flow mapping")
        throw error("expected ',' or '\(bracket)' in a \(what), found \(token.description)", at: token.start)
    }

    private func closingKind(of open: YAMLToken) -> YAMLToken.Kind {
        open.kind == .flowSequenceStart ? .flowSequenceEnd : .flowMappingEnd
    }

    /// A flow collection still open at the end of the file or at a document marker.
    private mutating func rejectUnterminated(_ token: YAMLToken, open: YAMLToken) throws(YAMLError) {
        switch token.kind {
        case .streamEnd, .documentStart, .documentEnd, .directive:
            let message = open.kind == .flowSequenceStart
                ? "unterminated flow sequence (missing ']')" : "unterminated flow mapping (missing '}')"
            throw error(message, at: open.start)
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

    private mutating func finishMapping(_ builder: YAMLMappingBuilder, start: SourcePosition, tag: String?) -> YAMLNode {
        let (entries, keyIndex) = builder.build()
        return makeNode(.mapping(entries), start: start, tag: tag, keyIndex: keyIndex)
    }
}
