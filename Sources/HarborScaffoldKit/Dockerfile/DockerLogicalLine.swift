/// An instruction's text with continuation lines joined, remembering where each byte came from.
struct DockerLogicalLine {
    var bytes: [UInt8] = []
    /// Dockerfile byte offset of each byte of ``bytes``.
    var offsets: [Int] = []

    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        bytes.append(contentsOf: source[range])
        offsets.append(contentsOf: range)
    }

    /// Dockerfile byte offsets of local `range`.
    func absolute(_ range: Range<Int>) -> Range<Int> {
        map.absolute(range)
    }

    var map: ShellOffsetMap {
        ShellOffsetMap(table: offsets, endOffset: (offsets.last ?? 0) + 1)
    }

    /// The map for local bytes `range` only (used to read part of the line as a shell script).
    func map(for range: Range<Int>) -> ShellOffsetMap {
        let lower = max(0, min(range.lowerBound, offsets.count))
        let upper = max(lower, min(range.upperBound, offsets.count))
        let endOffset = upper > lower ? offsets[upper - 1] + 1 : (lower < offsets.count ? offsets[lower] : (offsets.last ?? 0) + 1)
        return ShellOffsetMap(table: Array(offsets[lower..<upper]), endOffset: endOffset)
    }
}
