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
