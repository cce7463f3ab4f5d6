/// Turns Dockerfile byte offsets into positions quickly: columns on pure-ASCII lines are computed
/// by subtraction; other lines fall back to ``SourceText/position(ofByte:)`` (character counting).
struct DockerPositionIndex: Sendable {
    let source: SourceText
    /// Whether each line (0-based) contains only ASCII bytes.
    let asciiLines: [Bool]

    init(source: SourceText) {
        self.source = source
        let starts = source.lineStarts
        var lines = [Bool](repeating: true, count: starts.count)
        source.bytes.withUnsafeBufferPointer { buffer in
            var line = 0
            var offset = 0
            let count = buffer.count
            while offset < count {
                if buffer[offset] >= 0x80 {
                    while line + 1 < starts.count, starts[line + 1] <= offset { line += 1 }
                    lines[line] = false
                    // Skip to the next line: this one is already known to be non-ASCII.
                    offset = line + 1 < starts.count ? max(starts[line + 1], offset + 1) : count
                    continue
                }
                offset += 1
            }
        }
        asciiLines = lines
    }

    func position(ofByte offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), source.bytes.count)
        let line = source.line(containing: clamped)
        guard line - 1 < asciiLines.count, asciiLines[line - 1] else { return source.position(ofByte: clamped) }
        return SourcePosition(line: line, column: clamped - source.lineStarts[line - 1] + 1)
    }

    func range(ofBytes range: Range<Int>) -> SourceRange {
        let count = source.bytes.count
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        return SourceRange(start: position(ofByte: lower), end: position(ofByte: upper))
    }
}
