/// One item of a list-valued field (Core Skills Tested, Key Technologies).
public struct DraftListItem: Sendable, Equatable {
    /// The item text without list markers or trailing punctuation.
    public let text: String
    /// Byte range of the item in the draft.
    public let bytes: Range<Int>
}

extension DraftField {
    /// The field's value read as a list: one item per bullet line when the value has bullets,
    /// else the value split at commas and semicolons outside parentheses.
    public func listItems(in source: SourceText) -> [DraftListItem] {
        let bytes = source.bytes
        let bulleted = valueLines.filter { line in
            guard let first = line.first else { return false }
            let byte = bytes[first]
            return (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+"))
                && line.count > 1 && bytes[first + 1] == 0x20
        }
        if !bulleted.isEmpty {
            return bulleted.compactMap { item(bytes, ($0.lowerBound + 2)..<$0.upperBound) }
        }
        var items: [DraftListItem] = []
        for line in valueLines {
            var depth = 0
            var start = line.lowerBound
            for index in line {
                switch bytes[index] {
                case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    guard depth == 0 else { break }
                    if let found = item(bytes, start..<index) { items.append(found) }
                    start = index + 1
                default: break
                }
            }
            if let found = item(bytes, start..<line.upperBound) { items.append(found) }
        }
        return items
    }

    private func item(_ bytes: [UInt8], _ range: Range<Int>) -> DraftListItem? {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        if high - low >= 4, bytes[low..<(low + 4)].elementsEqual("and ".utf8) { low += 4 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == UInt8(ascii: ".") || bytes[high - 1] == 0x09 {
            high -= 1
        }
        guard low < high else { return nil }
        return DraftListItem(text: String(decoding: bytes[low..<high], as: UTF8.self), bytes: low..<high)
    }
}
