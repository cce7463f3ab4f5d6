extension ShellReader {
    /// Reads one word starting at `pos`: quotes, escapes and expansions are consumed until an unquoted
    /// blank or operator. In `[[ … ]]`, only blanks, newlines and `;` end a word.
    mutating func readWord(doubleBracket: Bool = false) -> (word: ShellWord, local: Range<Int>) {
        let wordStart = pos
        var text: [UInt8] = []
        var quoted = false
        var expansion = false
        var substitutions: [ShellScript] = []
        scan: while pos < end {
            let byte = bytes[pos]
            switch byte {
            case ShellByte.space, ShellByte.tab, ShellByte.newline, ShellByte.semicolon, ShellByte.carriageReturn:
                break scan
            case ShellByte.ampersand, ShellByte.pipe, ShellByte.less, ShellByte.greater, ShellByte.openParen,
                ShellByte.closeParen:
                if doubleBracket {
                    text.append(byte)
                    pos += 1
                    continue
                }
                if byte == ShellByte.less || byte == ShellByte.greater, pos == wordStart, peek(1) == ShellByte.openParen {
                    // Process substitution `<(cmd)` / `>(cmd)`.
                    let open = pos
                    pos += 2
                    if let script = readNestedSubstitution(contentStart: pos, opener: open) {
                        substitutions.append(script)
                    }
                    text.append(contentsOf: bytes[open..<pos])
                    expansion = true
                    continue
                }
                if byte == ShellByte.openParen, opensWordParenGroup(wordStart: wordStart) {
                    readParenGroup(into: &text)
                    continue
                }
                break scan
            case ShellByte.backslash:
                guard pos + 1 < end else {
                    text.append(byte)
                    pos += 1
                    continue
                }
                let next = bytes[pos + 1]
                pos += 2
                if next != ShellByte.newline {
                    text.append(next)
                    quoted = true
                }
            case ShellByte.singleQuote:
                readSingleQuoted(into: &text)
                quoted = true
            case ShellByte.doubleQuote:
                readDoubleQuoted(into: &text, expansion: &expansion, substitutions: &substitutions)
                quoted = true
            case ShellByte.backtick:
                readBackquoted(into: &text, substitutions: &substitutions)
                expansion = true
            case ShellByte.dollar:
                readDollar(
                    into: &text, quoted: &quoted, expansion: &expansion, substitutions: &substitutions,
                    inDoubleQuotes: false)
            default:
                text.append(byte)
                pos += 1
            }
        }
        if pos == wordStart, pos < end {
            // Never return an empty token for a byte the caller routed here: consume it as text.
            text.append(bytes[pos])
            pos += 1
        }
        let local = wordStart..<pos
        let word = ShellWord(
            text: String(decoding: text, as: UTF8.self), raw: String(decoding: bytes[local], as: UTF8.self),
            byteRange: offsets.absolute(local), isQuoted: quoted, hasExpansion: expansion,
            commandSubstitutions: substitutions)
        return (word, local)
    }

    /// True when the `(` at `pos` continues the current word: an array assignment `a=(…)` or an
    /// extended glob `@(…)`, `!(…)`, `+(…)`, `*(…)`, `?(…)`.
    func opensWordParenGroup(wordStart: Int) -> Bool {
        guard pos > wordStart else { return false }
        let previous = bytes[pos - 1]
        switch previous {
        case ShellByte.at, ShellByte.bang, ShellByte.plus, ShellByte.star, ShellByte.question:
            return true
        case ShellByte.equals:
            return ShellByte.assignmentPrefixLength(bytes[wordStart..<pos]) == pos - wordStart
        default:
            return false
        }
    }

    /// Reads a balanced `( … )` group that is part of a word, appending it verbatim.
    mutating func readParenGroup(into text: inout [UInt8]) {
        let open = pos
        if let close = balancedParenEnd(from: open) {
            text.append(contentsOf: bytes[open..<close])
            pos = close
        } else {
            addIssue("unterminated `(` in word", at: open)
            let stop = takeRecovery() ? max(lineEnd(from: open), open + 1) : end
            text.append(contentsOf: bytes[open..<stop])
            pos = stop
        }
    }

    /// Index just after the `)` matching the `(` at `open`, skipping quotes and escapes; nil when unbalanced
    /// before `limit` (default: the end of the input).
    func balancedParenEnd(from open: Int, limit: Int? = nil) -> Int? {
        let end = min(limit ?? self.end, self.end)
        var depth = 0
        var index = open
        while index < end {
            switch bytes[index] {
            case ShellByte.backslash:
                index += 2
            case ShellByte.singleQuote:
                var cursor = index + 1
                while cursor < end, bytes[cursor] != ShellByte.singleQuote { cursor += 1 }
                guard cursor < end else { return nil }
                index = cursor + 1
            case ShellByte.doubleQuote:
                var cursor = index + 1
                while cursor < end, bytes[cursor] != ShellByte.doubleQuote {
                    cursor += bytes[cursor] == ShellByte.backslash ? 2 : 1
                }
                guard cursor < end else { return nil }
                index = cursor + 1
            case ShellByte.openParen:
                depth += 1
                index += 1
            case ShellByte.closeParen:
                depth -= 1
                index += 1
                if depth <= 0 { return index }
            default:
                index += 1
            }
        }
        return nil
    }

    /// Reads `'…'` (no escapes inside), appending the contents.
    mutating func readSingleQuoted(into text: inout [UInt8]) {
        let open = pos
        var cursor = pos + 1
        while cursor < end, bytes[cursor] != ShellByte.singleQuote { cursor += 1 }
        if cursor < end {
            text.append(contentsOf: bytes[(open + 1)..<cursor])
            pos = cursor + 1
            return
        }
        addIssue("unterminated single quote", at: open)
        let stop = takeRecovery() ? lineEnd(from: open) : end
        text.append(contentsOf: bytes[(open + 1)..<max(open + 1, stop)])
        pos = max(open + 1, stop)
    }

    /// Reads `"…"`: backslash escapes only `$`, `` ` ``, `"`, `\` and newline; expansions are recognised.
    mutating func readDoubleQuoted(
        into text: inout [UInt8], expansion: inout Bool, substitutions: inout [ShellScript]
    ) {
        let open = pos
        pos += 1
        guard lexicalDepth < ShellReader.maximumLexicalDepth else {
            addIssue("quoting nested too deeply", at: open)
            text.append(ShellByte.doubleQuote)
            return
        }
        lexicalDepth += 1
        defer { lexicalDepth -= 1 }
        let textMark = text.count
        let substitutionMark = substitutions.count
        var quoted = true
        while pos < end {
            let byte = bytes[pos]
            switch byte {
            case ShellByte.doubleQuote:
                pos += 1
                return
            case ShellByte.backslash:
                guard pos + 1 < end else {
                    text.append(byte)
                    pos += 1
                    continue
                }
                let next = bytes[pos + 1]
                pos += 2
                switch next {
                case ShellByte.newline:
                    break
                case ShellByte.dollar, ShellByte.backtick, ShellByte.doubleQuote, ShellByte.backslash:
                    text.append(next)
                default:
                    text.append(byte)
                    text.append(next)
                }
            case ShellByte.dollar:
                readDollar(
                    into: &text, quoted: &quoted, expansion: &expansion, substitutions: &substitutions,
                    inDoubleQuotes: true)
            case ShellByte.backtick:
                readBackquoted(into: &text, substitutions: &substitutions)
                expansion = true
            default:
                text.append(byte)
                pos += 1
            }
        }
        addIssue("unterminated double quote", at: open)
        guard takeRecovery() else { return }
        // Recover: the string ends at the end of its first line; later lines are read as commands.
        let stop = max(lineEnd(from: open), open + 1)
        text.removeSubrange(min(textMark, text.count)...)
        substitutions.removeSubrange(min(substitutionMark, substitutions.count)...)
        text.append(contentsOf: bytes[(open + 1)..<stop])
        pos = stop
    }
}
