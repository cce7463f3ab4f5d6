/// Maps byte indices of the text being read to byte offsets reported in results: either a constant
/// shift, or a table for text that was assembled from pieces of a larger file.
struct ShellOffsetMap: Sendable {
    /// Offset added to every index when there is no table.
    let base: Int
    /// Absolute offset of each byte; when present, `table.count` equals the number of bytes read.
    let table: [Int]?
    /// Absolute offset just after the last byte, used for ranges ending at the end of the text.
    let endOffset: Int?

    init(base: Int) {
        self.base = base
        self.table = nil
        self.endOffset = nil
    }

    init(table: [Int], endOffset: Int) {
        self.base = 0
        self.table = table
        self.endOffset = endOffset
    }

    /// The absolute offset of local byte `index` (clamped to the table).
    func absolute(_ index: Int) -> Int {
        guard let table else { return base + index }
        if index >= table.count { return endOffset ?? (table.last.map { $0 + 1 } ?? 0) }
        return table[max(index, 0)]
    }

    /// The absolute range of local bytes `range`: from the first byte to just after the last byte.
    func absolute(_ range: Range<Int>) -> Range<Int> {
        guard table != nil else { return (base + range.lowerBound)..<(base + range.upperBound) }
        let lower = absolute(range.lowerBound)
        guard range.upperBound > range.lowerBound else { return lower..<lower }
        let upper = absolute(range.upperBound - 1) + 1
        return lower..<max(lower, upper)
    }

    /// A map for a text made of local bytes `indices` of this one (in order).
    func composed(with indices: [Int], endIndex: Int) -> ShellOffsetMap {
        ShellOffsetMap(table: indices.map { absolute($0) }, endOffset: absolute(endIndex))
    }
}
