/// `harbor-scaffold: ignore[ID,…]` comments: on the line above a finding or on its line
/// (`#` comments in Dockerfile, Python, shell and TOML; `<!-- … -->` in Markdown), and
/// `harbor-scaffold: ignore-file[ID,…]` anywhere for the whole file.
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
    }

    /// Every directive in the file.
    public let directives: [Directive]

    /// Reads the directives of `source`.
    public init(_ source: SourceText) {
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
        directives = found
    }

    /// True when a finding of `rule` on `line` is suppressed.
    public func suppresses(_ rule: RuleDescription, line: Int) -> Bool {
        directives.contains { directive in
            (directive.isFileWide || directive.line == line || directive.line == line - 1)
                && directive.selectors.contains { RuleSelection.specificity($0, rule) != nil }
        }
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
