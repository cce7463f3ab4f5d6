/// `harbor-scaffold: ignore[ID,…]` comments: on the line above a finding or on its line
/// (`#` comments in Dockerfile, Python, shell and TOML; `<!-- … -->` in Markdown), and
/// `harbor-scaffold: ignore-file[ID,…]` anywhere for the whole file.
///
/// In a Dockerfile (read with ``init(_:dockerfile:)``) a directive in the comment block directly
/// above an instruction covers every line of that instruction — its continuation lines and
/// here-document bodies included — and nothing after it; a directive on a line of an instruction
/// covers that line and the next line of the same instruction. hadolint's pragmas are honoured there
/// too: `# hadolint ignore=DL3013,…` with the same reach, and `# hadolint global ignore=DL3059,…` for
/// the whole file, each silencing the harbor-scaffold rule ``HadolintEquivalents`` maps the code to.
public struct Suppressions: Sendable {
    /// A suppression comment as written.
    public struct Directive: Sendable {
        /// The ids or names listed (empty for a hadolint pragma).
        public let selectors: [String]
        /// For `# hadolint ignore=…`: hadolint's codes as listed (`DL3013`); empty otherwise.
        public let hadolintCodes: [String]
        /// The line of the comment.
        public let line: Int
        /// The column where `harbor-scaffold:` (or the hadolint pragma's `#`) starts.
        public let column: Int
        /// True for `ignore-file` and `hadolint global ignore`.
        public let isFileWide: Bool
        /// The lines the directive covers (unless file-wide): its own line and the next one, or in a
        /// Dockerfile the whole instruction below its comment block.
        public let coveredLines: ClosedRange<Int>

        init(
            selectors: [String], hadolintCodes: [String] = [], line: Int, column: Int, isFileWide: Bool,
            coveredLines: ClosedRange<Int>? = nil
        ) {
            self.selectors = selectors
            self.hadolintCodes = hadolintCodes
            self.line = line
            self.column = column
            self.isFileWide = isFileWide
            self.coveredLines = coveredLines ?? line...(line + 1)
        }

        /// The same directive covering `lines`.
        func covering(_ lines: ClosedRange<Int>) -> Directive {
            Directive(
                selectors: selectors, hadolintCodes: hadolintCodes, line: line, column: column, isFileWide: isFileWide,
                coveredLines: lines)
        }

        /// True when a finding on `line` is in the directive's reach.
        func covers(line: Int) -> Bool {
            isFileWide || coveredLines.contains(line)
        }

        /// True when the directive names `rule` (or, for a hadolint pragma, a code equivalent to the
        /// part of `rule` that `diagnostic` is about).
        func names(_ rule: RuleDescription, finding diagnostic: Diagnostic?) -> Bool {
            if selectors.contains(where: { RuleSelection.specificity($0, rule) != nil }) { return true }
            return hadolintCodes.contains { code in
                HadolintEquivalents.all.contains { $0.code == code && $0.ruleID == rule.id && (diagnostic.map($0.covers) ?? true) }
            }
        }
    }

    /// Every directive in the file.
    public let directives: [Directive]

    /// Reads the directives of `source`: each covers its own line and the next.
    public init(_ source: SourceText) {
        directives = Self.read(source)
    }

    /// Reads the directives and hadolint pragmas of the Dockerfile `source` (parsed as `dockerfile`):
    /// one in the comment block directly above an instruction covers the whole instruction; one on a
    /// line of an instruction covers that line and the next line of the same instruction.
    public init(_ source: SourceText, dockerfile: Dockerfile) {
        let reach = DockerfileReach(dockerfile)
        var found = Self.read(source)
        for comment in dockerfile.comments where !comment.isInsideInstruction {
            guard let pragma = Self.hadolintPragma(comment.content) else { continue }
            found.append(
                Directive(
                    selectors: [], hadolintCodes: pragma.codes, line: comment.line, column: comment.range.start.column,
                    isFileWide: pragma.isGlobal))
        }
        directives = found.sorted { $0.line < $1.line }.map { $0.covering(reach.lines(coveredFrom: $0.line)) }
    }

    /// True when a finding of `rule` on `line` is suppressed (a hadolint pragma counts when its code is
    /// equivalent to the whole rule or to any part of it).
    public func suppresses(_ rule: RuleDescription, line: Int) -> Bool {
        directives.contains { $0.covers(line: line) && $0.names(rule, finding: nil) }
    }

    /// True when `diagnostic`, a finding of `rule`, is suppressed.
    public func suppresses(_ diagnostic: Diagnostic, of rule: RuleDescription) -> Bool {
        directives.contains { $0.covers(line: diagnostic.line) && $0.names(rule, finding: diagnostic) }
    }

    /// Reads hadolint's `hadolint ignore=DL3008,DL3015` or `hadolint global ignore=DL3059` (the text of a
    /// comment after its `#`), with hadolint's grammar: lowercase words separated by blanks, codes made of
    /// `D`, `L`, `S`, `C` and digits separated by commas, an optional `# comment` after them. Anything
    /// else (another pragma such as `hadolint shell=bash`, or a malformed one) gives nil.
    static func hadolintPragma(_ text: String) -> (codes: [String], isGlobal: Bool)? {
        var rest = Substring(text)
        func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }
        func take(_ word: String, blanksAfter: Bool) -> Bool {
            guard rest.hasPrefix(word) else { return false }
            let after = rest.dropFirst(word.count)
            guard !blanksAfter || after.first.map(isBlank) == true else { return false }
            rest = after.drop(while: isBlank)
            return true
        }
        rest = rest.drop(while: isBlank)
        guard take("hadolint", blanksAfter: true) else { return nil }
        let isGlobal = take("global", blanksAfter: true)
        guard take("ignore", blanksAfter: false), take("=", blanksAfter: false) else { return nil }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let allowed = Set("DLSC0123456789")
        let codes = rest.split(separator: ",", omittingEmptySubsequences: false).map { ShellByte.trimmingBlanks($0) }
        guard codes.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) }) else { return nil }
        return (codes, isGlobal)
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
