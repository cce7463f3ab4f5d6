/// The problem categories the pipeline names (seed: "Draft Format", "Category Variety", scenario lists).
public enum KnownCategories {
    /// Canonical category names (lowercase, underscores).
    public static let all: [String] = [
        "api_development", "api_security", "api_validation", "authentication", "authorization", "caching",
        "concurrency", "data_processing", "database_migrations", "database_operations", "debugging",
        "error_handling", "logging_monitoring", "memory_management", "microservices", "performance",
        "performance_debugging", "query_optimization", "rate_limiting", "real_time", "refactoring", "security",
        "testing", "testing_infrastructure",
    ]

    private static let set = Set(all)

    /// A category written in any case with spaces or hyphens, folded to the canonical form.
    public static func normalise(_ value: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for character in value.trimmingSpaces.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
                lastWasSeparator = false
            } else if !lastWasSeparator, !out.isEmpty {
                out.append("_")
                lastWasSeparator = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }

    /// True when `value` names a known category.
    public static func isKnown(_ value: String) -> Bool { set.contains(normalise(value)) }
}
