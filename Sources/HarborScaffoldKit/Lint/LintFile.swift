/// One text file of a linted task.
public struct LintFile: Sendable {
    /// Path relative to the task folder, with `/` separators.
    public let path: String
    /// The text (its `path` is what findings show).
    public let source: SourceText
}
