/// Reads the statement structure of a module from its tokens: blocks, compound statements and
/// their clauses, scopes, and the structural syntax errors a careful reader can prove.
///
/// Recursion follows indentation only and is bounded by ``maximumDepth``; deeper blocks are
/// skipped iteratively. Every loop advances through the tokens, so reading always terminates.
struct PythonModuleReader {
    /// Where statements' facts are recorded.
    enum Scope {
        /// Module-level statements.
        case module
        /// The body of ``functions``[index].
        case function(Int)
        /// The body of ``classes``[index].
        case `class`(Int)
    }

    /// What the statements of the block being read are inside.
    struct Context {
        var scope: Scope = .module
        /// The function whose body directly contains the block.
        var function: Int?
        /// The class whose body directly contains the block.
        var directClass: Int?
        /// `return` and `yield` are allowed (the nearest scope is a function).
        var inFunctionBody = false
        /// Loops around the block within the current function; `break` needs one.
        var loopDepth = 0
        /// Nesting of blocks, bounded by ``maximumDepth``.
        var depth = 0
        /// Prefix of qualified names defined in the block (`A.`, `f.<locals>.`).
        var qualifiedPrefix = ""
    }

    /// Which clauses may follow the previous statement of a block.
    enum Clause: Equatable {
        /// No clause may follow.
        case none
        /// After `if`/`elif`: `elif` or `else`.
        case ifChain
        /// After `for`/`while`: `else`.
        case loop
        /// After `try`: `except` or `finally` must follow.
        case tryBody
        /// After `except`: `except`, `else` or `finally`.
        case tryExcept
        /// After `try … else`: `finally`.
        case tryElse
    }

    /// Deepest block nesting that is read; Python itself allows 100 indentation levels.
    static let maximumDepth = 120

    let view: PythonTokenView
    let source: SourceText
    /// Start offsets of the tokenizer's issues, sorted; structural checks are skipped on lines
    /// that already have a tokenizer error, so one mistake is reported once.
    private let tokenizerIssueOffsets: [Int]
    var position = 0
    var functions: [PythonFunction] = []
    var classes: [PythonClass] = []
    var imports: [PythonImport] = []
    var moduleBody = PythonBodySummary()
    var moduleDocstring: PythonDocstring?
    var issues: [PythonSyntaxIssue] = []
    /// Offsets of indented lines that follow a header missing its `:`; the tokenizer's
    /// "unexpected indent" there repeats the missing-colon issue.
    var explainedIndents: Set<Int> = []

    init(stream: PythonTokenStream) {
        source = stream.source
        let tokens = stream.tokens.filter { $0.kind != .comment && $0.kind != .nl && $0.kind != .errorToken }
        view = PythonTokenView(tokens: tokens, source: stream.source, positions: stream.positions)
        tokenizerIssueOffsets = stream.issues.map(\.byteRange.lowerBound).sorted()
    }

    /// Reads the whole module.
    mutating func read() {
        while view[position].kind != .endMarker {
            let start = position
            readBlock(Context(), inMatch: false)
            if position <= start { position = start + 1 }
        }
    }

    // MARK: Blocks

    /// Reads statements until the DEDENT closing the block (consumed) or the end of input.
    mutating func readBlock(_ context: Context, inMatch: Bool) {
        var clause = Clause.none
        while true {
            switch view[position].kind {
            case .endMarker:
                closeClauses(clause)
                return
            case .dedent:
                closeClauses(clause)
                position += 1
                return
            case .newline:
                position += 1
            case .indent:
                // An unexpected indent, reported by the tokenizer: read the block in place.
                position += 1
                readNested(context, inMatch: false)
            default:
                let start = position
                readStatement(context, clause: &clause, inMatch: inMatch)
                if position <= start { position = start + 1 }
            }
        }
    }

    /// Reads an indented block (its INDENT already consumed), or skips it when too deep.
    mutating func readNested(_ context: Context, inMatch: Bool) {
        var inner = context
        inner.depth += 1
        guard inner.depth <= PythonModuleReader.maximumDepth else {
            var level = 1
            while level > 0 && view[position].kind != .endMarker {
                if view[position].kind == .indent { level += 1 }
                if view[position].kind == .dedent { level -= 1 }
                position += 1
            }
            return
        }
        readBlock(inner, inMatch: inMatch)
    }

    private mutating func closeClauses(_ clause: Clause) {
        guard clause == .tryBody else { return }
        let token = view[position]
        report(.missingExceptOrFinally, "expected 'except' or 'finally' block", at: token.byteRange,
               context: token.byteRange.lowerBound..<token.byteRange.upperBound + 1)
    }

