/// Decorators, functions, classes and `match` statements.
extension PythonModuleReader {
    /// Reads decorator lines and the definition they decorate.
    mutating func readDecorated(_ context: Context) {
        var decorators: [PythonDecorator] = []
        while view.isOp(position, "@") {
            let end = lineEnd(from: position)
            if let (name, nameEnd) = view.dottedName(at: position + 1, limit: end) {
                var isCall = false
                var arguments: [PythonCallArgument] = []
                if view.isOp(nameEnd, "("), let close = view.matchingClose(nameEnd, limit: end), close == end - 1 {
                    isCall = true
                    arguments = view.arguments(nameEnd + 1..<close)
                }
                decorators.append(PythonDecorator(name: name, isCall: isCall, arguments: arguments,
                                                  range: view.sourceRange(position..<end)))
            }
            scan(position + 1..<end, in: context.scope)
            position = end
            if view[position].kind == .newline { position += 1 }
        }
        let next = view[position]
        if next.keyword == .def {
            readFunction(context, decorators: decorators, asyncIndex: nil, defIndex: position)
        } else if next.keyword == .async && view[position + 1].keyword == .def {
            readFunction(context, decorators: decorators, asyncIndex: position, defIndex: position + 1)
        } else if next.keyword == .class {
            readClass(context, decorators: decorators, classIndex: position)
        } else if next.kind != .indent {
            report(.invalidSyntax, "a decorator must be followed by 'def', 'async def' or 'class'",
                   at: next.byteRange, context: next.byteRange.lowerBound..<view[lineEnd(from: position)].byteRange.upperBound)
        }
    }

    /// Reads the name after `def`/`class` at `keywordIndex`; returns the name, its range and the
    /// index after it (type parameters `[T]` skipped).
    private mutating func readDefinitionName(_ keywordIndex: Int, lineEnd end: Int, what: String,
                                             context line: Range<Int>) -> (String, SourceRange, Int) {
        // An empty name means the issue was reported; the caller then reports nothing more.
        var index = keywordIndex + 1
        var name = ""
        var nameRange = view.sourceRange(keywordIndex..<keywordIndex + 1)
        if view.isIdentifier(index) {
            name = view.text(index)
            nameRange = view.sourceRange(index..<index + 1)
            index += 1
        } else {
            let token = view[index]
            report(.missingName, "expected a \(what) name after '\(view.text(keywordIndex))'",
                   at: token.byteRange.lowerBound..<max(token.byteRange.upperBound, token.byteRange.lowerBound + 1),
                   context: line)
        }
        if view.isOp(index, "["), let close = view.matchingClose(index, limit: end) { index = close + 1 }
        return (name, nameRange, index)
    }

    /// Reads a `def` (at `defIndex`, after `async` at `asyncIndex` if any) and its body.
    mutating func readFunction(_ context: Context, decorators: [PythonDecorator], asyncIndex: Int?, defIndex: Int) {
        _ = beginStatement(context.scope, trivial: false)
        let headerStart = asyncIndex ?? defIndex
        let end = lineEnd(from: defIndex)
        let line = lineContext(headerStart, end)
        let (name, nameRange, nameEnd) = readDefinitionName(defIndex, lineEnd: end, what: "function", context: line)
        var headerReported = name.isEmpty
        var index = nameEnd
        var parameters: [PythonParameter] = []
        if view.isOp(index, "(") {
            let close = view.matchingClose(index, limit: end) ?? end
            parameters = readParameters(index + 1..<close, scope: context.scope)
            index = min(close + 1, end)
        } else if !headerReported {
            headerReported = true
            report(.invalidSyntax, "expected '(' after the function name", at: view[index].byteRange, context: line)
        }
        var colon: Int?
        if view.isOp(index, ":") {
            colon = index
        } else if view.isOp(index, "->") {
            colon = headerColon(from: index + 1, to: end)
            scan(index + 1..<(colon ?? end), in: context.scope)
        }
        if colon == nil && !headerReported {
            reportMissingColon(after: defIndex, lineEnd: end, context: line)
        }

        let functionIndex = functions.count
        let qualifiedName = context.qualifiedPrefix + name
        functions.append(PythonFunction(
            name: name, qualifiedName: qualifiedName, nameRange: nameRange, range: nameRange,
            decorators: decorators, parameters: parameters, isAsync: asyncIndex != nil,
            enclosingClass: context.directClass.map { classes[$0].name }, enclosingClassIndex: context.directClass,
            enclosingFunction: context.function.map { functions[$0].name }, enclosingFunctionIndex: context.function))
        if let owner = context.directClass { classes[owner].methods.append(functionIndex) }

        let body = Context(scope: .function(functionIndex), function: functionIndex, directClass: nil,
                           inFunctionBody: true, loopDepth: 0, depth: context.depth,
                           qualifiedPrefix: qualifiedName + ".<locals>.")
        readBody(colon: colon, lineEnd: end, header: "function definition", headerStart: headerStart, context: body)
        let start = view[headerStart].byteRange.lowerBound
        functions[functionIndex].range = view.range(ofBytes: start..<max(start, lastTokenEnd(floor: headerStart)))
    }

