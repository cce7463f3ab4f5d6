/// Which set of files a scaffold writes.
public enum ScaffoldLayout: String, Sendable, CaseIterable {
    /// prompt.md, Dockerfile, tests.py, weights.json and tasks.md beside the draft.
    case builder
    /// A Harbor task directory (task.toml, instruction.md, environment/, tests/, solution/).
    case harbor
}
