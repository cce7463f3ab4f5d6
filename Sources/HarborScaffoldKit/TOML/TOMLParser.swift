/// Reads TOML 1.0 documents.
public enum TOMLParser {
    /// Parses `source` into its root table.
    ///
    /// Every construct of TOML 1.0 is supported. Invalid documents throw the first error found,
    /// with its line and column. Any input is safe: the parser does not trap or hang, and tables
    /// and arrays nested more than 128 levels deep are reported as an error.
    public static func parse(_ source: SourceText) throws(TOMLError) -> TOMLTable {
        var reader = TOMLReader(source: source)
        try reader.parseDocument()
        return reader.root.makeTable()
    }
}

/// Document structure: lines, headers, keys, key/value pairs, arrays and inline tables.
extension TOMLReader {
    mutating func parseDocument() throws(TOMLError) {
        while true {
            skipWhitespace()
            guard let byte = peek() else { return }
            switch byte {
            case TOMLBytes.newline:
                offset += 1
                continue
            case TOMLBytes.hash:
                try skipComment()
                try expectEndOfLine(after: "comment")
            case TOMLBytes.openBracket:
                try parseHeader()
                try expectEndOfLine(after: "table header")
            default:
                try parseKeyValue(into: current)
                try expectEndOfLine(after: "value")
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    mutating func parseHeader() throws(TOMLError) {
        let start = offset
        let isArray = peek(1) == TOMLBytes.openBracket
        offset += isArray ? 2 : 1
        skipWhitespace()
        let parts = try parseKey()
        skipWhitespace()
        if isArray {
            guard peek() == TOMLBytes.closeBracket, peek(1) == TOMLBytes.closeBracket else {
                let at = peek() == TOMLBytes.closeBracket ? offset + 1 : offset
                throw error("expected ']]' to close the array-of-tables header, found \(describe(at: at))", at: at)
            }
            offset += 2
            try appendArrayTable(parts, header: start..<offset)
        } else {
            guard peek() == TOMLBytes.closeBracket else {
                throw error("expected ']' to close the table header, found \(describe(at: offset))", at: offset)
            }
            offset += 1
            try defineTable(parts, header: start..<offset)
        }
    }

    /// A simple or dotted key, without surrounding whitespace.
    mutating func parseKey() throws(TOMLError) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        while true {
            parts.append(try parseSimpleKey())
            let afterKey = offset
            skipWhitespace()
            guard peek() == TOMLBytes.dot else {
                offset = afterKey
                return parts
            }
            offset += 1
            skipWhitespace()
        }
    }

    /// A bare key, or a basic or literal string used as a key.
    mutating func parseSimpleKey() throws(TOMLError) -> TOMLKeyPart {
        let start = offset
        while let byte = peek(), TOMLBytes.isBareKeyByte(byte) { offset += 1 }
        if offset > start {
            return TOMLKeyPart(name: text(start..<offset), range: start..<offset)
        }
        switch peek() {
        case TOMLBytes.quote?, TOMLBytes.apostrophe?:
            let delimiter = bytes[offset]
            if peek(1) == delimiter, peek(2) == delimiter {
                throw error("multi-line strings cannot be used as keys", at: offset)
            }
            let name = delimiter == TOMLBytes.quote ? try parseBasicString() : try parseLiteralString()
            return TOMLKeyPart(name: name, range: start..<offset)
        default:
            throw error("expected a key, found \(describe(at: offset))", at: offset)
        }
    }

    /// `key = value`, stored into `table`.
    mutating func parseKeyValue(into table: TOMLTableNode) throws(TOMLError) {
        let parts = try parseKey()
        skipWhitespace()
        guard peek() == TOMLBytes.equals else {
            throw error("expected '=' after key", at: offset)
        }
        offset += 1
        skipWhitespace()
        let target = try resolveDottedKey(parts, in: table)
        guard let part = parts.last else { return }
        let valueStart = offset
        let value = try parseValue(depth: target.depth + 1)
        target.add(.init(key: part.name, slot: .value(value), keyRange: sourceRange(part.range),
                         valueRange: sourceRange(valueStart..<offset), definedAt: part.range.lowerBound))
    }

    /// Any value. `depth` is the nesting depth the value has if it is an array or table.
    mutating func parseValue(depth: Int) throws(TOMLError) -> TOMLValue {
        guard let byte = peek() else {
            throw error("expected a value, found end of file", at: offset)
        }
        switch byte {
        case TOMLBytes.quote:
            if peek(1) == TOMLBytes.quote, peek(2) == TOMLBytes.quote { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case TOMLBytes.apostrophe:
            if peek(1) == TOMLBytes.apostrophe, peek(2) == TOMLBytes.apostrophe { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case TOMLBytes.openBracket:
            return try parseArray(depth: depth)
        case TOMLBytes.openBrace:
            return .table(try parseInlineTable(depth: depth))
        default:
            if TOMLBytes.isScalarTokenByte(byte) { return try parseScalar() }
            throw error("expected a value, found \(describe(at: offset))", at: offset)
        }
    }

    /// `[ v1, v2, ... ]`, possibly over several lines, with comments and a trailing comma.
    mutating func parseArray(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = offset
        try checkDepth(depth, at: start)
        offset += 1
        var elements: [TOMLValue] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            guard let byte = peek() else {
                throw error("unterminated array (missing ']')", at: start)
            }
            if byte == TOMLBytes.closeBracket {
                offset += 1
                return .array(elements)
            }
            if byte == TOMLBytes.comma {
                throw error("expected a value before ',' in array", at: offset)
            }
            elements.append(try parseValue(depth: depth + 1))
            try skipWhitespaceCommentsAndNewlines()
            switch peek() {
            case TOMLBytes.comma?:
                offset += 1
            case TOMLBytes.closeBracket?:
                offset += 1
                return .array(elements)
            case nil:
                throw error("unterminated array (missing ']')", at: start)
            default:
                throw error("expected ',' or ']' in array, found \(describe(at: offset))", at: offset)
            }
        }
    }

    /// `{ k = v, ... }` on one line, without a trailing comma.
    mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLTable {
        let start = offset
        try checkDepth(depth, at: start)
        offset += 1
        let table = TOMLTableNode(kind: .root, depth: depth, definedAt: start)
        skipWhitespace()
        if peek() == TOMLBytes.closeBrace {
            offset += 1
            return table.makeTable()
        }
        var lastComma: Int?
        while true {
            skipWhitespace()
            switch peek() {
            case nil:
                throw error("unterminated inline table (missing '}')", at: start)
            case TOMLBytes.newline?, TOMLBytes.hash?:
                throw error("newlines and comments are not allowed inside an inline table", at: offset)
            case TOMLBytes.closeBrace?:
                throw error("trailing comma is not allowed in an inline table", at: lastComma ?? offset)
            default:
                break
            }
            try parseKeyValue(into: table)
            skipWhitespace()
            switch peek() {
            case TOMLBytes.comma?:
                lastComma = offset
                offset += 1
            case TOMLBytes.closeBrace?:
                offset += 1
                return table.makeTable()
            case nil:
                throw error("unterminated inline table (missing '}')", at: start)
            case TOMLBytes.newline?, TOMLBytes.hash?:
                throw error("newlines and comments are not allowed inside an inline table", at: offset)
            default:
                throw error("expected ',' or '}' in inline table, found \(describe(at: offset))", at: offset)
            }
        }
    }
}
