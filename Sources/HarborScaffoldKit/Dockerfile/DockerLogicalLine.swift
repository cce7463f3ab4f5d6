/// An instruction's text with continuation lines joined, remembering where each byte came from.
struct DockerLogicalLine {
    var bytes: [UInt8] = []
    /// Where each contiguous piece of ``bytes`` came from in the Dockerfile.
    var segments: [ShellOffsetMap.Segment] = []
    /// Dockerfile offset just after the last appended byte.
    var endOffset = 0

    /// Appends `source[range]`, which starts at Dockerfile offset `range.lowerBound`.
    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        let range = range.clamped(to: 0..<source.count)
        guard !range.isEmpty else { return }
        let continuesLast = segments.last.map { $0.absoluteStart + (bytes.count - $0.localStart) == range.lowerBound }
        if continuesLast != true {
            segments.append(ShellOffsetMap.Segment(localStart: bytes.count, absoluteStart: range.lowerBound))
        }
        bytes.append(contentsOf: source[range])
        endOffset = range.upperBound
    }

    var map: ShellOffsetMap {
        ShellOffsetMap(segments: segments, count: bytes.count, endOffset: endOffset)
    }

    /// Dockerfile byte offsets of local `range`.
    func absolute(_ range: Range<Int>) -> Range<Int> {
        map.absolute(range)
    }

    /// The map for local bytes `range` only (used to read part of the line as a shell script).
    func map(for range: Range<Int>) -> ShellOffsetMap {
        map.slice(range)
    }

    /// A logical line holding local bytes `range` of this one, read again from `source`.
    func sliced(_ range: Range<Int>, source: [UInt8]) -> DockerLogicalLine {
        let sub = map.slice(range)
        var result = DockerLogicalLine()
        let pieces = sub.segments ?? []
        for position in pieces.indices {
            let segment = pieces[position]
            let next = position + 1 < pieces.count ? pieces[position + 1].localStart : sub.count
            result.append(source, segment.absoluteStart..<(segment.absoluteStart + next - segment.localStart))
        }
        return result
    }
}
