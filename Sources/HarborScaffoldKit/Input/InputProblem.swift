/// A file that could not be read as text. Reported as an error finding and makes the run exit 2.
public struct InputProblem: Error, Hashable, Sendable {
    /// Which kind of problem.
    public enum Kind: String, Sendable, CaseIterable {
        case unreadable = "I001"
        case tooLarge = "I002"
        case binary = "I003"
        case invalidUTF8 = "I004"
        case empty = "I005"

        /// The kebab-case name of the problem.
        public var name: String {
            switch self {
            case .unreadable: "unreadable-file"
            case .tooLarge: "file-too-large"
            case .binary: "binary-file"
            case .invalidUTF8: "invalid-utf8"
            case .empty: "empty-file"
            }
        }

        /// A one-line description for documentation.
        public var summary: String {
            switch self {
            case .unreadable: "The path does not exist, is a directory or broken link, leaves its folder, or cannot be opened."
            case .tooLarge: "The file is larger than the size limit (1 MiB by default)."
            case .binary: "The file contains NUL bytes, so it is not text."
            case .invalidUTF8: "The file is not valid UTF-8."
            case .empty: "The file is empty or holds only whitespace."
            }
        }
    }

    /// Which kind of problem.
    public let kind: Kind
    /// The path as the user named it.
    public let path: String
    /// A sentence saying what is wrong, naming the file's problem (not the path, which is reported beside it).
    public let message: String
    /// The line the problem starts on, when known.
    public let line: Int?

    /// Creates an input problem.
    public init(_ kind: Kind, path: String, message: String, line: Int? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.line = line
    }

    /// The problem as an error finding.
    public var diagnostic: Diagnostic {
        Diagnostic(
            ruleID: kind.rawValue, ruleName: kind.name, severity: .error, message: message, path: path,
            range: line.map { SourceRange.line($0) })
    }
}
