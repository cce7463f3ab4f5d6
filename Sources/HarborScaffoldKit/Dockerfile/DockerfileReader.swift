/// The Dockerfile reader's state: walks physical lines, assembles logical instructions and builds
/// stages as it goes.
struct DockerfileReader {
    let source: SourceText
    let bytes: [UInt8]
    let lineCount: Int
    let positions: DockerPositionIndex
    var escape: UInt8 = ShellByte.backslash
    var directives: [DockerfileDirective] = []
    var comments: [DockerComment] = []
    var blankLines: [Int] = []
    var instructions: [DockerInstruction] = []
    var stages: [DockerStage] = []
    var globalArguments: [DockerKeyValue] = []
    var issues: [DockerfileIssue] = []
    var expander = DockerVariableExpander()
    var currentShell = DockerInstruction.defaultShell

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
        self.lineCount = bytes.isEmpty ? 0 : source.lineCount
        self.positions = DockerPositionIndex(source: source)
    }

    mutating func run() {
        var line = readDirectives()
        expander.escape = escape
        while line < lineCount {
            let bounds = lineBounds(line)
            let contentStart = firstNonWhitespace(in: bounds)
            if contentStart == bounds.upperBound {
                blankLines.append(line + 1)
                line += 1
            } else if bytes[contentStart] == ShellByte.hash {
                addComment(line: line, from: contentStart, bounds: bounds, inside: false)
                line += 1
            } else {
                line = max(line + 1, readInstruction(startLine: line, contentStart: contentStart))
            }
        }
        if !instructions.isEmpty, stages.isEmpty {
            addIssue("Dockerfile has no FROM instruction", bytes: 0..<0)
        }
    }

    func makeDockerfile() -> Dockerfile {
        Dockerfile(
            source: source, directives: directives,
            escapeCharacter: escape == ShellByte.backtick ? "`" : "\\", comments: comments, blankLines: blankLines,
            instructions: instructions, stages: stages, globalArguments: globalArguments, issues: issues,
            positions: positions)
    }

    // MARK: - Lines

    /// Byte range of 0-based line `index`, without its newline.
    func lineBounds(_ index: Int) -> Range<Int> {
        let starts = source.lineStarts
        guard index >= 0, index < starts.count else { return bytes.count..<bytes.count }
        let start = min(starts[index], bytes.count)
        let next = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return start..<max(start, min(next, bytes.count))
    }

    func firstNonWhitespace(in bounds: Range<Int>) -> Int {
        var index = bounds.lowerBound
        while index < bounds.upperBound, ShellByte.isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    func range(_ byteRange: Range<Int>) -> SourceRange {
        positions.range(ofBytes: byteRange)
    }

    mutating func addIssue(_ message: String, bytes byteRange: Range<Int>) {
        issues.append(DockerfileIssue(message: message, range: range(byteRange)))
    }

    mutating func addComment(line: Int, from start: Int, bounds: Range<Int>, inside: Bool) {
        var end = bounds.upperBound
        while end > start, ShellByte.isWhitespace(bytes[end - 1]) { end -= 1 }
        comments.append(
            DockerComment(
                text: String(decoding: bytes[start..<end], as: UTF8.self), line: line + 1, range: range(start..<end),
                isInsideInstruction: inside))
    }

    // MARK: - Directives

    /// Reads parser directives at the top of the file; returns the first line that is not one.
    mutating func readDirectives() -> Int {
        var line = 0
        var seen = Set<String>()
        while line < lineCount {
            let bounds = lineBounds(line)
            guard let (name, value) = parseDirective(bounds), ["syntax", "escape", "check"].contains(name) else { break }
            if seen.contains(name) {
                addIssue("only one `\(name)` parser directive can be used", bytes: bounds)
            } else {
                seen.insert(name)
                directives.append(DockerfileDirective(name: name, value: value, line: line + 1, range: range(bounds)))
                if name == "escape" {
                    switch value {
                    case "\\": escape = ShellByte.backslash
                    case "`": escape = ShellByte.backtick
                    default: addIssue("invalid escape character `\(value)` (must be ` or \\)", bytes: bounds)
                    }
                }
            }
            line += 1
        }
        return line
    }

    /// `# name = value` → (lowercased name, value).
    func parseDirective(_ bounds: Range<Int>) -> (String, String)? {
        var index = bounds.lowerBound
        let end = bounds.upperBound
        func skipBlanks() { while index < end, ShellByte.isBlank(bytes[index]) { index += 1 } }
        skipBlanks()
        guard index < end, bytes[index] == ShellByte.hash else { return nil }
        index += 1
        skipBlanks()
        let nameStart = index
        guard index < end, ShellByte.isLetter(bytes[index]) else { return nil }
        while index < end, ShellByte.isAlphanumeric(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        skipBlanks()
        guard index < end, bytes[index] == ShellByte.equals else { return nil }
        index += 1
        let value = ShellByte.trimmingBlanks(Substring(String(decoding: bytes[index..<end], as: UTF8.self)))
        return value.isEmpty ? nil : (name, value)
    }
}
