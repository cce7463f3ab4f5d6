/// One planned pytest function: its name, the Testing aspects it covers and its weight.
public struct PlannedTest: Sendable, Equatable {
    /// A valid, unique Python identifier starting with `test_`.
    public let name: String
    /// The aspects it checks (from the draft's Testing field).
    public let aspects: [String]
    /// The weight in hundredths (all tests sum to 100).
    public let hundredths: Int

    /// The weight as JSON/Python text, e.g. `0.34` or `1.0`.
    public var weightText: String {
        if hundredths >= 100 { return "1.0" }
        let text = String(hundredths)
        return "0." + (hundredths < 10 ? "0" + text : text)
    }
}

/// Plans 1 to 3 weighted tests from a draft's checkable aspects, grouping when there are more than three.
public enum TestPlanner {
    /// The most tests an outline has (the pipeline's "1-3 weighted tests").
    public static let maximumTests = 3

    static let stopWords: Set<String> = [
        "a", "an", "the", "that", "will", "verify", "verifies", "check", "checks", "test", "tests", "should", "is",
        "are", "be", "of", "to", "and", "with", "for", "in", "on", "its", "it", "their", "each", "all", "when",
        "after", "before", "by", "as", "at", "from", "into", "this", "these", "those", "also", "then", "than", "must",
        "can", "confirm", "confirms", "ensure", "ensures", "python", "pytest",
    ]

    /// The tests for `aspects` (collapsed to single lines); an empty list gives one placeholder test.
    public static func plan(_ aspects: [String]) -> [PlannedTest] {
        let cleaned = aspects.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        guard !cleaned.isEmpty else {
            return [PlannedTest(name: "test_outcome", aspects: ["the draft names no checkable outcome; decide what this test checks"], hundredths: 100)]
        }
        let groupCount = min(maximumTests, cleaned.count)
        var groups: [[String]] = []
        var start = 0
        for index in 0..<groupCount {
            let size = cleaned.count / groupCount + (index < cleaned.count % groupCount ? 1 : 0)
            groups.append(Array(cleaned[start..<(start + size)]))
            start += size
        }
        var weights = groups.map { max(1, Int((100.0 * Double($0.count) / Double(cleaned.count)).rounded())) }
        weights[weights.count - 1] += 100 - weights.reduce(0, +)
        var used = Set<String>()
        return zip(groups, weights).enumerated().map { index, pair in
            var name = identifier(for: pair.0[0], fallback: "test_aspect_\(index + 1)")
            if used.contains(name) { name += "_\(index + 1)" }
            used.insert(name)
            return PlannedTest(name: name, aspects: pair.0, hundredths: pair.1)
        }
    }

    /// `test_` followed by up to five meaningful ASCII words of `text`.
    static func identifier(for text: String, fallback: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() + " " {
            if character.isASCII, character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty, !stopWords.contains(current), !(words.isEmpty && current.first?.isNumber == true) {
                    words.append(current)
                }
                current = ""
            }
            if words.count == 5 { break }
        }
        guard !words.isEmpty else { return fallback }
        return String(("test_" + words.joined(separator: "_")).prefix(60))
    }
}
