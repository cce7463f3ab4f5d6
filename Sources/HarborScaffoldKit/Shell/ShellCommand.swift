/// A simple command: optional assignments, a command name, arguments and redirections, plus where it
/// sits in the script (operators around it, enclosing compounds, conditional context).
///
/// Commands inside compound statements are flattened into ``ShellScript/commands``; ``depth``,
/// ``enclosing``, ``inCondition`` and ``isNegated`` tell a linter whether a failure would abort the
/// script under `set -e`.
public struct ShellCommand: Sendable, Hashable {
    /// Every word of the command in order, excluding redirections: the assignment prefix, the name and
    /// the arguments.
    public var words: [ShellWord]
    /// The `NAME=value` words written before the command name (also present at the start of ``words``).
    public var assignments: [ShellAssignment]
    /// Redirections, in the order written (here-documents carry their body).
    public var redirections: [ShellRedirection]
    /// Byte range from the first word or redirection to the end of the last one.
    public var byteRange: Range<Int>
    /// The operator joining this command to the previous one (`&&` in `a && b` for `b`); nil at the
    /// start of the script or right after a keyword or bracket (`then`, `do`, `{`, `(`).
    public var precedingOperator: ShellOperator?
    /// The operator right after this command (`||` in `pip install x || true`); nil when the command is
    /// followed by a keyword, a closing bracket or the end of the input.
    public var followingOperator: ShellOperator?
    /// True when the command, or a compound enclosing it at the same list level, is joined to others
    /// with `|` or `|&`.
    public var isPipelineMember: Bool
    /// True when the command's exit status is tested rather than fatal under `set -e`: it is in the
    /// condition of `if`/`elif`/`while`/`until`, or in a pipeline on the left side of `&&` / `||`
    /// (including every command of a compound on that left side).
    public var inCondition: Bool
    /// True when the command's pipeline is negated with `!`.
    public var isNegated: Bool
    /// The enclosing compounds, outermost first (empty at the top level of the script); at most
    /// ``ShellParser/maximumRecordedNesting`` entries are recorded (see ``depth`` for the full count).
    public var enclosing: [ShellCompoundKind]
    /// Number of enclosing compounds (0 at the top level).
    public var depth: Int
    /// How many command substitutions enclose the command (0 in the top-level script).
    public var substitutionDepth: Int

    /// Creates a command.
    public init(
        words: [ShellWord], assignments: [ShellAssignment] = [], redirections: [ShellRedirection] = [],
        byteRange: Range<Int>, precedingOperator: ShellOperator? = nil, followingOperator: ShellOperator? = nil,
        isPipelineMember: Bool = false, inCondition: Bool = false, isNegated: Bool = false,
        enclosing: [ShellCompoundKind] = [], depth: Int? = nil, substitutionDepth: Int = 0
    ) {
        self.words = words
        self.assignments = assignments
        self.redirections = redirections
        self.byteRange = byteRange
        self.precedingOperator = precedingOperator
        self.followingOperator = followingOperator
        self.isPipelineMember = isPipelineMember
        self.inCondition = inCondition
        self.isNegated = isNegated
        self.enclosing = enclosing
        self.depth = depth ?? enclosing.count
        self.substitutionDepth = substitutionDepth
    }

    /// The word naming the command: the first word after the assignment prefix.
    public var nameWord: ShellWord? {
        assignments.count < words.count ? words[assignments.count] : nil
    }

    /// The command name: the basename of the first word after assignments (`/usr/bin/pip` → `pip`),
    /// nil for assignment-only or redirection-only commands.
    public var name: String? {
        guard let text = nameWord?.text else { return nil }
        return ShellByte.basename(text)
    }

    /// The words after the command name.
    public var arguments: [ShellWord] {
        let first = assignments.count + 1
        return first < words.count ? Array(words[first...]) : []
    }

    /// The texts of ``arguments``.
    public var argumentTexts: [String] { arguments.map(\.text) }

    /// Here-documents attached to this command's redirections.
    public var heredocs: [ShellHeredoc] { redirections.compactMap(\.heredoc) }

    /// Command substitutions in the command's words and redirection targets, in source order.
    public var commandSubstitutions: [ShellScript] {
        var result: [ShellScript] = []
        for word in words { result.append(contentsOf: word.commandSubstitutions) }
        for redirection in redirections {
            if let target = redirection.target { result.append(contentsOf: target.commandSubstitutions) }
        }
        return result
    }

    /// True when a failure of this command would not stop a `set -e` script by itself: it is tested
    /// (``inCondition``), negated, runs in the background, or is a non-final pipeline member (which
    /// only matters without `set -o pipefail`, so check that separately).
    public var isErrexitExempt: Bool {
        inCondition || isNegated || followingOperator == .background || (followingOperator?.isPipe ?? false)
    }
}
