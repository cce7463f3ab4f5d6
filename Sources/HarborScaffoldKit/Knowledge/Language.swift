/// The implementation languages the pipeline accepts.
public enum Language: String, CaseIterable, Sendable, Codable {
    case python, typescript, javascript, go, rust, java

    /// The language family for stack consistency: JavaScript and TypeScript share one ecosystem.
    public var family: String {
        switch self {
        case .javascript, .typescript: "node"
        default: rawValue
        }
    }

    /// The display name.
    public var displayName: String {
        switch self {
        case .python: "Python"
        case .typescript: "TypeScript"
        case .javascript: "JavaScript"
        case .go: "Go"
        case .rust: "Rust"
        case .java: "Java"
        }
    }

    /// Other names writers use for a language.
    static let aliases: [String: Language] = [
        "py": .python, "python3": .python, "cpython": .python, "ts": .typescript, "js": .javascript,
        "node": .javascript, "nodejs": .javascript, "ecmascript": .javascript, "golang": .go, "rs": .rust,
        "jvm": .java,
    ]

    /// How a Language field's value reads.
    public enum Reading: Equatable, Sendable {
        /// Exactly a language name (any case).
        case exact(Language)
        /// A language with extra words, e.g. `Python 3.12` or `TypeScript (Node 20)`.
        case loose(Language)
        /// Not a language the pipeline accepts.
        case unknown
    }

    /// Reads a Language field value.
    public static func read(_ value: String) -> Reading {
        let trimmed = value.trimmingSpaces.lowercased()
        if let exact = Language(rawValue: trimmed) { return .exact(exact) }
        let words = trimmed.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.count == 1, let alias = aliases[words[0]] { return .loose(alias) }
        for word in words {
            if let language = Language(rawValue: word) ?? aliases[word] { return .loose(language) }
            if word.hasPrefix("python") { return .loose(.python) }
        }
        return .unknown
    }
}
