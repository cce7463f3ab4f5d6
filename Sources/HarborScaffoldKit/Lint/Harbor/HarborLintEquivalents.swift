/// The rules of `harbor lint` (Harbor 0.25) and the harbor-scaffold rules that check the same thing,
/// so that Harbor's rule names work as selectors (`--ignore verifier-network-download`), a task's
/// `[metadata.harbor.lint]` table keeps working, and `harbor-scaffold rules T105` names Harbor's rule.
///
/// Where Harbor's rule is one of ours under the same name (`shared-verifier`, `root-agent`, the five
/// compose rules…), the entry is still listed, so that every Harbor rule has an answer here.
public enum HarborLintEquivalents {
    /// Harbor's rules and the ids of the rules here that cover them.
    public static let all: [HarborRule] = [
        HarborRule(name: "invalid-task-config", ruleIDs: ["T001", "T103", "T201"]),
        HarborRule(name: "unknown-config-field", ruleIDs: ["T102"]),
        HarborRule(name: "invalid-task-files", ruleIDs: ["T101", "T109"]),
        HarborRule(name: "root-agent", ruleIDs: ["T108"]),
        HarborRule(name: "shared-verifier", ruleIDs: ["T105"]),
        HarborRule(name: "overlapping-artifacts", ruleIDs: ["T106"]),
        HarborRule(name: "artifact-log-overlap", ruleIDs: ["T107"]),
        HarborRule(name: "compose-privileged", ruleIDs: ["T202"]),
        HarborRule(name: "compose-additional-capabilities", ruleIDs: ["T203"]),
        HarborRule(name: "compose-writable-bind-mount", ruleIDs: ["T204"]),
        HarborRule(name: "compose-external-bind-mount", ruleIDs: ["T205"]),
        HarborRule(name: "compose-symlink-bind-mount", ruleIDs: ["T206"]),
        // Harbor's unpinned-image wants a digest; untagged and moving images are C101/T207 here, always on.
        HarborRule(name: "unpinned-image", ruleIDs: ["C102", "T208"]),
        HarborRule(name: "unpinned-python-dependency", ruleIDs: ["C103", "S110"]),
        HarborRule(name: "verifier-runtime-install", ruleIDs: ["S104"]),
        HarborRule(name: "verifier-network-download", ruleIDs: ["S105"]),
        HarborRule(name: "agent-image-test-leak", ruleIDs: ["C301"]),
    ]

    /// One rule of `harbor lint` and the ids of the rules here that cover it.
    public struct HarborRule: Sendable {
        /// Harbor's name, e.g. `agent-image-test-leak`.
        public let name: String
        /// The harbor-scaffold rule ids.
        public let ruleIDs: [String]
    }

    /// The ids Harbor's rule `name` maps to (empty for a name Harbor does not have).
    public static func ruleIDs(for name: String) -> [String] {
        all.first { $0.name == name.lowercased() }?.ruleIDs ?? []
    }

    /// Harbor's names for the rule `ruleID` (empty for most rules).
    public static func names(of ruleID: String) -> [String] {
        all.filter { $0.ruleIDs.contains(ruleID) }.map(\.name)
    }
}

/// A Harbor task's own lint settings, `[metadata.harbor.lint]` in task.toml (Harbor's names):
/// `ignore` turns the equivalent rules off for this task; `select` and `extend-select` naming an
/// opt-in rule (or `ALL`) turn it on. Other selections stay with the command line, so a task cannot
/// switch the rest of the checks off by selecting a few.
struct TaskLintSettings {
    /// Rule ids ignored for this task.
    let ignored: Set<String>
    /// Opt-in rule ids enabled for this task.
    let enabledOptIn: Set<String>

    /// The ids of the opt-in lint rules.
    static let optInIDs = Set(LintRules.all.map { $0.description }.filter(\.isOptIn).map(\.id))

    /// The settings of `document` (task.toml's root table); none when it has no such table.
    init(_ document: TOMLTable?) {
        let table = document?["metadata"]?.tableValue?["harbor"]?.tableValue?["lint"]?.tableValue
        let ignoredNames = (table?["ignore"]?.arrayValue ?? []).compactMap(\.stringValue)
        let selected = ((table?["select"]?.arrayValue ?? []) + (table?["extend-select"]?.arrayValue ?? [])).compactMap(\.stringValue)
        let named = selected.flatMap { HarborLintEquivalents.ruleIDs(for: $0) }.filter { Self.optInIDs.contains($0) }
        ignored = Set(ignoredNames.flatMap { HarborLintEquivalents.ruleIDs(for: $0) })
        enabledOptIn = selected.contains("ALL") ? Self.optInIDs : Set(named)
    }
}
