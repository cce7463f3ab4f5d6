/// Simple statements: assignments, `assert`, `raise`, imports, flow keywords, docstrings.
extension PythonModuleReader {
    /// Keywords after which a statement is a simple statement of that kind, not an expression.
    private static let statementKeywords: Set<PythonKeyword> = [
        .pass, .return, .break, .continue, .nonlocal, .global, .assert, .raise, .import, .from, .del, .yield, .async,
    ]

    /// Reads the `;`-separated simple statements of the logical line at ``position``.
    /// `sharesHeaderLine` is set for a body written after a block header's `:`.
    mutating func readSimpleLine(_ context: Context, sharesHeaderLine: Bool) {
        let end = lineEnd(from: position)
        let line = lineContext(position, end)
        for (number, piece) in view.splitTopLevel(position..<end, at: ";").enumerated() where !piece.isEmpty {
            if (number > 0 || sharesHeaderLine) && startsCompoundStatement(piece.lowerBound) {
                report(.invalidSyntax, "invalid syntax: a compound statement cannot follow ';' or a block header's ':'",
                       at: view[piece.lowerBound].byteRange, context: line)
            }
            readSimpleStatement(piece, context: context, line: line)
        }
        position = end
        if view[position].kind == .newline { position += 1 }
    }

    private func startsCompoundStatement(_ index: Int) -> Bool {
        if view.isOp(index, "@") { return true }
        switch view[index].keyword {
        case .def, .class, .if, .while, .for, .try, .with, .elif, .else, .except, .finally: return true
        case .async: return [.def, .for, .with].contains(view[index + 1].keyword)
        default: return false
        }
    }

    /// Reads one simple statement spanning tokens `range`.
    private mutating func readSimpleStatement(_ range: Range<Int>, context: Context, line: Range<Int>) {
        let first = view[range.lowerBound]
        let count = beginStatement(context.scope, trivial: true)
        var trivial = false
        var scansExpressions = true
        switch first.keyword {
        case .pass?:
            trivial = range.count == 1
        case .return?, .yield?:
            if !context.inFunctionBody {
                report(.outsideFunction, "'\(view.text(range.lowerBound))' outside function", at: first.byteRange,
                       context: line)
            }
        case .break?:
            if context.loopDepth == 0 {
                report(.outsideLoop, "'break' outside loop", at: first.byteRange, context: line)
            }
        case .continue?:
            if context.loopDepth == 0 {
                report(.outsideLoop, "'continue' not properly in loop", at: first.byteRange, context: line)
            }
        case .nonlocal?:
            if case .module = context.scope {
                report(.outsideFunction, "nonlocal declaration not allowed at module level", at: first.byteRange,
                       context: line)
            }
            scansExpressions = false
        case .global?:
            scansExpressions = false
        case .assert?:
            recordAssert(range, scope: context.scope)
        case .raise?:
            if let comma = view.firstTopLevel(",", in: range) {
                report(.invalidSyntax, "invalid syntax: 'raise E, message' is Python 2; use 'raise E(message)'",
                       at: view[comma].byteRange, context: line)
            }
            let exception = view.dottedName(at: range.lowerBound + 1, limit: range.upperBound)?.name
            let raise = PythonRaise(kind: .raiseStatement, exception: exception, range: view.sourceRange(range))
            withSummary(context.scope) { $0.raises.append(raise) }
        case .import?, .from?:
            readImport(range)
            scansExpressions = false
        case .async?:
            report(.invalidSyntax, "expected 'def', 'with' or 'for' after 'async'", at: first.byteRange, context: line)
        default:
            break
        }
        if range.count == 1 && view.isOp(range.lowerBound, "...") { trivial = true }
        if view.isStringOnly(range) {
            trivial = true
            if count == 1 && !range.contains(where: { view.isFormattedString($0) }), let value = view.stringValue(range) {
                setDocstring(PythonDocstring(value: value, range: view.sourceRange(range)), scope: context.scope)
                scansExpressions = false
            }
        }
        if view.isName(range.lowerBound, "print") || view.isName(range.lowerBound, "exec"), range.count > 1 {
            let next = view[range.lowerBound + 1]
            if next.kind == .string || next.kind == .number || (next.kind == .name && next.keyword == nil) {
                let name = view.text(range.lowerBound)
                report(.invalidSyntax, "Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?",
                       at: first.byteRange, context: line)
            }
        }
        if !trivial { withSummary(context.scope) { $0.isOnlyPassOrEllipsisOrDocstring = false } }
        if first.keyword.map({ !PythonModuleReader.statementKeywords.contains($0) }) ?? true {
            readAssignment(range, scope: context.scope, line: line)
        }
        if scansExpressions { scan(range, in: context.scope) }
    }

