/// A fixed set of word phrases matched against ``TokenizedText`` by token hashes.
///
/// Phrases are tokenised like the text, so matching ignores case and punctuation between words
/// (`node.js` matches "Node JS"). A first-word bit filter keeps the miss path to one array read.
public struct PhraseSet: Sendable {
    /// The phrases as given.
    public let phrases: [String]
    private let words: [[UInt64]]
    private let byFirstWord: [UInt64: [Int]]
    private let filter: [UInt64]

    /// Creates a set; empty phrases are ignored.
    public init(_ phrases: [String]) {
        self.phrases = phrases
        let words = phrases.map { TokenizedText($0).hashes }
        var index: [UInt64: [Int]] = [:]
        var filter = [UInt64](repeating: 0, count: PhraseSet.filterWords)
        for (position, phrase) in words.enumerated() {
            guard let first = phrase.first else { continue }
            index[first, default: []].append(position)
            let bit = Int(first % UInt64(PhraseSet.filterWords * 64))
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        for key in index.keys { index[key]?.sort { words[$0].count > words[$1].count } }
        self.words = words
        self.byFirstWord = index
        self.filter = filter
    }

    private static let filterWords = 64

    /// A phrase found in a text.
    public struct Match: Sendable, Equatable {
        /// Index into ``PhraseSet/phrases``.
        public let phrase: Int
        /// The matched tokens.
        public let tokens: Range<Int>
    }

    /// The longest phrase starting at token `start`, if any.
    @inline(__always) public func match(in text: TokenizedText, at start: Int) -> Match? {
        let hash = text.hashes[start]
        let bit = Int(hash % UInt64(PhraseSet.filterWords * 64))
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let candidates = byFirstWord[hash] else { return nil }
        for candidate in candidates {
            let phrase = words[candidate]
            guard start + phrase.count <= text.count else { continue }
            var same = true
            for offset in 1..<phrase.count where text.hashes[start + offset] != phrase[offset] {
                same = false
                break
            }
            if same { return Match(phrase: candidate, tokens: start..<(start + phrase.count)) }
        }
        return nil
    }

    /// Every non-overlapping match, leftmost-longest, in order.
    public func matches(in text: TokenizedText, tokens: Range<Int>? = nil) -> [Match] {
        var found: [Match] = []
        let range = tokens ?? 0..<text.count
        var index = range.lowerBound
        while index < range.upperBound {
            if let hit = match(in: text, at: index), hit.tokens.upperBound <= range.upperBound {
                found.append(hit)
                index = hit.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The first match, if any.
    public func firstMatch(in text: TokenizedText, tokens: Range<Int>? = nil) -> Match? {
        let range = tokens ?? 0..<text.count
        for index in range {
            if let hit = match(in: text, at: index), hit.tokens.upperBound <= range.upperBound { return hit }
        }
        return nil
    }

    /// True when any phrase occurs in `tokens` of `text`.
    public func occurs(in text: TokenizedText, tokens: Range<Int>? = nil) -> Bool {
        firstMatch(in: text, tokens: tokens) != nil
    }
}
