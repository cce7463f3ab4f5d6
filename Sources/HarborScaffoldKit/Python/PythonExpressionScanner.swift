/// Collects the calls, names and string literals of expression tokens into a
/// ``PythonBodySummary``, in one pass without recursion over brackets. The expressions inside
/// f-string replacement fields are tokenized and scanned too, to a bounded depth.
struct PythonExpressionScanner {
    /// How deeply f-strings nested in f-string fields are scanned.
    static let maximumFieldDepth = 4
    /// Calls inside more brackets than this are recorded without their arguments, which keeps
    /// the work linear in the input however deeply calls nest (real code stays far below).
    static let maximumArgumentDepth = 32

    /// An open bracket; for a call's `(`, the call being built.
    private struct Frame {
        var isParenthesis: Bool
        var call: Int?
        var callee = ""
        var calleeStart = 0
        var argumentsStart = 0
    }

    private let view: PythonTokenView
    private let fieldDepth: Int
    private var frames: [Frame] = []
    /// The dotted chain being read (`a.b.c`, or `a.b().c` after a call).
    private var chain: String?
    private var chainStart = 0
    private var chainEnd = 0
    /// The chain is a plain dotted name that has not been recorded yet.
    private var chainIsName = false
    private var afterDot = false

    private init(view: PythonTokenView, fieldDepth: Int) {
        self.view = view
        self.fieldDepth = fieldDepth
    }

    /// Scans tokens `range` of `view` into `summary`.
    static func scan(_ view: PythonTokenView, _ range: Range<Int>, into summary: inout PythonBodySummary,
                     fieldDepth: Int = 0) {
        guard !range.isEmpty else { return }
        var scanner = PythonExpressionScanner(view: view, fieldDepth: fieldDepth)
        scanner.run(range, &summary)
    }

