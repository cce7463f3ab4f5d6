/// How many more times one parse may rewind to recover from an unterminated construct.
final class ShellRecoveryBudget {
    private var remaining = 32

    /// Uses one rewind; false once none are left.
    func take() -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}

/// The shell reader's state machine: tokenises UTF-8 bytes and groups tokens into simple commands and
/// compounds in a single pass. Command substitutions are read by nested readers sharing the bytes.
struct ShellReader {
    let bytes: [UInt8]
    var pos: Int
    let start: Int
    let end: Int
    let offsets: ShellOffsetMap
    let substitutionDepth: Int
    /// True for a `$( … )` / `<( … )` reader, which stops at its unmatched `)`.
    let closesOnParen: Bool
    var closedByParen = false

    var commands: [ShellCommand] = []
    var compounds: [ShellCompound] = []
    var comments: [ShellComment] = []
    var issues: [ShellIssue] = []
    var frames: [ShellFrame]
    /// Number of open frames in the `condition` phase (kept up to date by every phase change).
    var conditionFrames = 0
    var builder: ShellCommandBuilder?
    var pendingPreceding: ShellOperator?
    var lastClosedCompound: Int?
    /// True after `&&`, `||` or `|`, where a newline does not end the list.
    var awaitingContinuation = false
    var inDoubleBracket = false
    var pendingHeredocs: [ShellPendingHeredoc] = []
    var heredocSlots: [ShellHeredoc?] = []
    var heredocTargets: [ShellHeredocTarget] = []
    /// Rewinding after an unterminated construct re-reads text; the budget, shared by every nested
    /// reader of one parse, bounds how often that happens so reading stays linear.
    let recoveryBudget: ShellRecoveryBudget
    /// Depth of nested quoting constructs and substitutions (`"${x:-"$(y)"}"`), counted across nested
    /// readers and bounded so that recursion cannot exhaust the stack.
    var lexicalDepth = 0

    static let maximumLexicalDepth = 48

    init(
        bytes: [UInt8], start: Int, end: Int, offsets: ShellOffsetMap, substitutionDepth: Int,
        closesOnParen: Bool = false, lexicalDepth: Int = 0, recoveryBudget: ShellRecoveryBudget = ShellRecoveryBudget()
    ) {
        self.bytes = bytes
        self.start = max(0, min(start, bytes.count))
        self.pos = self.start
        self.end = max(self.start, min(end, bytes.count))
        self.offsets = offsets
        self.substitutionDepth = substitutionDepth
        self.closesOnParen = closesOnParen
        self.lexicalDepth = lexicalDepth
        self.recoveryBudget = recoveryBudget
        self.frames = [ShellFrame(kind: nil, phase: .list, compoundIndex: -1, startLocal: start, closer: .keyword, pipelineStart: 0)]
    }

    // MARK: - Main loop

    mutating func run() {
        while pos < end, !closedByParen {
            let byte = bytes[pos]
            if inDoubleBracket {
                readDoubleBracketToken()
                continue
            }
            switch byte {
            case ShellByte.space, ShellByte.tab, ShellByte.carriageReturn:
                pos += 1
            case ShellByte.backslash where peek(1) == ShellByte.newline:
                pos += 2
            case ShellByte.newline:
                pos += 1
                readHeredocBodies()
                handleOperator(.newline, at: pos - 1, length: 0)
            case ShellByte.hash:
                readComment()
            case ShellByte.semicolon:
                if peek(1) == ShellByte.semicolon {
                    if peek(2) == ShellByte.ampersand {
                        handleOperator(.caseContinue, at: pos, length: 3)
                    } else {
                        handleOperator(.caseBreak, at: pos, length: 2)
                    }
                } else if peek(1) == ShellByte.ampersand {
                    handleOperator(.caseFallthrough, at: pos, length: 2)
                } else {
                    handleOperator(.semicolon, at: pos, length: 1)
                }
            case ShellByte.ampersand:
                if peek(1) == ShellByte.ampersand {
                    handleOperator(.and, at: pos, length: 2)
                } else if peek(1) == ShellByte.greater {
                    readRedirection(fileDescriptor: nil, start: pos)
                } else {
                    handleOperator(.background, at: pos, length: 1)
                }
            case ShellByte.pipe:
                if peek(1) == ShellByte.pipe {
                    handleOperator(.or, at: pos, length: 2)
                } else if peek(1) == ShellByte.ampersand {
                    handleOperator(.pipeAll, at: pos, length: 2)
                } else {
                    handleOperator(.pipe, at: pos, length: 1)
                }
            case ShellByte.openParen:
                handleOpenParen()
            case ShellByte.closeParen:
                handleCloseParen()
            case ShellByte.less, ShellByte.greater:
                if peek(1) == ShellByte.openParen {
                    handleWord()
                } else {
                    readRedirection(fileDescriptor: nil, start: pos)
                }
            default:
                handleWord()
            }
        }
        finish()
    }