    private mutating func setDocstring(_ docstring: PythonDocstring, scope: Scope) {
        switch scope {
        case .module: moduleDocstring = docstring
        case .function(let index): functions[index].docstring = docstring
        case .class(let index): classes[index].docstring = docstring
        }
    }

    // MARK: Assignments

    /// Records assignments to (dotted) names and reports assignments to literals and calls.
    private mutating func readAssignment(_ range: Range<Int>, scope: Scope, line: Range<Int>) {
        var equals: [Int] = []
        var depth = 0
        for index in range {
            depth = max(0, depth + view.bracketDelta(index))
            guard depth == 0 else { continue }
            if view[index].keyword == .lambda { break }  // later `=` are lambda defaults
            guard view[index].kind == .op else { continue }
            if view.isOp(index, "=") {
                equals.append(index)
            } else if equals.isEmpty && isAugmentedAssignment(index) {
                if let problem = targetProblem(range.lowerBound..<index) {
                    report(.invalidAssignmentTarget, "'\(problem.name)' is an illegal expression for augmented assignment",
                           at: view.byteRange(range.lowerBound..<index), context: line)
                }
                return
            }
        }
        guard let lastEquals = equals.last else { return }
        let value = lastEquals + 1..<max(lastEquals + 1, range.upperBound)
        var segmentStart = range.lowerBound
        for (number, equalsIndex) in equals.enumerated() {
            var target = segmentStart..<equalsIndex
            var annotation: String?
            if number == 0, let colon = view.firstTopLevel(":", in: target) {
                annotation = view.text(colon + 1..<equalsIndex)
                target = segmentStart..<colon
            }
            if let problem = targetProblem(target) {
                report(.invalidAssignmentTarget, problem.message, at: view.byteRange(target), context: line)
            } else if let (name, nameEnd) = view.dottedName(at: target.lowerBound, limit: target.upperBound),
                      nameEnd == target.upperBound {
                let assignment = PythonAssignment(target: name, annotation: annotation, value: view.text(value),
                                                  stringValue: view.stringValue(value), range: view.sourceRange(range))
                withSummary(scope) { $0.assignments.append(assignment) }
            }
            segmentStart = equalsIndex + 1
        }
    }

    private func isAugmentedAssignment(_ index: Int) -> Bool {
        let token = view[index]
        guard token.byteRange.count >= 2, view.source.bytes[token.byteRange.upperBound - 1] == 0x3D else { return false }
        return !["==", "<=", ">=", "!="].contains { view.isOp(index, $0) }
    }

