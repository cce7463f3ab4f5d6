/// `harbor-scaffold: ignore[ID,…]` comments: on the line above a finding or on its line
/// (`#` comments in Dockerfile, Python, shell and TOML; `<!-- … -->` in Markdown), and
/// `harbor-scaffold: ignore-file[ID,…]` anywhere for the whole file.
///
/// In a Dockerfile (read with ``init(_:dockerfile:)``) a directive in the comment block directly
/// above an instruction covers every line of that instruction — its continuation lines and
/// here-document bodies included — and nothing after it, as hadolint's pragmas do; a directive on a
/// line of an instruction covers that line and the next line of the same instruction.
public struct Suppressions: Sendable {
    /// A suppression comment as written.
    public struct Directive: Sendable {
        /// The ids or names listed.
        public let selectors: [String]
        /// The line of the comment.
        public let line: Int
        /// The column where `harbor-scaffold:` starts.
        public let column: Int
        /// True for `ignore-file`.
        public let isFileWide: Bool
        /// The lines the directive covers (unless file-wide): its own line and the next one, or in a
        /// Dockerfile the whole instruction below its comment block.
        public let coveredLines: ClosedRange<Int>

        init(selectors: [String], line: Int, column: Int, isFileWide: Bool, coveredLines: ClosedRange<Int>? = nil) {
            self.selectors = selectors
            self.line = line
            self.column = column
            self.isFileWide = isFileWide
            self.coveredLines = coveredLines ?? line...(line + 1)
        }

        /// The same directive covering `lines`.
        func covering(_ lines: ClosedRange<Int>) -> Directive {
            Directive(selectors: selectors, line: line, column: column, isFileWide: isFileWide, coveredLines: lines)
        }

        /// True when a finding on `line` is in the directive's reach.
        func covers(line: Int) -> Bool {
            isFileWide || coveredLines.contains(line)
        }
    }

    /// Every directive in the file.
    public let directives: [Directive]

    /// Reads the directives of `source`: each covers its own line and the next.
    public init(_ source: SourceText) {
        directives = Self.read(source)
    }

    /// Reads the directives of the Dockerfile `source` (parsed as `dockerfile`): a directive in the
    /// comment block directly above an instruction covers the whole instruction; one on a line of an
    /// instruction covers that line and the next line of the same instruction.
    public init(_ source: SourceText, dockerfile: Dockerfile) {
        let reach = DockerfileReach(dockerfile)
        directives = Self.read(source).map { $0.covering(reach.lines(coveredFrom: $0.line)) }
    }

    /// True when a finding of `rule` on `line` is suppressed.
    public func suppresses(_ rule: RuleDescription, line: Int) -> Bool {
        directives.contains { directive in
            directive.covers(line: line) && directive.selectors.contains { RuleSelection.specificity($0, rule) != nil }
        }
    }

    /// The `harbor-scaffold:` directives of `source`, each covering its line and the next.
    private static func read(_ source: SourceText) -> [Directive] {
        var found: [Directive] = []
        let marker = Array("harbor-scaffold:".utf8)
        for line in 1...max(1, source.lineCount) where source.lineCount > 0 {
            let range = source.byteRange(ofLine: line)
            let bytes = source.bytes
            guard range.count > marker.count, let start = ByteSearch.firstIndex(of: marker, in: bytes[range], from: range.lowerBound) else { continue }
            guard Self.isInComment(bytes, range.lowerBound, start) else { continue }
            var index = start + marker.count
            while index < range.upperBound, bytes[index] == 0x20 { index += 1 }
            let rest = String(decoding: bytes[index..<range.upperBound], as: UTF8.self)
            let fileWide = rest.hasPrefix("ignore-file[")
            guard fileWide || rest.hasPrefix("ignore["), let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]") , open < close else { continue }
            let selectors = rest[rest.index(after: open)..<close].split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            let column = source.position(ofByte: start).column
            found.append(Directive(selectors: selectors, line: line, column: column, isFileWide: fileWide))
        }
        return found
    }

    /// The marker counts only after `#` or `<!--` on its line.
    private static func isInComment(_ bytes: [UInt8], _ lineStart: Int, _ marker: Int) -> Bool {
        var index = lineStart
        while index < marker {
            if bytes[index] == UInt8(ascii: "#") { return true }
            if bytes[index] == UInt8(ascii: "<"), index + 3 < marker, bytes[(index + 1)..<(index + 4)].elementsEqual("!--".utf8) { return true }
            index += 1
        }
        return false
    }
}

/// Which lines a comment on a given line of a Dockerfile reaches: the instruction below its comment
/// block, or the rest of the instruction it is written in.
struct DockerfileReach {
    /// For each comment line of a block directly above an instruction: that instruction's lines.
    private var above: [Int: ClosedRange<Int>] = [:]
    /// For each line of an instruction (here-document bodies included): the instruction's lines.
    private var within: [Int: ClosedRange<Int>] = [:]

    init(_ dockerfile: Dockerfile) {
        let blockLines = Set(dockerfile.comments.lazy.filter { !$0.isInsideInstruction }.map(\.line))
        for instruction in dockerfile.instructions {
            let lines = instruction.lines
            var line = lines.lowerBound - 1
            while blockLines.contains(line), above[line] == nil {
                above[line] = lines
                line -= 1
            }
            for inner in lines where within[inner] == nil { within[inner] = lines }
        }
    }

    /// The lines a directive on `line` covers.
    func lines(coveredFrom line: Int) -> ClosedRange<Int> {
        if let instruction = above[line] { return line...max(line, instruction.upperBound) }
        if let instruction = within[line] { return line...min(line + 1, max(line, instruction.upperBound)) }
        return line...(line + 1)
    }
}