    /// The byte `distance` bytes after the current one, or nil past the end.
    func peek(_ distance: Int) -> UInt8? {
        let index = pos + distance
        return index < end ? bytes[index] : nil
    }

    /// Index of the first newline at or after `index`, or `end`.
    func lineEnd(from index: Int) -> Int {
        var cursor = max(index, start)
        while cursor < end, bytes[cursor] != ShellByte.newline { cursor += 1 }
        return cursor
    }

    mutating func addIssue(_ message: String, at local: Int) {
        issues.append(ShellIssue(message: message, byteOffset: offsets.absolute(local)))
    }

    /// Consumes one unit of the rewind budget; false once it is spent.
    func takeRecovery() -> Bool {
        recoveryBudget.take()
    }

    mutating func readComment() {
        let commentStart = pos
        let commentEnd = lineEnd(from: pos)
        comments.append(
            ShellComment(
                text: String(decoding: bytes[commentStart..<commentEnd], as: UTF8.self),
                byteRange: offsets.absolute(commentStart..<commentEnd)))
        pos = commentEnd
    }

    // MARK: - Operators

    mutating func handleOperator(_ op: ShellOperator, at local: Int, length: Int) {
        // The caller has already moved past a newline (and any here-document bodies after it).
        if op != .newline { pos = local + length }
        guard let phase = frames.last?.phase else { return }
        switch phase {
        case .forHeader, .caseSubject, .functionName:
            if op != .semicolon && op != .newline { addIssue("unexpected `\(op.rawValue)`", at: local) }
            return
        case .casePatterns:
            if op != .pipe && op != .newline { addIssue("unexpected `\(op.rawValue)` in case pattern", at: local) }
            return
        case .functionAwaitingBody:
            if op == .newline { return }
            addIssue("function definition without a body", at: local)
            closeTop(terminated: false)
        case .list, .condition, .caseBody:
            break
        }
        if op == .newline {
            if awaitingContinuation { return }
            let commandEnded = !(builder?.isEmpty ?? true)
            let elementEnded = commandEnded || lastClosedCompound != nil
            finishCommand(following: commandEnded ? .newline : nil)
            endPipeline(conditional: false)
            if elementEnded { pendingPreceding = .newline }
            lastClosedCompound = nil
            return
        }
        if op == .caseBreak || op == .caseFallthrough || op == .caseContinue {
            finishCommand(following: op)
            endPipeline(conditional: false)
            lastClosedCompound = nil
            pendingPreceding = nil
            awaitingContinuation = false
            if let top = frames.last, top.kind == .caseClause, top.phase == .caseBody {
                frames[frames.count - 1].phase = .casePatterns
            } else {
                addIssue("`\(op.rawValue)` outside a case item", at: local)
            }
            return
        }
        finishCommand(following: op)
        lastClosedCompound = nil
        switch op {
        case .pipe, .pipeAll:
            frames[frames.count - 1].hasPipe = true
            awaitingContinuation = true
        case .and, .or:
            endPipeline(conditional: true)
            awaitingContinuation = true
        default:
            endPipeline(conditional: false)
            awaitingContinuation = false
        }
        pendingPreceding = op
    }

