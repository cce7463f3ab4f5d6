/// Finds the field a misspelt or aliased label most likely means.
enum FieldNameMatcher {
    /// Labels writers use for a field instead of its name.
    static let aliases: [String: DraftFieldKind] = [
        "tests": .testing, "test": .testing, "testplan": .testing, "testingstrategy": .testing,
        "verification": .testing, "tech": .keyTechnologies, "technologies": .keyTechnologies,
        "techstack": .keyTechnologies, "stack": .keyTechnologies, "keytech": .keyTechnologies,
        "skills": .coreSkillsTested, "coreskills": .coreSkillsTested, "skillstested": .coreSkillsTested,
        "environment": .environmentSetup, "env": .environmentSetup, "setup": .environmentSetup,
        "envsetup": .environmentSetup, "environmentsetupdescription": .environmentSetup,
        "instruction": .instructions, "lang": .language, "programminglanguage": .language,
        "difficultylevel": .difficulty, "level": .difficulty, "taskdescription": .task, "tasktitle": .task,
        "categories": .category,
    ]

    /// The field `key` (a folded label) most likely means, or `nil` when it is not close to any.
    static func likelyField(for key: String) -> DraftFieldKind? {
        if let alias = aliases[key] { return alias }
        var best: (kind: DraftFieldKind, distance: Int)?
        for kind in DraftFieldKind.allCases {
            let distance = EditDistance.between(key, kind.key)
            if distance <= tolerance(for: kind.key), distance < (best?.distance ?? Int.max) {
                best = (kind, distance)
            }
        }
        return best?.kind
    }

    private static func tolerance(for key: String) -> Int {
        switch key.count {
        case ..<6: 1
        case ..<11: 2
        default: 3
        }
    }
}
