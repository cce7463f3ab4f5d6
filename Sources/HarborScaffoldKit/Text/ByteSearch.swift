/// Plain substring search over UTF-8 bytes, for the few fixed needles rules look for (no regex).
enum ByteSearch {
    /// The first offset at or after `start` where `needle` occurs in `haystack`.
    static func firstIndex<Haystack: RandomAccessCollection<UInt8>>(
        of needle: [UInt8], in haystack: Haystack, from start: Haystack.Index
    ) -> Haystack.Index? {
        guard let first = needle.first, haystack.distance(from: start, to: haystack.endIndex) >= needle.count else {
            return nil
        }
        let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
        var index = start
        while index <= last {
            if haystack[index] == first,
                haystack[index..<haystack.index(index, offsetBy: needle.count)].elementsEqual(needle)
            {
                return index
            }
            index = haystack.index(after: index)
        }
        return nil
    }
}

/// A text indexed by its byte pairs, for asking whether many needles occur in it: each question
/// checks only the places where the needle's first two bytes occur, instead of the whole text.
struct ByteSearchIndex {
    private let bytes: [UInt8]
    private let positions: [UInt16: [Int]]

    /// Indexes `bytes` (one pass).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var positions: [UInt16: [Int]] = [:]
        if bytes.count >= 2 {
            for index in 0..<(bytes.count - 1) { positions[Self.pair(bytes[index], bytes[index + 1]), default: []].append(index) }
        }
        self.positions = positions
    }

    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt16 { UInt16(first) << 8 | UInt16(second) }

    /// True when `needle` occurs in the text.
    func contains(_ needle: some StringProtocol) -> Bool {
        let needle = Array(needle.utf8)
        guard needle.count >= 2 else { return needle.first.map(bytes.contains) ?? true }
        for start in positions[Self.pair(needle[0], needle[1])] ?? [] where start + needle.count <= bytes.count {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
