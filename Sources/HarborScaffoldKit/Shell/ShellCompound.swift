/// The kind of a compound command that can enclose simple commands.
public enum ShellCompoundKind: String, Sendable, Hashable, CaseIterable {
    /// `if … then … elif … else … fi`.
    case ifClause = "if"
    /// `while … do … done`.
    case whileLoop = "while"
    /// `until … do … done`.
    case untilLoop = "until"
    /// `for x in …; do … done` and `for ((…)); do … done`.
    case forLoop = "for"
    /// `select x in …; do … done` (bash).
    case selectLoop = "select"
    /// `case word in pattern) … ;; esac`.
    case caseClause = "case"
    /// A function definition, `f() { …; }` or `function f { …; }`.
    case function = "function"
    /// A subshell, `( … )`.
    case subshell = "("
    /// A brace group, `{ …; }`.
    case braceGroup = "{"
}

/// Where one clause of an `if`, `while` / `until` loop or `case` begins.
public struct ShellClause: Sendable, Hashable {
    /// What starts the clause.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `then`: the body run when the preceding condition holds.
        case then
        /// `elif`: a further condition.
        case elif
        /// `else`: the body run when no condition held.
        case `else`
        /// `do` of a `while` or `until` loop: the body follows its condition.
        case `do`
        /// The `)` ending a `case` item's patterns: the item's body follows.
        case caseItem = ")"
    }

    /// What starts the clause.
    public var kind: Kind
    /// Byte range of the keyword, or of the `)` for a `case` item.
    public var byteRange: Range<Int>

    /// Creates a clause marker.
    public init(kind: Kind, byteRange: Range<Int>) {
        self.kind = kind
        self.byteRange = byteRange
    }
}

/// A compound command (`if`, loops, `case`, functions, subshells, brace groups) and the simple
/// commands it encloses.
public struct ShellCompound: Sendable, Hashable {
    /// What kind of compound this is.
    public var kind: ShellCompoundKind
    /// Byte range of the opening keyword or bracket (`if`, `for`, `(`, `{`, or the function name).
    public var keywordByteRange: Range<Int>
    /// Byte range from the opening keyword to the end of the closing keyword (`fi`, `done`, `)`…);
    /// for an unterminated compound, to the end of the input.
    public var byteRange: Range<Int>
    /// Header words: for `for`/`select` the variable and the list (or the `((…))` header), for `case`
    /// the subject followed by every pattern, for a function its name. Empty for other kinds.
    public var words: [ShellWord]
    /// The function name, for ``ShellCompoundKind/function``.
    public var name: String?
    /// Indices in ``ShellScript/commands`` of the simple commands inside this compound (nested ones included).
    public var commandIndices: Range<Int>
    /// Redirections applied to the whole compound (`done < list.txt`, `} > log 2>&1`).
    public var redirections: [ShellRedirection]
    /// False when the input ended (or a closing bracket appeared) before the closing keyword.
    public var isTerminated: Bool
    /// Number of compounds enclosing this one.
    public var depth: Int
    /// For `if`: each `then`, `elif` and `else` in order; for `while` / `until`: the `do`; for `case`:
    /// the `)` of each item. A simple command or nested compound belongs to the last clause starting
    /// before it (the condition when none does). Empty for other kinds.
    public var clauses: [ShellClause]

    /// Creates a compound description.
    public init(
        kind: ShellCompoundKind, keywordByteRange: Range<Int>, byteRange: Range<Int>, words: [ShellWord] = [],
        name: String? = nil, commandIndices: Range<Int>, redirections: [ShellRedirection] = [],
        isTerminated: Bool = true, depth: Int = 0, clauses: [ShellClause] = []
    ) {
        self.kind = kind
        self.keywordByteRange = keywordByteRange
        self.byteRange = byteRange
        self.words = words
        self.name = name
        self.commandIndices = commandIndices
        self.redirections = redirections
        self.isTerminated = isTerminated
        self.depth = depth
        self.clauses = clauses
    }
}