    /// Ends the pipeline of the innermost open list: marks pipeline membership, negation and (for the
    /// left side of `&&` / `||`) the conditional context on every command read since it started.
    mutating func endPipeline(conditional: Bool) {
        guard let frame = frames.last else { return }
        let lower = min(frame.pipelineStart, commands.count)
        let marks = frame.hasPipe || frame.negated || conditional
        for index in lower..<(marks ? commands.count : lower) {
            if frame.hasPipe { commands[index].isPipelineMember = true }
            if frame.negated { commands[index].isNegated = true }
            if conditional { commands[index].inCondition = true }
        }
        frames[frames.count - 1].pipelineStart = commands.count
        frames[frames.count - 1].hasPipe = false
        frames[frames.count - 1].negated = false
    }

    // MARK: - Commands

    mutating func startCommand(at local: Int) {
        builder = ShellCommandBuilder(precedingOperator: pendingPreceding, startLocal: local, endLocal: local)
        pendingPreceding = nil
        awaitingContinuation = false
        lastClosedCompound = nil
    }

    mutating func addWord(_ word: ShellWord, local: Range<Int>) {
        if builder == nil { startCommand(at: local.lowerBound) }
        guard var current = builder else { return }
        if current.words.count == current.assignments.count, !inDoubleBracket,
            let assignment = ShellByte.assignment(from: word)
        {
            current.assignments.append(assignment)
        }
        current.words.append(word)
        current.extend(to: local.upperBound)
        builder = current
    }

    mutating func finishCommand(following op: ShellOperator?) {
        guard let current = builder else { return }
        builder = nil
        guard !current.isEmpty else { return }
        var enclosing: [ShellCompoundKind] = []
        for frame in frames.prefix(ShellParser.maximumRecordedNesting + 1) {
            if let kind = frame.kind { enclosing.append(kind) }
        }
        let index = commands.count
        commands.append(
            ShellCommand(
                words: current.words, assignments: current.assignments, redirections: current.redirections,
                byteRange: offsets.absolute(current.startLocal..<current.endLocal),
                precedingOperator: current.precedingOperator, followingOperator: op,
                inCondition: conditionFrames > 0, enclosing: enclosing, depth: frames.count - 1,
                substitutionDepth: substitutionDepth))
        for (redirection, slot) in current.heredocSlots {
            heredocTargets.append(ShellHeredocTarget(isCompound: false, index: index, redirection: redirection, slot: slot))
        }
    }

    // MARK: - End

    mutating func finish() {
        if inDoubleBracket {
            addIssue("`[[` without matching `]]`", at: builder?.startLocal ?? pos)
            inDoubleBracket = false
        }
        finishCommand(following: nil)
        while frames.count > 1 { closeTop(terminated: false) }
        endPipeline(conditional: false)
        for pending in pendingHeredocs {
            addIssue("here-document has no body (no newline after its command)", at: pending.operatorLocal)
            store(
                ShellHeredoc(
                    delimiter: String(decoding: pending.delimiter, as: UTF8.self), isQuoted: pending.isQuoted,
                    stripsLeadingTabs: pending.stripsTabs, body: "", bodyByteRange: offsets.absolute(pos..<pos),
                    isTerminated: false),
                in: pending.slot)
        }
        pendingHeredocs.removeAll()
    }

    mutating func store(_ heredoc: ShellHeredoc, in slot: Int) {
        guard slot >= 0, slot < heredocSlots.count else { return }
        heredocSlots[slot] = heredoc
    }

    /// The script read so far, with here-document bodies attached to their redirections.
    func makeScript(from contentStart: Int, to contentEnd: Int? = nil) -> ShellScript {
        var commands = commands
        var compounds = compounds
        for target in heredocTargets {
            guard target.slot < heredocSlots.count, let heredoc = heredocSlots[target.slot] else { continue }
            if target.isCompound {
                guard target.index < compounds.count, target.redirection < compounds[target.index].redirections.count
                else { continue }
                compounds[target.index].redirections[target.redirection].heredoc = heredoc
            } else {
                guard target.index < commands.count, target.redirection < commands[target.index].redirections.count
                else { continue }
                commands[target.index].redirections[target.redirection].heredoc = heredoc
            }
        }
        let upper = max(contentStart, contentEnd ?? pos)
        return ShellScript(
            commands: commands, compounds: compounds, comments: comments, issues: issues,
            byteRange: offsets.absolute(contentStart..<upper))
    }
}
