/// The operator of a redirection.
public enum ShellRedirectionOperator: String, Sendable, Hashable, CaseIterable {
    /// `<`: read a file.
    case input = "<"
    /// `>`: write a file (truncate).
    case output = ">"
    /// `>>`: append to a file.
    case append = ">>"
    /// `>|`: write a file even with `noclobber`.
    case clobber = ">|"
    /// `<>`: open a file for reading and writing.
    case readWrite = "<>"
    /// `<&`: duplicate an input descriptor.
    case duplicateInput = "<&"
    /// `>&`: duplicate an output descriptor (`2>&1`), or bash's `>& file`.
    case duplicateOutput = ">&"
    /// `&>`: write standard output and standard error (bash).
    case outputAndError = "&>"
    /// `&>>`: append standard output and standard error (bash).
    case appendOutputAndError = "&>>"
    /// `<<`: here-document.
    case hereDocument = "<<"
    /// `<<-`: here-document with leading tabs stripped.
    case hereDocumentStrippingTabs = "<<-"
    /// `<<<`: here-string (bash).
    case hereString = "<<<"

    /// True for `<<` and `<<-`.
    public var isHereDocument: Bool { self == .hereDocument || self == .hereDocumentStrippingTabs }
    /// True when the redirection writes to its target.
    public var writes: Bool {
        switch self {
        case .output, .append, .clobber, .readWrite, .outputAndError, .appendOutputAndError: true
        case .duplicateOutput: true
        default: false
        }
    }
}

/// A redirection such as `> out.txt`, `2>&1`, `< in`, `&> log` or `<<EOF`.
public struct ShellRedirection: Sendable, Hashable {
    /// The redirection operator.
    public var `operator`: ShellRedirectionOperator
    /// The explicit file descriptor written before the operator (`2` in `2>&1`), if any.
    public var fileDescriptor: Int?
    /// The target word (file name, descriptor number or here-document delimiter); nil when missing.
    public var target: ShellWord?
    /// The here-document introduced by `<<` / `<<-`, once its body has been read.
    public var heredoc: ShellHeredoc?
    /// The redirection exactly as written (`2>&1`, `> /logs/verifier/reward.txt`).
    public var raw: String
    /// Byte range of the whole redirection (descriptor, operator and target).
    public var byteRange: Range<Int>

    /// Creates a redirection.
    public init(
        operator: ShellRedirectionOperator, fileDescriptor: Int? = nil, target: ShellWord? = nil,
        heredoc: ShellHeredoc? = nil, raw: String, byteRange: Range<Int>
    ) {
        self.operator = `operator`
        self.fileDescriptor = fileDescriptor
        self.target = target
        self.heredoc = heredoc
        self.raw = raw
        self.byteRange = byteRange
    }

    /// True for `2>&1` (standard error sent to standard output).
    public var mergesStandardErrorIntoOutput: Bool {
        self.operator == .duplicateOutput && fileDescriptor == 2 && target?.text == "1"
    }
}
