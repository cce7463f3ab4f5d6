/// The nine fields of a `draft_spec.md`, as the pipeline's "Draft Format" defines them.
public enum DraftFieldKind: String, CaseIterable, Sendable, Codable {
    case task
    case language
    case category
    case instructions
    case environmentSetup
    case testing
    case difficulty
    case coreSkillsTested
    case keyTechnologies

    /// The field's name as the pipeline writes it.
    public var title: String {
        switch self {
        case .task: "Task"
        case .language: "Language"
        case .category: "Category"
        case .instructions: "Instructions"
        case .environmentSetup: "Environment Setup"
        case .testing: "Testing"
        case .difficulty: "Difficulty"
        case .coreSkillsTested: "Core Skills Tested"
        case .keyTechnologies: "Key Technologies"
        }
    }

    /// The name folded for comparison: lowercase letters and digits only.
    public var key: String { DraftFieldKind.fold(title) }

    /// True for fields whose value is a list of items.
    public var isList: Bool { self == .coreSkillsTested || self == .keyTechnologies }

    /// The field whose folded name is `key`, if any.
    public static func named(_ key: String) -> DraftFieldKind? { byKey[key] }

    private static let byKey: [String: DraftFieldKind] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.key, $0) })

    /// Folds a label for comparison: lowercase ASCII letters and digits, everything else dropped.
    public static func fold<S: StringProtocol>(_ label: S) -> String {
        if label.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(label.utf8.count)
            for byte in label.utf8 {
                if byte >= 0x41 && byte <= 0x5A { bytes.append(byte | 0x20) } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { bytes.append(byte) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for scalar in label.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return out
    }
}