    /// Reads one statement (a simple line, a compound statement, or a decorated definition).
    private mutating func readStatement(_ context: Context, clause: inout Clause, inMatch: Bool) {
        var keywordIndex = position
        var asyncIndex: Int?
        if view[position].keyword == .async, [.def, .for, .with].contains(view[position + 1].keyword) {
            asyncIndex = position
            keywordIndex = position + 1
        }
        let keyword = view[keywordIndex].keyword
        let reportedTry = keyword != .except && keyword != .finally && checkTryBody(&clause)
        if view.isOp(position, "@") {
            readDecorated(context)
            clause = .none
            return
        }
        if inMatch && view.isName(position, "case"),
           let colon = headerColon(from: position + 1, to: lineEnd(from: position)) {
            readCase(context, colon: colon)
            clause = .none
            return
        }
        switch keyword {
        case .def:
            readFunction(context, decorators: [], asyncIndex: asyncIndex, defIndex: keywordIndex)
            clause = .none
        case .class:
            readClass(context, decorators: [], classIndex: keywordIndex)
            clause = .none
        case .if, .while, .for, .try, .with, .elif, .else, .except, .finally:
            readCompound(context, keywordIndex: keywordIndex, asyncIndex: asyncIndex, clause: &clause,
                         strayAlreadyReported: reportedTry)
        default:
            if view.isName(position, "match"), let colon = matchColon() {
                readMatch(context, colon: colon)
            } else {
                readSimpleLine(context, sharesHeaderLine: false)
            }
            clause = .none
        }
    }

    /// Reports a `try` block not followed by `except`/`finally`; returns true when reported.
    private mutating func checkTryBody(_ clause: inout Clause) -> Bool {
        guard clause == .tryBody else { return false }
        closeClauses(clause)
        clause = .none
        return true
    }

    // MARK: Compound statements

    /// Reads `if`/`elif`/`else`/`for`/`while`/`try`/`except`/`finally`/`with` and its body.
    private mutating func readCompound(_ context: Context, keywordIndex: Int, asyncIndex: Int?, clause: inout Clause,
                                       strayAlreadyReported: Bool) {
        guard let keyword = view[keywordIndex].keyword else { return }
        let previous = clause
        let headerStart = asyncIndex ?? keywordIndex
        let end = lineEnd(from: keywordIndex)
        let line = lineContext(headerStart, end)
        let allowed: Bool
        switch keyword {
        case .elif: allowed = previous == .ifChain
        case .else: allowed = previous == .ifChain || previous == .loop || previous == .tryExcept
        case .except: allowed = previous == .tryBody || previous == .tryExcept
        case .finally: allowed = previous == .tryBody || previous == .tryExcept || previous == .tryElse
        default: allowed = true
        }
        if !allowed && !strayAlreadyReported {
            report(.strayClause, "'\(keyword.rawValue)' does not follow "
                   + PythonModuleReader.expectedPredecessor(keyword), at: view[keywordIndex].byteRange, context: line)
        }
        let isContinuation = keyword == .elif || keyword == .else || keyword == .except || keyword == .finally
        if !isContinuation { _ = beginStatement(context.scope, trivial: false) }

        var colon: Int?
        if keyword == .else || keyword == .try || keyword == .finally {
            colon = view.isOp(keywordIndex + 1, ":") ? keywordIndex + 1 : nil
        } else {
            colon = headerColon(from: keywordIndex + 1, to: end)
        }
        if colon == nil { reportMissingColon(after: keywordIndex, lineEnd: end, context: line) }
        if keyword == .except, let comma = exceptComma(keywordIndex + 1..<(colon ?? end)) {
            report(.invalidSyntax, "multiple exception types must be parenthesized", at: view[comma].byteRange,
                   context: line)
        }
        scan(keywordIndex + 1..<(colon ?? end), in: context.scope)

        var body = context
        if keyword == .for || keyword == .while { body.loopDepth += 1 }
        readBody(colon: colon, lineEnd: end, header: "'\(keyword.rawValue)' statement", headerStart: headerStart,
                 context: body)

        switch keyword {
        case .if, .elif: clause = .ifChain
        case .for, .while: clause = .loop
        case .try: clause = .tryBody
        case .except: clause = .tryExcept
        case .else: clause = previous == .tryExcept ? .tryElse : .none
        default: clause = .none
        }
    }

    /// The top-level comma of `except A, B:` (Python 2's `except E, name:`), which Python 3.12
    /// rejects; commas after `as` or inside parentheses are fine.
    private func exceptComma(_ header: Range<Int>) -> Int? {
        var depth = 0
        for index in header {
            depth = max(0, depth + view.bracketDelta(index))
            if depth == 0 && view[index].keyword == .as { return nil }
            if depth == 0 && view.isOp(index, ",") { return index }
        }
        return nil
    }

    private static func expectedPredecessor(_ keyword: PythonKeyword) -> String {
        switch keyword {
        case .elif: return "an 'if' or 'elif' block"
        case .else: return "an 'if', 'for', 'while' or 'try' block"
        case .except: return "a 'try' block"
        default: return "a 'try' block"
        }
    }

