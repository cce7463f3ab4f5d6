/// D501: the draft contains a block of code, fenced or not.
struct CodeBlockRule: DraftRule {
    static let description = RuleDescription(
        id: "D501", name: "code-block", title: "Draft contains a code block", severity: .error,
        rationale: """
            The pipeline's "Important Reminders": "No Implementation Details: Don't write actual code, \
            Dockerfiles, or test functions". Instructions are "specific but not prescriptive about \
            implementation"; code in a draft dictates the solution and leaks into the prompt.
            """,
        triggering: [
            DraftExample.with([
                .instructions: "Make limits apply per tenant, for example:\n```python\nkey = f\"quota:{tenant_id}\"\ncount = redis.incr(key)\n```",
            ]),
            DraftExample.with([
                .instructions: "Make limits apply per tenant. The limiter should look like:\n    def allow(tenant_id):\n        count = redis.incr(f\"quota:{tenant_id}\")\n        return count <= plan_limit(tenant_id)",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .instructions: "Make limits apply per tenant (see docs/limits.md) across all keys:\n    counters live in Redis under one key per tenant,\n    limits come from the plans table,\n    and the public API does not change.",
            ]),
            DraftExample.with([
                .testing: "Tests check that:\n- GET /v1/usage?tenant=a returns 200;\n- requests beyond the limit return 429 (status=429, Retry-After > 0);\n- counters reset after the window.",
            ]),
        ])