    private mutating func run(_ range: Range<Int>, _ summary: inout PythonBodySummary) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch view[index].kind {
            case .name: index = name(at: index, limit: range.upperBound, &summary)
            case .op: operatorToken(at: index, &summary)
            case .string: index = strings(from: index, limit: range.upperBound, &summary)
            default: endChain(&summary)
            }
            index += 1
        }
        endChain(&summary)
        while let frame = frames.popLast() {
            finishCall(frame, argumentsEnd: range.upperBound, lastToken: range.upperBound - 1, &summary)
        }
    }

    /// Handles a name; returns the index of the last token consumed.
    private mutating func name(at index: Int, limit: Int, _ summary: inout PythonBodySummary) -> Int {
        let token = view[index]
        if let keyword = token.keyword {
            endChain(&summary)
            afterDot = false
            return keyword == .lambda ? lambdaColon(after: index, limit: limit) : index
        }
        if afterDot {
            afterDot = false
            if let current = chain {
                chain = current + "." + view.text(index)
                chainEnd = token.byteRange.upperBound
            }
            return index
        }
        endChain(&summary)
        if frames.last?.isParenthesis == true && view.isOp(index + 1, "=") { return index }  // keyword argument
        chain = view.text(index)
        chainStart = token.byteRange.lowerBound
        chainEnd = token.byteRange.upperBound
        chainIsName = true
        return index
    }

    /// The `:` ending the parameters of the lambda at `index` (its parameters are not references).
    private func lambdaColon(after index: Int, limit: Int) -> Int {
        var depth = 0
        var current = index + 1
        while current < limit {
            depth += view.bracketDelta(current)
            if depth < 0 { return current - 1 }
            if depth == 0 && view.isOp(current, ":") { return current }
            current += 1
        }
        return index
    }

    private mutating func operatorToken(at index: Int, _ summary: inout PythonBodySummary) {
        if view.isOp(index, ".") {
            afterDot = true
            return
        }
        afterDot = false
        if view.isOp(index, "(") {
            if let callee = chain {
                if chainIsName { recordName(callee, chainStart..<chainEnd, &summary) }
                let callIndex = summary.calls.count
                summary.calls.append(PythonCall(callee: callee, arguments: [], range: view.range(ofBytes: chainStart..<chainEnd)))
                frames.append(Frame(isParenthesis: true, call: callIndex, callee: callee, calleeStart: chainStart,
                                    argumentsStart: index + 1))
            } else {
                frames.append(Frame(isParenthesis: true, call: nil))
            }
            chain = nil
            chainIsName = false
            return
        }
        endChain(&summary)
        switch view.bracketDelta(index) {
        case 1:
            frames.append(Frame(isParenthesis: false, call: nil))
        case -1:
            guard let frame = frames.popLast(), frame.call != nil else { return }
            finishCall(frame, argumentsEnd: index, lastToken: index, &summary)
            chain = frame.callee + "()"
            chainStart = frame.calleeStart
            chainEnd = view[index].byteRange.upperBound
        default:
            break
        }
    }

    /// Records a run of adjacent string tokens as one literal; returns the index of the last one.
    private mutating func strings(from index: Int, limit: Int, _ summary: inout PythonBodySummary) -> Int {
        endChain(&summary)
        afterDot = false
        var last = index
        while last + 1 < limit && view[last + 1].kind == .string { last += 1 }
        let run = index..<last + 1
        if let value = view.stringValue(run) {
            let isFormatted = run.contains { view.isFormattedString($0) }
            let isBytes = view.stringPrefix(index)?.prefix.isBytes ?? false
            summary.stringLiterals.append(PythonStringConstant(value: value, range: view.sourceRange(run),
                                                               isFormatted: isFormatted, isBytes: isBytes))
        }
        if fieldDepth < PythonExpressionScanner.maximumFieldDepth {
            for tokenIndex in run { scanFields(of: tokenIndex, &summary) }
        }
        return last
    }

    /// Scans the expressions in the replacement fields of the f-string at `index`.
    private func scanFields(of index: Int, _ summary: inout PythonBodySummary) {
        guard let (prefix, quoteOffset) = view.stringPrefix(index), prefix.isFormatted else { return }
        var scanner = PythonStringScanner(bytes: view.source.bytes, limit: view[index].byteRange.upperBound,
                                          collectsFields: true)
        _ = scanner.scan(quoteAt: quoteOffset, prefix: prefix)
        for field in scanner.fields where !field.expression.isEmpty {
            let tokens = PythonTokenizer.tokenizeExpression(in: view.source, range: field.expression)
                .filter { $0.kind == .name || $0.kind == .number || $0.kind == .string || $0.kind == .op }
            let fieldView = PythonTokenView(tokens: tokens, source: view.source, positions: view.positions)
            PythonExpressionScanner.scan(fieldView, 0..<tokens.count, into: &summary, fieldDepth: fieldDepth + 1)
        }
    }

    private mutating func endChain(_ summary: inout PythonBodySummary) {
        if let current = chain, chainIsName { recordName(current, chainStart..<chainEnd, &summary) }
        chain = nil
        chainIsName = false
    }

    private func recordName(_ name: String, _ bytes: Range<Int>, _ summary: inout PythonBodySummary) {
        summary.names.append(PythonNameReference(name: name, range: view.range(ofBytes: bytes)))
    }

    /// Completes a call whose arguments end before `argumentsEnd` and whose text ends with `lastToken`.
    private func finishCall(_ frame: Frame, argumentsEnd: Int, lastToken: Int, _ summary: inout PythonBodySummary) {
        guard let callIndex = frame.call, callIndex < summary.calls.count else { return }
        let end = max(frame.calleeStart, view[lastToken].byteRange.upperBound)
        if frames.count < PythonExpressionScanner.maximumArgumentDepth {
            summary.calls[callIndex].arguments = view.arguments(frame.argumentsStart..<max(frame.argumentsStart, argumentsEnd))
        }
        summary.calls[callIndex].range = view.range(ofBytes: frame.calleeStart..<end)
    }
}
