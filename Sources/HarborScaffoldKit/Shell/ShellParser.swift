/// Entry point of the shell reader: a lexical reader for POSIX sh and common bash syntax that finds
/// every simple command with its words, redirections and context. It does not interpret or expand
/// anything, never fails and never traps: malformed input yields ``ShellScript/issues``.
///
/// Reading works on UTF-8 bytes in one pass (command substitutions are read by nested readers, at most
/// ``maximumSubstitutionDepth`` deep). A carriage return outside quotes is treated as a blank, so
/// scripts with CRLF line endings read like their LF versions.
public enum ShellParser {
    /// Maximum nesting of command substitutions that is parsed; deeper ones are skipped with an issue.
    public static let maximumSubstitutionDepth = 32

    /// Maximum number of enclosing compounds recorded in ``ShellCommand/enclosing`` (deeper nesting is
    /// still read; only the list is cut, so that pathological input stays linear).
    public static let maximumRecordedNesting = 64

    /// Reads `script`. Byte offsets in the result are UTF-8 offsets into `script` plus `baseOffset`.
    public static func parse(_ script: String, baseOffset: Int = 0) -> ShellScript {
        parse(bytes: Array(script.utf8), baseOffset: baseOffset)
    }

    /// Reads UTF-8 `bytes`. Byte offsets in the result are offsets into `bytes` plus `baseOffset`.
    public static func parse(bytes: [UInt8], baseOffset: Int = 0) -> ShellScript {
        parse(bytes: bytes, offsets: ShellOffsetMap(base: baseOffset))
    }

    /// Reads `bytes` whose byte `i` came from position `offsets.absolute(i)` of some outer text (used
    /// for Dockerfile `RUN` instructions, whose continuation lines are joined before reading).
    static func parse(bytes: [UInt8], offsets: ShellOffsetMap) -> ShellScript {
        var reader = ShellReader(bytes: bytes, start: 0, end: bytes.count, offsets: offsets, substitutionDepth: 0)
        reader.run()
        return reader.makeScript(from: 0)
    }
}