    /// Reads the body after a header's `:` (at `colon`): on the same line, or an indented block.
    mutating func readBody(colon: Int?, lineEnd end: Int, header: String, headerStart: Int, context: Context,
                           inMatch: Bool = false) {
        guard let colon else {
            // A broken header: read a following indented block as its body.
            position = end
            if view[position].kind == .newline { position += 1 }
            if view[position].kind == .indent {
                explainedIndents.insert(view[position].byteRange.upperBound)
                position += 1
                readNested(context, inMatch: inMatch)
            }
            return
        }
        if colon + 1 < end {
            position = colon + 1
            readSimpleLine(context, sharesHeaderLine: true)
            return
        }
        position = end
        if view[position].kind == .newline { position += 1 }
        if view[position].kind == .indent {
            position += 1
            readNested(context, inMatch: inMatch)
        } else {
            let headerLine = source.line(containing: view[headerStart].byteRange.lowerBound)
            let next = view[position].byteRange
            report(.expectedIndentedBlock, "expected an indented block after \(header) on line \(headerLine)",
                   at: next.lowerBound..<max(next.upperBound, next.lowerBound),
                   context: lineContext(headerStart, end))
        }
    }

    // MARK: Token helpers

    /// The index of the NEWLINE (or INDENT/DEDENT/end marker) ending the logical line at `index`.
    func lineEnd(from index: Int) -> Int {
        var current = index
        while true {
            switch view[current].kind {
            case .newline, .endMarker, .indent, .dedent: return current
            default: current += 1
            }
        }
    }

    /// The bytes of a logical line from token `start` through its NEWLINE at `end`: structural
    /// issues on it are dropped when the tokenizer found an error there.
    func lineContext(_ start: Int, _ end: Int) -> Range<Int> {
        let lower = view[start].byteRange.lowerBound
        return lower..<max(lower, view[end].byteRange.upperBound)
    }

    /// The `:` ending a block header in `start..<end`: the first one outside brackets that does
    /// not belong to a lambda.
    func headerColon(from start: Int, to end: Int) -> Int? {
        var depth = 0
        var lambdas = 0
        var index = start
        while index < end {
            depth = max(0, depth + view.bracketDelta(index))
            if depth == 0 {
                if view[index].keyword == .lambda {
                    lambdas += 1
                } else if view.isOp(index, ":") {
                    if lambdas == 0 { return index }
                    lambdas -= 1
                }
            }
            index += 1
        }
        return nil
    }

    /// The end offset of the last real token before ``position``, not before token `floor`.
    func lastTokenEnd(floor: Int) -> Int {
        var index = position - 1
        while index > floor {
            switch view[index].kind {
            case .newline, .indent, .dedent, .endMarker: index -= 1
            default: return view[index].byteRange.upperBound
            }
        }
        return view[floor].byteRange.upperBound
    }

    /// Reports a missing `:` just after the last header token before `end`.
    mutating func reportMissingColon(after keywordIndex: Int, lineEnd end: Int, context: Range<Int>) {
        let offset = view[max(keywordIndex, end - 1)].byteRange.upperBound
        report(.missingColon, "expected ':'", at: offset..<offset + 1, context: context)
    }

    // MARK: Recording

    /// Records an issue unless the tokenizer already reported an error within `context`.
    mutating func report(_ kind: PythonSyntaxIssue.Kind, _ message: String, at bytes: Range<Int>, context: Range<Int>) {
        var low = 0
        var high = tokenizerIssueOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if tokenizerIssueOffsets[middle] < context.lowerBound { low = middle + 1 } else { high = middle }
        }
        if low < tokenizerIssueOffsets.count && tokenizerIssueOffsets[low] <= context.upperBound { return }
        issues.append(PythonSyntaxIssue(kind, message, at: bytes, count: source.bytes.count, positions: view.positions))
    }

    /// Applies `change` to the summary of `scope`.
    mutating func withSummary(_ scope: Scope, _ change: (inout PythonBodySummary) -> Void) {
        switch scope {
        case .module: change(&moduleBody)
        case .function(let index): change(&functions[index].body)
        case .class(let index): change(&classes[index].body)
        }
    }

    /// Counts a new statement in `scope`; returns the scope's statement count including it.
    mutating func beginStatement(_ scope: Scope, trivial: Bool) -> Int {
        var count = 0
        withSummary(scope) { summary in
            summary.statements += 1
            if !trivial { summary.isOnlyPassOrEllipsisOrDocstring = false }
            count = summary.statements
        }
        return count
    }

    /// Scans expression tokens `range` into the summary of `scope`.
    mutating func scan(_ range: Range<Int>, in scope: Scope) {
        guard !range.isEmpty else { return }
        let view = self.view
        withSummary(scope) { PythonExpressionScanner.scan(view, range, into: &$0) }
    }
}