    /// Code-looking lines that make a block.
    static let minimumLines = 3

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let source = draft.source
        for fence in draft.codeFences {
            let firstLine = source.line(containing: fence.lowerBound)
            let lastLine = source.line(containing: max(fence.lowerBound, fence.upperBound - 1))
            let opening = source.byteRange(ofLine: firstLine)
            let closed = lastLine > firstLine && Self.isFence(source.bytes, source.byteRange(ofLine: lastLine))
            sink.report(
                "\(place(of: fence.lowerBound, in: draft)) has \(closed ? "a" : "an unclosed") fenced code block ('\(FlagContext.quote(draft, opening, limit: 30))', lines \(firstLine)–\(lastLine)); drafts describe behaviour, not code",
                at: draft.range(opening),
                hint: "describe what the code must do in prose and leave the code to the builder")
        }
        var block: (first: Int, last: Int, code: Int)?
        for line in 1...max(source.lineCount, 1) {
            let range = source.byteRange(ofLine: line)
            let inFence = draft.codeFences.contains { $0.contains(range.lowerBound) }
            let code = !inFence && Self.isCodeLike(source.bytes, range)
            let indented = !inFence && Self.isIndentedContent(source.bytes, range)
            if code || (indented && block != nil) {
                if let open = block {
                    block = (open.first, line, open.code + (code ? 1 : 0))
                } else {
                    block = (line, line, 1)
                }
            } else {
                if let open = block { report(open, in: draft, into: &sink) }
                block = nil
            }
        }
        if let open = block { report(open, in: draft, into: &sink) }
    }

    /// Reports an unfenced block of enough code lines, unless it is test code (``TestCodeRule``'s finding).
    private func report(_ block: (first: Int, last: Int, code: Int), in draft: DraftSpec, into sink: inout FindingSink) {
        guard block.code >= Self.minimumLines else { return }
        let source = draft.source
        let lines = block.first...block.last
        guard !lines.contains(where: { TestCodeRule.firstMatch(source.bytes, source.byteRange(ofLine: $0)) != nil }) else {
            return
        }
        let start = source.byteRange(ofLine: block.first)
        let bytes = start.lowerBound..<source.byteRange(ofLine: block.last).upperBound
        let content = LineScan.skipSpaces(source.bytes, from: start.lowerBound, limit: start.upperBound)
        sink.report(
            "\(place(of: content, in: draft)) has \(block.last - block.first + 1) lines of code starting '\(FlagContext.quote(draft, content..<start.upperBound, limit: 40))'; drafts describe behaviour, not code",
            at: draft.range(bytes),
            hint: "describe what the code must do in prose and leave the code to the builder")
    }

    /// The name of the field holding byte `offset`, or "the draft".
    private func place(of offset: Int, in draft: DraftSpec) -> String {
        let field = draft.fields.last { field in
            guard let first = field.valueLines.first else { return false }
            return first.lowerBound <= offset
        }
        guard let field, let span = field.valueSpan, offset <= span.upperBound else { return "the draft" }
        return FlagContext.name(field)
    }

    static func isFence(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        let start = LineScan.skipSpaces(bytes, from: line.lowerBound, limit: line.upperBound)
        return LineScan.has(Array("```".utf8), at: start, in: bytes, limit: line.upperBound)
            || LineScan.has(Array("~~~".utf8), at: start, in: bytes, limit: line.upperBound)
    }

    /// True for a non-blank line indented by four spaces or a tab that is not a list item.
    static func isIndentedContent(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        guard line.count > 4 else { return false }
        let tab = bytes[line.lowerBound] == 0x09
        guard tab || bytes[line.lowerBound..<(line.lowerBound + 4)].allSatisfy({ $0 == 0x20 }) else { return false }
        let start = LineScan.skipSpaces(bytes, from: line.lowerBound, limit: line.upperBound)
        return start < line.upperBound && LineScan.contentStart(bytes, line) == start
    }

    private static let operators = [" = ", "==", "!=", "<=", ">=", ":=", "=>", "+=", "-=", " -> ", "&&", "||"].map { Array($0.utf8) }
    private static let keywords = [
        "def ", "class ", "import ", "from ", "return ", "func ", "function ", "const ", "let ", "var ", "package ",
        "#include", "public ", "private ", "async ", "await ", "raise ", "throw ", "if ", "for ", "while ", "elif ",
        "else", "try", "except", "catch", "finally", "with ", "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ",
    ].map { Array($0.utf8) }

    /// True for a line that reads as code rather than prose: it ends like a statement or a block, calls
    /// something, or uses an operator, and has few plain words.
    static func isCodeLike(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        let start = LineScan.skipSpaces(bytes, from: line.lowerBound, limit: line.upperBound)
        var end = line.upperBound
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end, LineScan.contentStart(bytes, start..<end) == start else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: "."), end - start < 3 || bytes[end - 2] != UInt8(ascii: ".") { return false }
        if plainWords(bytes, start..<end, upTo: 6) >= 6 { return false }
        let call = hasCall(bytes, start..<end)
        switch last {
        case UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: "["):
            return true
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
            if call { return true }
        case UInt8(ascii: ":"):
            if end - start >= 2, bytes[end - 2] == UInt8(ascii: ")") { return true }
            if keywords.contains(where: { LineScan.has($0, at: start, in: bytes, limit: end) }), end - start <= 8 {
                return true
            }
        default:
            break
        }
        var index = start
        while index < end {
            if operators.contains(where: { LineScan.has($0, at: index, in: bytes, limit: end) }) { return true }
            index += 1
        }
        return call && keywords.contains { LineScan.has($0, at: start, in: bytes, limit: end) }
    }

    /// True when an identifier is directly followed by `(` and a `)` comes later.
    private static func hasCall(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var index = range.lowerBound + 1
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "("), TokenizedText.isWordByte(bytes[index - 1]), bytes[index - 1] < 0x80 {
                return bytes[(index + 1)..<range.upperBound].contains(UInt8(ascii: ")"))
            }
            index += 1
        }
        return false
    }

    /// The number of space-separated words made only of letters (with trailing `,` allowed), at least two
    /// long, counted up to `limit`.
    private static func plainWords(_ bytes: [UInt8], _ range: Range<Int>, upTo limit: Int) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound, count < limit {
            let end = LineScan.wordEnd(bytes, from: index, limit: range.upperBound)
            var letters = end
            if letters > index, bytes[letters - 1] == UInt8(ascii: ",") { letters -= 1 }
            if letters - index >= 2,
                bytes[index..<letters].allSatisfy({ LineScan.isLower($0) || LineScan.isUpper($0) })
            {
                count += 1
            }
            index = LineScan.skipSpaces(bytes, from: end, limit: range.upperBound)
        }
        return count
    }
}
