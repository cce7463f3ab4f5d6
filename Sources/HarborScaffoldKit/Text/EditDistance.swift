/// Levenshtein distance, for did-you-mean suggestions.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions between `a` and `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// The candidate closest to `word` within a tolerance scaled to its length, or `nil`.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let folded = word.lowercased()
        let tolerance = max(1, min(3, folded.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let distance = between(folded, candidate.lowercased())
            if distance <= tolerance, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
