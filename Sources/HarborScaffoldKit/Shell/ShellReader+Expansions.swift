extension ShellReader {
    /// Reads a `$` construct: `$'…'`, `$"…"`, `$((…))`, `$(…)`, `${…}`, `$[…]`, `$name`, `$1`, `$@`…
    /// or a literal `$`.
    mutating func readDollar(
        into text: inout [UInt8], quoted: inout Bool, expansion: inout Bool, substitutions: inout [ShellScript],
        inDoubleQuotes: Bool
    ) {
        let dollar = pos
        guard let next = peek(1) else {
            text.append(ShellByte.dollar)
            pos += 1
            return
        }
        switch next {
        case ShellByte.singleQuote where !inDoubleQuotes:
            quoted = true
            readANSICQuoted(into: &text)
        case ShellByte.doubleQuote where !inDoubleQuotes:
            pos += 1
            quoted = true
            readDoubleQuoted(into: &text, expansion: &expansion, substitutions: &substitutions)
        case ShellByte.openParen:
            expansion = true
            if peek(2) == ShellByte.openParen {
                readArithmeticExpansion(into: &text)
            } else {
                pos += 2
                if let script = readNestedSubstitution(contentStart: pos, opener: dollar) {
                    substitutions.append(script)
                }
                text.append(contentsOf: bytes[dollar..<pos])
            }
        case ShellByte.openBrace:
            expansion = true
            readParameterExpansion(into: &text, substitutions: &substitutions, inDoubleQuotes: inDoubleQuotes)
        case ShellByte.openBracket:
            // Obsolete arithmetic `$[ … ]`.
            var cursor = pos + 2
            while cursor < end, bytes[cursor] != ShellByte.closeBracket, bytes[cursor] != ShellByte.newline {
                cursor += 1
            }
            if cursor < end, bytes[cursor] == ShellByte.closeBracket {
                expansion = true
                text.append(contentsOf: bytes[dollar...cursor])
                pos = cursor + 1
            } else {
                text.append(ShellByte.dollar)
                pos += 1
            }
        default:
            if ShellByte.isNameStart(next) {
                var cursor = pos + 2
                while cursor < end, ShellByte.isNameCharacter(bytes[cursor]) { cursor += 1 }
                expansion = true
                text.append(contentsOf: bytes[dollar..<cursor])
                pos = cursor
            } else if ShellByte.isDigit(next) || Self.isSpecialParameter(next) {
                expansion = true
                text.append(contentsOf: bytes[dollar...(dollar + 1)])
                pos += 2
            } else {
                text.append(ShellByte.dollar)
                pos += 1
            }
        }
    }

    static func isSpecialParameter(_ byte: UInt8) -> Bool {
        switch byte {
        case ShellByte.at, ShellByte.star, ShellByte.hash, ShellByte.question, ShellByte.minus, ShellByte.dollar,
            ShellByte.bang:
            true
        default: false
        }
    }

    /// Reads `$((…))` verbatim (arithmetic is not parsed).
    mutating func readArithmeticExpansion(into text: inout [UInt8]) {
        let dollar = pos
        if let close = balancedParenEnd(from: dollar + 1) {
            text.append(contentsOf: bytes[dollar..<close])
            pos = close
            return
        }
        addIssue("unterminated `$((`", at: dollar)
        let stop = takeRecovery() ? max(lineEnd(from: dollar), dollar + 1) : end
        text.append(contentsOf: bytes[dollar..<stop])
        pos = stop
    }

    /// Reads `${…}` verbatim, collecting command substitutions inside (`${X:-$(cmd)}`).
    mutating func readParameterExpansion(
        into text: inout [UInt8], substitutions: inout [ShellScript], inDoubleQuotes: Bool
    ) {
        let open = pos
        pos += 2
        guard lexicalDepth < ShellReader.maximumLexicalDepth else {
            addIssue("expansion nested too deeply", at: open)
            text.append(contentsOf: bytes[open..<pos])
            return
        }
        lexicalDepth += 1
        defer { lexicalDepth -= 1 }
        var depth = 1
        var scratch: [UInt8] = []
        var scratchQuoted = false
        var scratchExpansion = false
        scan: while pos < end {
            let byte = bytes[pos]
            switch byte {
            case ShellByte.backslash:
                pos = min(pos + 2, end)
            case ShellByte.closeBrace:
                depth -= 1
                pos += 1
                if depth == 0 {
                    text.append(contentsOf: bytes[open..<pos])
                    return
                }
            case ShellByte.newline:
                break scan
            case ShellByte.dollar:
                if peek(1) == ShellByte.openBrace {
                    depth += 1
                    pos += 2
                } else {
                    readDollar(
                        into: &scratch, quoted: &scratchQuoted, expansion: &scratchExpansion,
                        substitutions: &substitutions, inDoubleQuotes: true)
                }
            case ShellByte.backtick:
                readBackquoted(into: &scratch, substitutions: &substitutions)
            case ShellByte.singleQuote where !inDoubleQuotes:
                var cursor = pos + 1
                while cursor < end, bytes[cursor] != ShellByte.singleQuote { cursor += 1 }
                guard cursor < end else { break scan }
                pos = cursor + 1
            case ShellByte.doubleQuote:
                readDoubleQuoted(into: &scratch, expansion: &scratchExpansion, substitutions: &substitutions)
            default:
                pos += 1
            }
        }
        addIssue("unterminated `${`", at: open)
        let stop = takeRecovery() ? max(lineEnd(from: open), open + 2) : max(pos, open + 2)
        pos = min(max(stop, open + 2), end)
        text.append(contentsOf: bytes[open..<pos])
    }

    /// Reads `$'…'` with C-style escapes.
    mutating func readANSICQuoted(into text: inout [UInt8]) {
        let dollar = pos
        var cursor = pos + 2
        while cursor < end {
            let byte = bytes[cursor]
            if byte == ShellByte.singleQuote {
                pos = cursor + 1
                return
            }
            if byte == ShellByte.backslash, cursor + 1 < end {
                let next = bytes[cursor + 1]
                switch next {
                case UInt8(ascii: "n"): text.append(ShellByte.newline)
                case UInt8(ascii: "t"): text.append(ShellByte.tab)
                case UInt8(ascii: "r"): text.append(ShellByte.carriageReturn)
                case UInt8(ascii: "a"): text.append(0x07)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "e"), UInt8(ascii: "E"): text.append(0x1B)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "v"): text.append(0x0B)
                case ShellByte.backslash, ShellByte.singleQuote, ShellByte.doubleQuote, ShellByte.question:
                    text.append(next)
                default:
                    text.append(byte)
                    text.append(next)
                }
                cursor += 2
                continue
            }
            text.append(byte)
            cursor += 1
        }
        addIssue("unterminated `$'` string", at: dollar)
        pos = takeRecovery() ? max(lineEnd(from: dollar), dollar + 2) : end
        pos = min(pos, end)
    }

    /// Reads `` `…` ``: the contents (with `\$`, `` \` `` and `\\` unescaped) are parsed as a nested script.
    mutating func readBackquoted(into text: inout [UInt8], substitutions: inout [ShellScript]) {
        let open = pos
        var cursor = pos + 1
        var hasEscape = false
        while cursor < end, bytes[cursor] != ShellByte.backtick {
            if bytes[cursor] == ShellByte.backslash {
                hasEscape = true
                cursor += 2
            } else {
                cursor += 1
            }
        }
        guard cursor < end else {
            addIssue("unterminated backquote", at: open)
            let stop = takeRecovery() ? max(lineEnd(from: open), open + 1) : end
            text.append(contentsOf: bytes[open..<stop])
            pos = stop
            return
        }
        let close = cursor
        if let script = readBackquoteContents(from: open + 1, to: close, hasEscape: hasEscape) {
            substitutions.append(script)
        } else {
            addIssue("command substitution nested too deeply", at: open)
        }
        text.append(contentsOf: bytes[open...close])
        pos = close + 1
    }

    func readBackquoteContents(from contentStart: Int, to contentEnd: Int, hasEscape: Bool) -> ShellScript? {
        guard substitutionDepth + 1 <= ShellParser.maximumSubstitutionDepth,
            lexicalDepth < ShellReader.maximumLexicalDepth
        else { return nil }
        if !hasEscape {
            var nested = ShellReader(
                bytes: bytes, start: contentStart, end: contentEnd, offsets: offsets,
                substitutionDepth: substitutionDepth + 1,
                lexicalDepth: lexicalDepth + 1, recoveryBudget: recoveryBudget)
            nested.run()
            return nested.makeScript(from: contentStart, to: contentEnd)
        }
        var unescaped: [UInt8] = []
        var indices: [Int] = []
        var cursor = contentStart
        while cursor < contentEnd {
            if bytes[cursor] == ShellByte.backslash, cursor + 1 < contentEnd {
                let next = bytes[cursor + 1]
                if next == ShellByte.dollar || next == ShellByte.backtick || next == ShellByte.backslash {
                    unescaped.append(next)
                    indices.append(cursor + 1)
                    cursor += 2
                    continue
                }
            }
            unescaped.append(bytes[cursor])
            indices.append(cursor)
            cursor += 1
        }
        let map = offsets.composed(with: indices, endIndex: contentEnd)
        var nested = ShellReader(
            bytes: unescaped, start: 0, end: unescaped.count, offsets: map, substitutionDepth: substitutionDepth + 1,
            lexicalDepth: lexicalDepth + 1, recoveryBudget: recoveryBudget)
        nested.run()
        return nested.makeScript(from: 0, to: unescaped.count)
    }

    /// Reads the contents of `$(…)` or `<(…)` starting at `contentStart` with a nested reader, leaving
    /// `pos` after the closing `)`. Returns nil (after skipping the text) when nested too deeply.
    mutating func readNestedSubstitution(contentStart: Int, opener: Int) -> ShellScript? {
        guard substitutionDepth + 1 <= ShellParser.maximumSubstitutionDepth,
            lexicalDepth < ShellReader.maximumLexicalDepth
        else {
            addIssue("command substitution nested too deeply", at: opener)
            pos = balancedParenEnd(from: contentStart - 1) ?? end
            return nil
        }
        var nested = ShellReader(
            bytes: bytes, start: contentStart, end: end, offsets: offsets, substitutionDepth: substitutionDepth + 1,
            closesOnParen: true, lexicalDepth: lexicalDepth + 1, recoveryBudget: recoveryBudget)
        nested.run()
        let contentEnd = nested.closedByParen ? max(contentStart, nested.pos - 1) : nested.pos
        if !nested.closedByParen { addIssue("unterminated command substitution", at: opener) }
        pos = max(nested.pos, contentStart)
        return nested.makeScript(from: contentStart, to: contentEnd)
    }
}
