/// How finished a linted task is expected to be.
public enum LintStage: String, Sendable, CaseIterable {
    /// Freshly scaffolded: `TODO(harbor-scaffold)` placeholders are expected.
    case skeleton
    /// About to be submitted: any placeholder left is an error.
    case final
}

/// The two folder layouts harbor-scaffold lints.
public enum TaskLayout: String, Sendable {
    /// A data point in the builder layout: prompt.md, Dockerfile, tests.py, weights.json.
    case builder
    /// A Harbor task directory: task.toml, instruction.md, environment/, tests/, solution/.
    case harbor

    /// The layout of `entries` (relative file paths of a folder), or `nil` when it is neither.
    public static func detect(_ entries: Set<String>) -> TaskLayout? {
        if entries.contains("task.toml") || entries.contains("instruction.md") || entries.contains("environment/Dockerfile") {
            return .harbor
        }
        let markers = ["draft_spec.md", "prompt.md", "tests.py", "weights.json", "Dockerfile"]
        return markers.contains(where: entries.contains) ? .builder : nil
    }
}

/// The placeholder marker every generated file uses for what the builder must fill in.
public let placeholderMarker = "TODO(harbor-scaffold)"
