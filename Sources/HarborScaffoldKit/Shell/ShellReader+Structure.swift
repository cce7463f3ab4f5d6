extension ShellReader {
    static let compoundOpeners: Set<String> = ["if", "while", "until", "for", "select", "case", "{"]

    // MARK: - Words in each phase

    mutating func handleWord() {
        guard let phase = frames.last?.phase else { return }
        switch phase {
        case .forHeader:
            let (word, _) = readWord()
            if word.isLiteral, word.raw == "do" {
                endPipeline(conditional: false)
                frames[frames.count - 1].phase = .list
                pendingPreceding = nil
            } else {
                appendHeaderWord(word)
            }
        case .caseSubject:
            let (word, _) = readWord()
            if word.isLiteral, word.raw == "in", let index = frames.last?.compoundIndex, index >= 0,
                !compounds[index].words.isEmpty
            {
                frames[frames.count - 1].phase = .casePatterns
            } else {
                appendHeaderWord(word)
            }
        case .casePatterns:
            let (word, _) = readWord()
            if word.isLiteral, word.raw == "esac" {
                closeTop(terminated: true)
            } else {
                appendHeaderWord(word)
            }
        case .functionName:
            let (word, _) = readWord()
            let index = frames[frames.count - 1].compoundIndex
            if index >= 0, index < compounds.count {
                compounds[index].words = [word]
                compounds[index].name = word.text
            }
            frames[frames.count - 1].phase = .functionAwaitingBody
        case .functionAwaitingBody:
            let (word, local) = readWord()
            if word.isLiteral, word.raw == "{" {
                frames[frames.count - 1].phase = .list
                frames[frames.count - 1].closer = .brace
                frames[frames.count - 1].pipelineStart = commands.count
                pendingPreceding = nil
            } else if word.isLiteral, ShellReader.compoundOpeners.contains(word.raw) {
                frames[frames.count - 1].phase = .list
                frames[frames.count - 1].closesWithChild = true
                _ = handleReservedWord(word, local: local)
            } else {
                addIssue("function definition without a body", at: local.lowerBound)
                closeTop(terminated: false)
                handleCommandWord(word, local: local)
            }
        case .list, .condition, .caseBody:
            let (word, local) = readWord()
            handleCommandWord(word, local: local)
        }
    }

    mutating func appendHeaderWord(_ word: ShellWord) {
        guard let index = frames.last?.compoundIndex, index >= 0, index < compounds.count else { return }
        compounds[index].words.append(word)
    }

    /// Handles a word read in a command list: an I/O number, a reserved word, `[[`, or a command word.
    mutating func handleCommandWord(_ word: ShellWord, local: Range<Int>) {
        if !word.isQuoted, !word.raw.isEmpty, word.raw.utf8.allSatisfy(ShellByte.isDigit),
            let next = peek(0), next == ShellByte.less || next == ShellByte.greater
        {
            readRedirection(fileDescriptor: Int(word.raw), start: local.lowerBound)
            return
        }
        if builder == nil {
            if word.isLiteral, handleReservedWord(word, local: local) { return }
            if word.isLiteral, word.raw == "[[" {
                addWord(word, local: local)
                inDoubleBracket = true
                return
            }
        }
        addWord(word, local: local)
    }

    // MARK: - Reserved words

    /// Handles `word` as a reserved word at command position; false when it is an ordinary word.
    mutating func handleReservedWord(_ word: ShellWord, local: Range<Int>) -> Bool {
        let top = frames.count - 1
        guard top >= 0 else { return false }
        let frame = frames[top]
        switch word.raw {
        case "if":
            pushFrame(.ifClause, phase: .condition, closer: .keyword, keyword: local)
        case "while":
            pushFrame(.whileLoop, phase: .condition, closer: .keyword, keyword: local)
        case "until":
            pushFrame(.untilLoop, phase: .condition, closer: .keyword, keyword: local)
        case "for":
            pushFrame(.forLoop, phase: .forHeader, closer: .keyword, keyword: local)
        case "select":
            pushFrame(.selectLoop, phase: .forHeader, closer: .keyword, keyword: local)
        case "case":
            pushFrame(.caseClause, phase: .caseSubject, closer: .keyword, keyword: local)
        case "function":
            pushFrame(.function, phase: .functionName, closer: .keyword, keyword: local)
        case "{":
            pushFrame(.braceGroup, phase: .list, closer: .brace, keyword: local)
        case "!":
            frames[top].negated.toggle()
        case "then":
            guard frame.kind == .ifClause, frame.phase == .condition else {
                addIssue("unexpected `then`", at: local.lowerBound)
                return true
            }
            addClause(.then, at: local)
            switchPhase(to: .list)
        case "elif":
            guard frame.kind == .ifClause, frame.phase == .list else {
                addIssue("unexpected `elif`", at: local.lowerBound)
                return true
            }
            addClause(.elif, at: local)
            switchPhase(to: .condition)
        case "else":
            guard frame.kind == .ifClause, frame.phase == .list else {
                addIssue("unexpected `else`", at: local.lowerBound)
                return true
            }
            addClause(.else, at: local)
            switchPhase(to: .list)
        case "do":
            guard frame.kind == .whileLoop || frame.kind == .untilLoop, frame.phase == .condition else {
                addIssue("unexpected `do`", at: local.lowerBound)
                return true
            }
            addClause(.do, at: local)
            switchPhase(to: .list)
        case "fi":
            closeFrame(matching: { $0.kind == .ifClause }, keyword: "fi", at: local.lowerBound)
        case "done":
            closeFrame(
                matching: {
                    ($0.kind == .whileLoop || $0.kind == .untilLoop || $0.kind == .forLoop || $0.kind == .selectLoop)
                        && $0.phase == .list
                }, keyword: "done", at: local.lowerBound)
        case "esac":
            closeFrame(matching: { $0.kind == .caseClause }, keyword: "esac", at: local.lowerBound)
        case "}":
            closeFrame(matching: { $0.closer == .brace }, keyword: "}", at: local.lowerBound)
        default:
            return false
        }
        return true
    }

    /// Records where a clause of the innermost compound starts.
    mutating func addClause(_ kind: ShellClause.Kind, at local: Range<Int>) {
        guard let index = frames.last?.compoundIndex, index >= 0, index < compounds.count else { return }
        compounds[index].clauses.append(ShellClause(kind: kind, byteRange: offsets.absolute(local)))
    }

    mutating func switchPhase(to phase: ShellFrame.Phase) {
        endPipeline(conditional: false)
        if frames[frames.count - 1].phase == .condition { conditionFrames -= 1 }
        if phase == .condition { conditionFrames += 1 }
        frames[frames.count - 1].phase = phase
        pendingPreceding = nil
        awaitingContinuation = false
        lastClosedCompound = nil
    }

    mutating func pushFrame(
        _ kind: ShellCompoundKind, phase: ShellFrame.Phase, closer: ShellFrame.Closer, keyword: Range<Int>,
        words: [ShellWord] = [], name: String? = nil
    ) {
        let absolute = offsets.absolute(keyword)
        compounds.append(
            ShellCompound(
                kind: kind, keywordByteRange: absolute, byteRange: absolute, words: words, name: name,
                commandIndices: commands.count..<commands.count, depth: frames.count - 1))
        if phase == .condition { conditionFrames += 1 }
        frames.append(
            ShellFrame(
                kind: kind, phase: phase, compoundIndex: compounds.count - 1, startLocal: keyword.lowerBound,
                closer: closer, pipelineStart: commands.count))
        pendingPreceding = nil
        awaitingContinuation = false
        lastClosedCompound = nil
    }

    /// Closes the innermost frame satisfying `matches`, closing (as unterminated) any frame opened inside it.
    mutating func closeFrame(matching matches: (ShellFrame) -> Bool, keyword: String, at local: Int) {
        guard let target = frames.indices.dropFirst().last(where: { matches(frames[$0]) }) else {
            addIssue("unexpected `\(keyword)`", at: local)
            return
        }
        while frames.count - 1 > target { closeTop(terminated: false) }
        closeTop(terminated: true)
    }

    /// Closes the innermost open compound at `pos` (and a function whose body it was).
    mutating func closeTop(terminated: Bool) {
        let isTerminated = terminated
        while frames.count > 1 {
            finishCommand(following: nil)
            endPipeline(conditional: false)
            let frame = frames.removeLast()
            if frame.phase == .condition { conditionFrames -= 1 }
            let index = frame.compoundIndex
            if index >= 0, index < compounds.count {
                let lower = min(compounds[index].commandIndices.lowerBound, commands.count)
                compounds[index].commandIndices = lower..<commands.count
                compounds[index].byteRange = offsets.absolute(frame.startLocal..<max(frame.startLocal, pos))
                compounds[index].isTerminated = isTerminated
                if !isTerminated {
                    addIssue("`\(compounds[index].kind.rawValue)` is not closed", at: frame.startLocal)
                }
                lastClosedCompound = index
            }
            pendingPreceding = nil
            awaitingContinuation = false
            // When this was a function's body compound, the function ends with it.
            guard let parent = frames.last, frames.count > 1, parent.closesWithChild else { return }
        }
    }

    // MARK: - Parentheses

    mutating func handleOpenParen() {
        let open = pos
        guard let phase = frames.last?.phase else {
            pos += 1
            return
        }
        switch phase {
        case .casePatterns:
            pos += 1
            return
        case .forHeader:
            if peek(1) == ShellByte.openParen, let close = arithmeticCommandEnd(from: open) {
                let (word, _) = makeVerbatimWord(open..<close)
                appendHeaderWord(word)
                pos = close
            } else {
                addIssue("unexpected `(`", at: open)
                pos += 1
            }
            return
        case .functionAwaitingBody:
            if let close = emptyParenEnd(after: open) {
                pos = close
            } else {
                pos += 1
                frames[frames.count - 1].phase = .list
                frames[frames.count - 1].closer = .paren
                frames[frames.count - 1].pipelineStart = commands.count
                pendingPreceding = nil
            }
            return
        case .caseSubject, .functionName:
            addIssue("unexpected `(`", at: open)
            pos += 1
            return
        case .list, .condition, .caseBody:
            break
        }
        if let current = builder {
            if current.words.count == 1, current.assignments.isEmpty, current.redirections.isEmpty,
                let close = emptyParenEnd(after: open), let nameWord = current.words.first
            {
                // `name() body`: a function definition.
                builder = nil
                pos = close
                let nameLocal = current.startLocal..<current.endLocal
                pushFrame(
                    .function, phase: .functionAwaitingBody, closer: .keyword, keyword: nameLocal, words: [nameWord],
                    name: nameWord.text)
                return
            }
            addIssue("unexpected `(`", at: open)
            pos += 1
            return
        }
        if peek(1) == ShellByte.openParen, let close = arithmeticCommandEnd(from: open) {
            // `(( expression ))`
            startCommand(at: open)
            let inner = (open + 2)..<(close - 2)
            addWord(makeVerbatimWord(open..<(open + 2)).word, local: open..<(open + 2))
            addWord(makeVerbatimWord(inner).word, local: inner)
            addWord(makeVerbatimWord((close - 2)..<close).word, local: (close - 2)..<close)
            pos = close
            return
        }
        pos += 1
        pushFrame(.subshell, phase: .list, closer: .paren, keyword: open..<(open + 1))
    }

    /// For `((…))`, the index after the final `))` when the inner parentheses match as a pair on the
    /// same line (the search is limited to the line so that unbalanced input stays linear).
    func arithmeticCommandEnd(from open: Int) -> Int? {
        let limit = lineEnd(from: open)
        guard let close = balancedParenEnd(from: open, limit: limit), close - 2 >= open + 2,
            let innerClose = balancedParenEnd(from: open + 1, limit: limit), innerClose == close - 1
        else { return nil }
        return close
    }

    /// When only blanks separate the `(` at `open` from a `)`, the index after that `)`.
    func emptyParenEnd(after open: Int) -> Int? {
        var cursor = open + 1
        while cursor < end, ShellByte.isBlank(bytes[cursor]) { cursor += 1 }
        return cursor < end && bytes[cursor] == ShellByte.closeParen ? cursor + 1 : nil
    }

    mutating func handleCloseParen() {
        let close = pos
        guard let top = frames.last else {
            pos += 1
            return
        }
        if top.phase == .casePatterns {
            addClause(.caseItem, at: close..<(close + 1))
            pos += 1
            frames[frames.count - 1].phase = .caseBody
            frames[frames.count - 1].pipelineStart = commands.count
            pendingPreceding = nil
            return
        }
        if let target = frames.indices.dropFirst().last(where: { frames[$0].closer == .paren }) {
            finishCommand(following: nil)
            while frames.count - 1 > target { closeTop(terminated: false) }
            pos += 1
            closeTop(terminated: true)
            return
        }
        if closesOnParen {
            finishCommand(following: nil)
            while frames.count > 1 { closeTop(terminated: false) }
            closedByParen = true
            pos += 1
            return
        }
        addIssue("unexpected `)`", at: close)
        finishCommand(following: nil)
        endPipeline(conditional: false)
        pos += 1
    }

    /// A word whose text is exactly its source bytes (used for `((…))` pieces).
    func makeVerbatimWord(_ local: Range<Int>) -> (word: ShellWord, local: Range<Int>) {
        let lower = max(start, min(local.lowerBound, end))
        let upper = max(lower, min(local.upperBound, end))
        let text = String(decoding: bytes[lower..<upper], as: UTF8.self)
        return (ShellWord(text: text, raw: text, byteRange: offsets.absolute(lower..<upper), hasExpansion: false), lower..<upper)
    }

    // MARK: - [[ … ]]

    mutating func readDoubleBracketToken() {
        guard builder != nil else {
            inDoubleBracket = false
            return
        }
        let byte = bytes[pos]
        if ShellByte.isBlank(byte) || byte == ShellByte.carriageReturn {
            pos += 1
            return
        }
        if byte == ShellByte.backslash, peek(1) == ShellByte.newline {
            pos += 2
            return
        }
        if byte == ShellByte.newline || byte == ShellByte.semicolon {
            let last = builder?.words.last?.raw
            if byte == ShellByte.newline, last == "&&" || last == "||" {
                pos += 1
                return
            }
            addIssue("`[[` without matching `]]`", at: builder?.startLocal ?? pos)
            inDoubleBracket = false
            return
        }
        if byte == ShellByte.closeBracket, peek(1) == ShellByte.closeBracket {
            let after = peek(2)
            if after == nil || ShellByte.isWhitespace(after ?? 0) || after == ShellByte.semicolon
                || after == ShellByte.ampersand || after == ShellByte.pipe || after == ShellByte.closeParen
            {
                let local = pos..<(pos + 2)
                addWord(makeVerbatimWord(local).word, local: local)
                pos += 2
                inDoubleBracket = false
                return
            }
        }
        let (word, local) = readWord(doubleBracket: true)
        addWord(word, local: local)
    }
}