    /// Why tokens `target` cannot be assigned to: a literal, `None`/`True`/`False`, `...` or a call.
    private func targetProblem(_ target: Range<Int>) -> (name: String, message: String)? {
        guard !target.isEmpty else { return nil }
        let first = view[target.lowerBound]
        let literal = (name: "literal", message: "cannot assign to literal here. Maybe you meant '==' instead of '='?")
        if target.count == 1 {
            if first.kind == .number { return literal }
            if let keyword = first.keyword, keyword == .None || keyword == .True || keyword == .False {
                return (keyword.rawValue, "cannot assign to \(keyword.rawValue)")
            }
            if view.isOp(target.lowerBound, "...") {
                return ("ellipsis", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?")
            }
        }
        if view.isStringOnly(target) { return literal }
        if let (_, nameEnd) = view.dottedName(at: target.lowerBound, limit: target.upperBound),
           view.isOp(nameEnd, "("), view.matchingClose(nameEnd, limit: target.upperBound) == target.upperBound - 1 {
            return ("function call", "cannot assign to function call here. Maybe you meant '==' instead of '='?")
        }
        return nil
    }

    // MARK: Assertions

    private mutating func recordAssert(_ range: Range<Int>, scope: Scope) {
        let expression = range.lowerBound + 1..<range.upperBound
        let comma = view.firstTopLevel(",", in: expression)
        let condition = expression.lowerBound..<(comma ?? expression.upperBound)
        let message = comma.map { $0 + 1..<max($0 + 1, range.upperBound) }
        let truth = constantTruth(condition, depth: 0)
        let record = PythonAssert(condition: view.text(condition), message: message.map { view.text($0) },
                                  isTriviallyTrue: truth == true, isTriviallyFalse: truth == false,
                                  range: view.sourceRange(range))
        withSummary(scope) { $0.asserts.append(record) }
    }

    /// The truth value of tokens `range` when they are a constant expression whose truth is
    /// known without running it (literals, `not`, parentheses, tuples and displays).
    func constantTruth(_ range: Range<Int>, depth: Int) -> Bool? {
        guard !range.isEmpty, depth < 50 else { return nil }
        let first = view[range.lowerBound]
        if range.count == 1 {
            switch first.kind {
            case .number: return !PythonModuleReader.isZero(view.text(range.lowerBound))
            case .name:
                switch first.keyword {
                case .True?: return true
                case .False?, .None?: return false
                default: return nil
                }
            case .op: return view.isOp(range.lowerBound, "...") ? true : nil
            default: break
            }
        }
        if first.keyword == .not {
            return constantTruth(range.lowerBound + 1..<range.upperBound, depth: depth + 1).map { !$0 }
        }
        if view.isStringOnly(range) {
            guard !range.contains(where: { view.isFormattedString($0) }), let value = view.stringValue(range) else { return nil }
            return !value.isEmpty
        }
        guard view.bracketDelta(range.lowerBound) == 1,
              view.matchingClose(range.lowerBound, limit: range.upperBound) == range.upperBound - 1 else { return nil }
        let inner = range.lowerBound + 1..<range.upperBound - 1
        if inner.isEmpty { return false }
        if view.isOp(range.lowerBound, "(") {
            if view.firstTopLevel(",", in: inner) != nil { return true }  // a non-empty tuple
            return constantTruth(inner, depth: depth + 1)
        }
        // A list, set or dict display with elements is true, unless it is a comprehension or
        // unpacks something that may be empty.
        var level = 0
        for index in inner {
            level = max(0, level + view.bracketDelta(index))
            if level == 0 && (view[index].keyword == .for || view.isOp(index, "*") || view.isOp(index, "**")) {
                return nil
            }
        }
        return true
    }

    /// True when the numeric literal `text` is zero.
    static func isZero(_ text: String) -> Bool {
        let lower = text.lowercased().filter { $0 != "_" }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return lower.dropFirst(2).allSatisfy { $0 == "0" }
        }
        let mantissa = lower.split(separator: "e", maxSplits: 1).first ?? ""
        return mantissa.allSatisfy { $0 == "0" || $0 == "." || $0 == "j" }
    }

    // MARK: Imports

    /// Records the names bound by an `import` or `from … import` statement.
    private mutating func readImport(_ range: Range<Int>) {
        if view[range.lowerBound].keyword == .import {
            for piece in view.splitTopLevel(range.lowerBound + 1..<range.upperBound, at: ",") {
                guard let (module, end) = view.dottedName(at: piece.lowerBound, limit: piece.upperBound) else { continue }
                imports.append(PythonImport(module: module, name: nil, alias: alias(after: end, limit: piece.upperBound),
                                            range: view.sourceRange(piece)))
            }
            return
        }
        var index = range.lowerBound + 1
        var module = ""
        while index < range.upperBound && (view.isOp(index, ".") || view.isOp(index, "...")) {
            module += view.text(index)
            index += 1
        }
        if let (name, end) = view.dottedName(at: index, limit: range.upperBound) {
            module += name
            index = end
        }
        guard !module.isEmpty, view[index].keyword == .import else { return }
        index += 1
        var listEnd = range.upperBound
        if view.isOp(index, "(") {
            index += 1
            if view.isOp(listEnd - 1, ")") { listEnd -= 1 }
        }
        for piece in view.splitTopLevel(index..<max(index, listEnd), at: ",") where !piece.isEmpty {
            if view.isOp(piece.lowerBound, "*") {
                imports.append(PythonImport(module: module, name: "*", alias: nil, range: view.sourceRange(piece)))
            } else if view.isIdentifier(piece.lowerBound) {
                imports.append(PythonImport(module: module, name: view.text(piece.lowerBound),
                                            alias: alias(after: piece.lowerBound + 1, limit: piece.upperBound),
                                            range: view.sourceRange(piece)))
            }
        }
    }

    private func alias(after index: Int, limit: Int) -> String? {
        guard index + 1 < limit, view[index].keyword == .as, view.isIdentifier(index + 1) else { return nil }
        return view.text(index + 1)
    }
}
