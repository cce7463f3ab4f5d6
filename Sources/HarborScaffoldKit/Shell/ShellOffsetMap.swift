/// Maps byte indices of the text being read to byte offsets reported in results: either a constant
/// shift, or contiguous segments for text that was assembled from pieces of a larger file (a `RUN`
/// instruction with its continuation lines joined).
struct ShellOffsetMap: Sendable {
    /// A run of bytes copied contiguously: local index `localStart` came from `absoluteStart`.
    struct Segment: Sendable {
        var localStart: Int
        var absoluteStart: Int
    }

    /// Offset added to every index when there are no segments.
    let base: Int
    /// Segments sorted by `localStart` (the first starts at 0); nil for a constant shift.
    let segments: [Segment]?
    /// Number of local bytes covered by the segments.
    let count: Int
    /// Absolute offset just after the last byte, used for indices at or past the end.
    let endOffset: Int

    init(base: Int) {
        self.base = base
        self.segments = nil
        self.count = 0
        self.endOffset = base
    }

    init(segments: [Segment], count: Int, endOffset: Int) {
        self.base = 0
        self.segments = segments
        self.count = count
        self.endOffset = endOffset
    }

    /// A map from a table giving the absolute offset of every local byte.
    init(table: [Int], endOffset: Int) {
        var segments: [Segment] = []
        var previous = Int.min
        var index = 0
        while index < table.count {
            let absolute = table[index]
            if absolute != previous &+ 1 || segments.isEmpty {
                segments.append(Segment(localStart: index, absoluteStart: absolute))
            }
            previous = absolute
            index += 1
        }
        self.init(segments: segments, count: table.count, endOffset: endOffset)
    }

    /// The absolute offset of local byte `index` (clamped to the mapped text).
    func absolute(_ index: Int) -> Int {
        guard let segments else { return base + index }
        guard index < count, let first = segments.first else { return endOffset }
        guard index > first.localStart else { return first.absoluteStart }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].localStart <= index { low = mid } else { high = mid - 1 }
        }
        return segments[low].absoluteStart + (index - segments[low].localStart)
    }

    /// The absolute range of local bytes `range`: from the first byte to just after the last byte.
    func absolute(_ range: Range<Int>) -> Range<Int> {
        guard segments != nil else { return (base + range.lowerBound)..<(base + range.upperBound) }
        let lower = absolute(range.lowerBound)
        guard range.upperBound > range.lowerBound else { return lower..<lower }
        let upper = range.upperBound >= count ? endOffset : absolute(range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }

    /// A map for a text made of local bytes `indices` of this one (in order).
    func composed(with indices: [Int], endIndex: Int) -> ShellOffsetMap {
        ShellOffsetMap(table: indices.map { absolute($0) }, endOffset: absolute(endIndex))
    }

    /// The local index whose byte came from absolute offset `offset`, or nil when no byte did (or the
    /// segments are not in increasing order, which the maps built here always are).
    func local(ofAbsolute offset: Int) -> Int? {
        guard let segments else { return offset >= base ? offset - base : nil }
        var low = 0
        var high = segments.count - 1
        guard high >= 0, segments[0].absoluteStart <= offset else { return nil }
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].absoluteStart <= offset { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        let segmentEnd = low + 1 < segments.count ? segments[low + 1].localStart : count
        let index = segment.localStart + (offset - segment.absoluteStart)
        guard index < segmentEnd, absolute(index) == offset else { return nil }
        return index
    }

    /// The map of local bytes `range` of this text, re-indexed from 0.
    func slice(_ range: Range<Int>) -> ShellOffsetMap {
        guard let segments else { return ShellOffsetMap(base: base + range.lowerBound) }
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        var result: [Segment] = []
        for position in segments.indices {
            let segment = segments[position]
            let segmentEnd = position + 1 < segments.count ? segments[position + 1].localStart : count
            let start = max(segment.localStart, lower)
            let end = min(segmentEnd, upper)
            guard start < end else { continue }
            result.append(
                Segment(localStart: start - lower, absoluteStart: segment.absoluteStart + (start - segment.localStart)))
        }
        let end = upper > lower ? absolute(upper - 1) + 1 : absolute(lower)
        return ShellOffsetMap(segments: result, count: upper - lower, endOffset: end)
    }
}
