/// An open compound command (or the script's top level) while reading.
struct ShellFrame {
    /// Which part of a compound the reader is in.
    enum Phase {
        /// A command list (body of a compound, or the top level).
        case list
        /// The tested list of `if`, `elif`, `while` or `until`.
        case condition
        /// Words between `for`/`select` and `do`.
        case forHeader
        /// The subject between `case` and `in`.
        case caseSubject
        /// Patterns of a `case` item, up to `)`.
        case casePatterns
        /// Commands of a `case` item, up to `;;` or `esac`.
        case caseBody
        /// After the `function` keyword, expecting the name.
        case functionName
        /// After a function name (and `()`), expecting the body.
        case functionAwaitingBody
    }

    /// What closes the frame besides its keyword.
    enum Closer {
        case keyword
        case brace
        case paren
    }

    var kind: ShellCompoundKind?
    var phase: Phase
    var compoundIndex: Int
    var startLocal: Int
    var closer: Closer
    var pipelineStart: Int
    var hasPipe = false
    var negated = false
    /// A function whose body is a compound other than `{ }` / `( )` closes with that compound.
    var closesWithChild = false
}

/// The simple command being read.
struct ShellCommandBuilder {
    var words: [ShellWord] = []
    var assignments: [ShellAssignment] = []
    var redirections: [ShellRedirection] = []
    var heredocSlots: [(redirection: Int, slot: Int)] = []
    var precedingOperator: ShellOperator?
    var startLocal: Int
    var endLocal: Int

    var isEmpty: Bool { words.isEmpty && redirections.isEmpty }

    mutating func extend(to local: Int) { endLocal = max(endLocal, local) }
}

/// A here-document whose body will be read after the next newline.
struct ShellPendingHeredoc {
    var slot: Int
    var delimiter: [UInt8]
    var isQuoted: Bool
    var stripsTabs: Bool
    var operatorLocal: Int
}

/// Where a here-document body must be stored once read.
struct ShellHeredocTarget {
    var isCompound: Bool
    var index: Int
    var redirection: Int
    var slot: Int
}
