@testable import HarborScaffoldKit

/// Deterministic drafts of made-up prose for the batch tests: unrelated drafts share almost no
/// 3-word phrase, reworded copies share most of them.
enum SyntheticDrafts {
    static let vocabulary: [String] = {
        var random = SplitMix64(seed: 7)
        let syllables = ["ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "vu", "wa", "ze", "lor", "mip", "tas"]
        var words = Set<String>()
        while words.count < 3_000 {
            words.insert((0..<3).map { _ in syllables[random.below(syllables.count)] }.joined())
        }
        return words.sorted()
    }()

    static func words(_ count: Int, _ random: inout SplitMix64) -> String {
        (0..<count).map { _ in vocabulary[random.below(vocabulary.count)] }.joined(separator: " ")
    }

    /// Draft number `index`: every field filled with random words.
    static func draft(_ index: Int, language: String = "python", difficulty: String = "hard") -> String {
        var random = SplitMix64(seed: UInt64(index) &* 1_000_003 &+ 11)
        return """
            Task: \(words(9, &random))
            Language: \(language)
            Category: performance
            Instructions: \(words(90, &random)).
            Environment Setup: \(words(30, &random)).
            Testing: Tests will call the service and verify that the endpoint returns status 200 with a JSON body listing \(words(20, &random)), that the \(words(1, &random)) table holds exactly 3 rows for \(words(15, &random)), and that the command exits with status 0.
            Difficulty: \(difficulty)
            Core Skills Tested: \(words(3, &random)), \(words(3, &random)), \(words(3, &random))
            Key Technologies: \(words(4, &random))

            """
    }

    /// `text` with about one word in `every` replaced.
    static func reworded(_ text: String, every: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let colon = line.firstIndex(of: ":") else { return String(line) }
            let rest = line[line.index(after: colon)...].split(separator: " ").map { word in
                random.below(every) == 0 ? vocabulary[random.below(vocabulary.count)] : String(word)
            }
            return String(line[...colon]) + " " + rest.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// The workspace-relative path of draft `id`.
    static func path(_ id: String) -> String { "data_points/\(id)/draft_spec.md" }
}