    /// Reads the parameters between a `def`'s parentheses; annotations and defaults are scanned
    /// into the enclosing scope, where they are evaluated.
    private mutating func readParameters(_ range: Range<Int>, scope: Scope) -> [PythonParameter] {
        var parameters: [PythonParameter] = []
        var afterStar = false
        for piece in view.splitTopLevel(range, at: ",") where !piece.isEmpty {
            var index = piece.lowerBound
            var kind: PythonParameter.Kind = afterStar ? .keywordOnly : .regular
            if view.isOp(index, "/") { continue }
            if view.isOp(index, "*") {
                afterStar = true
                if piece.count == 1 { continue }
                kind = .variadicPositional
                index += 1
            } else if view.isOp(index, "**") {
                kind = .variadicKeyword
                index += 1
            }
            guard index < piece.upperBound, view.isIdentifier(index) else { continue }
            let equals = view.firstTopLevel("=", in: index + 1..<piece.upperBound)
            var annotation: String?
            if view.isOp(index + 1, ":") {
                let annotationRange = index + 2..<max(index + 2, equals ?? piece.upperBound)
                annotation = view.text(annotationRange)
                scan(annotationRange, in: scope)
            }
            if let equals { scan(equals + 1..<piece.upperBound, in: scope) }
            parameters.append(PythonParameter(name: view.text(index), kind: kind, annotation: annotation,
                                              hasDefault: equals != nil, range: view.sourceRange(piece)))
        }
        return parameters
    }

    /// Reads a `class` (at `classIndex`) and its body.
    mutating func readClass(_ context: Context, decorators: [PythonDecorator], classIndex: Int) {
        _ = beginStatement(context.scope, trivial: false)
        let end = lineEnd(from: classIndex)
        let line = lineContext(classIndex, end)
        let (name, nameRange, start) = readDefinitionName(classIndex, lineEnd: end, what: "class", context: line)
        var index = start
        var bases: [String] = []
        if view.isOp(index, "(") {
            let close = view.matchingClose(index, limit: end) ?? end
            bases = view.arguments(index + 1..<close)
                .filter { $0.keyword == nil && !$0.text.hasPrefix("*") }
                .map(\.text)
            scan(index..<min(close + 1, end), in: context.scope)
            index = min(close + 1, end)
        }
        let colon: Int? = view.isOp(index, ":") ? index : nil
        if colon == nil && !name.isEmpty {
            reportMissingColon(after: classIndex, lineEnd: end, context: line)
        }

        let ownIndex = classes.count
        let qualifiedName = context.qualifiedPrefix + name
        classes.append(PythonClass(
            name: name, qualifiedName: qualifiedName, nameRange: nameRange, range: nameRange, bases: bases,
            decorators: decorators, enclosingClass: context.directClass.map { classes[$0].name },
            enclosingClassIndex: context.directClass, enclosingFunction: context.function.map { functions[$0].name }))

        let body = Context(scope: .class(ownIndex), function: nil, directClass: ownIndex, inFunctionBody: false,
                           loopDepth: 0, depth: context.depth, qualifiedPrefix: qualifiedName + ".")
        readBody(colon: colon, lineEnd: end, header: "class definition", headerStart: classIndex, context: body)
        let headerStart = view[classIndex].byteRange.lowerBound
        classes[ownIndex].range = view.range(ofBytes: headerStart..<max(headerStart, lastTokenEnd(floor: classIndex)))
    }

    /// The header `:` when the line at ``position`` is a `match` statement rather than a
    /// statement using `match` as a name: its first header colon must end the line.
    func matchColon() -> Int? {
        let end = lineEnd(from: position)
        guard end - position >= 3 else { return nil }
        let subject = position + 1
        let token = view[subject]
        if token.kind == .op && !["(", "[", "{", "-", "+", "~", "*"].contains(where: { view.isOp(subject, $0) }) {
            return nil
        }
        if let keyword = token.keyword, ![.not, .lambda, .None, .True, .False, .await].contains(keyword) {
            return nil
        }
        guard let colon = headerColon(from: subject, to: end), colon == end - 1, colon > subject else { return nil }
        return colon
    }

    /// Reads a `match` statement whose header ends at `colon`; its block holds `case` clauses.
    mutating func readMatch(_ context: Context, colon: Int) {
        _ = beginStatement(context.scope, trivial: false)
        let headerStart = position
        let end = lineEnd(from: position)
        scan(position + 1..<colon, in: context.scope)
        readBody(colon: colon, lineEnd: end, header: "'match' statement", headerStart: headerStart, context: context,
                 inMatch: true)
    }

    /// Reads a `case` clause whose header ends at `colon`.
    mutating func readCase(_ context: Context, colon: Int) {
        let headerStart = position
        let end = lineEnd(from: position)
        scan(position + 1..<colon, in: context.scope)
        readBody(colon: colon, lineEnd: end, header: "'case' statement", headerStart: headerStart, context: context)
    }
}
