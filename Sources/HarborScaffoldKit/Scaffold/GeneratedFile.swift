/// One file harbor-scaffold generates, relative to its output folder.
public struct GeneratedFile: Sendable, Equatable {
    /// Relative path with `/` separators, e.g. `tests.py` or `tests/test.sh`.
    public let path: String
    /// The full content.
    public let content: String
    /// Whether the file is made executable (scripts).
    public let executable: Bool

    /// Creates a generated file.
    public init(path: String, content: String, executable: Bool = false) {
        self.path = path
        self.content = content
        self.executable = executable
    }
}

/// What a run did, or would do, to one file.
public enum FileAction: String, Sendable, Equatable {
    /// The file did not exist and was written.
    case created
    /// The file was as generated last time and was regenerated.
    case updated
    /// The file already had exactly this content.
    case unchanged
    /// The builder edited the file; it was kept and the new version written beside it as `.new`.
    case keptEdited = "kept"
    /// The builder's file was replaced because of `--force`.
    case overwritten
}

/// One file's outcome.
public struct FileChange: Sendable, Equatable {
    /// The generated file's relative path.
    public let path: String
    /// What happened.
    public let action: FileAction
    /// Where the new version went when the file was kept (`tests.py.new`).
    public let sidePath: String?
    /// The unified diff from the file on disk to the generated content (dry runs only).
    public let diff: String?
}

/// A scaffold that could not be written; the folder is left as it was.
public struct ScaffoldError: Error, Equatable, Sendable {
    /// What went wrong, naming the file.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
