/// Text split into lowercase word tokens, each with a hash and its byte range in the source,
/// and grouped into sentences. Built once per field so that every rule can match phrases cheaply.
public struct TokenizedText: Sendable {
    /// FNV-1a hash of each token's lowercase bytes.
    public let hashes: [UInt64]
    /// Byte range of each token in the source bytes it was cut from.
    public let ranges: [Range<Int>]
    /// Sentence number of each token (sentences end at `.`, `!`, `?`, `;`, a blank line or a new list item).
    public let sentences: [Int]
    /// True for tokens that start with a digit.
    public let isNumeric: [Bool]

    /// An empty token list.
    public static let empty = TokenizedText(hashes: [], ranges: [], sentences: [], isNumeric: [])

    private init(hashes: [UInt64], ranges: [Range<Int>], sentences: [Int], isNumeric: [Bool]) {
        self.hashes = hashes
        self.ranges = ranges
        self.sentences = sentences
        self.isNumeric = isNumeric
    }

    /// Number of tokens.
    public var count: Int { hashes.count }

    /// Tokenises `bytes[range]`. Word characters are ASCII letters, digits, `_` and every non-ASCII byte.
    public init(_ bytes: [UInt8], range: Range<Int>) {
        var hashes: [UInt64] = []
        var ranges: [Range<Int>] = []
        var sentences: [Int] = []
        var numeric: [Bool] = []
        var sentence = 0
        var index = range.lowerBound
        var pendingBreak = false
        var lineStart = true
        var blankRun = 0
        while index < range.upperBound {
            let byte = bytes[index]
            if TokenizedText.isWordByte(byte) {
                if pendingBreak, !hashes.isEmpty { sentence += 1 }
                pendingBreak = false
                lineStart = false
                blankRun = 0
                let start = index
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                while index < range.upperBound, TokenizedText.isWordByte(bytes[index]) {
                    hash = (hash ^ UInt64(TokenizedText.lower(bytes[index]))) &* 0x100_0000_01b3
                    index += 1
                }
                hashes.append(hash)
                ranges.append(start..<index)
                sentences.append(sentence)
                numeric.append(byte >= 0x30 && byte <= 0x39)
                continue
            }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"):
                let next = index + 1 < range.upperBound ? bytes[index + 1] : 0x20
                if next == 0x20 || next == 0x0A || next == 0x09 || next == UInt8(ascii: ")") { pendingBreak = true }
            case 0x0A:
                blankRun += 1
                if blankRun >= 2 { pendingBreak = true }
                lineStart = true
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                if lineStart { pendingBreak = true }
            case 0x20, 0x09:
                break
            default:
                lineStart = false
            }
            index += 1
        }
        self.init(hashes: hashes, ranges: ranges, sentences: sentences, isNumeric: numeric)
    }

    /// Tokenises a whole string (used for phrases and tests).
    public init(_ text: String) {
        let bytes = Array(text.utf8)
        self.init(bytes, range: 0..<bytes.count)
    }

    /// The token range of the sentence containing token `index`.
    public func sentence(containing index: Int) -> Range<Int> {
        let id = sentences[index]
        var low = index
        while low > 0, sentences[low - 1] == id { low -= 1 }
        var high = index + 1
        while high < count, sentences[high] == id { high += 1 }
        return low..<high
    }

    /// The byte range spanning tokens `tokens`.
    public func byteRange(of tokens: Range<Int>) -> Range<Int> {
        ranges[tokens.lowerBound].lowerBound..<ranges[tokens.upperBound - 1].upperBound
    }

    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte >= 0x80
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
