/// An operator joining two commands in a shell list or pipeline.
public enum ShellOperator: String, Sendable, Hashable, CaseIterable {
    /// `&&`: run the right side only when the left side succeeds.
    case and = "&&"
    /// `||`: run the right side only when the left side fails.
    case or = "||"
    /// `;`: run sequentially.
    case semicolon = ";"
    /// A newline ending a command (acts like `;`).
    case newline = "\n"
    /// `|`: pipe standard output.
    case pipe = "|"
    /// `|&`: pipe standard output and standard error (bash).
    case pipeAll = "|&"
    /// `&`: run the left side in the background.
    case background = "&"
    /// `;;`: ends a `case` item.
    case caseBreak = ";;"
    /// `;&`: ends a `case` item and falls through (bash).
    case caseFallthrough = ";&"
    /// `;;&`: ends a `case` item and tests the next patterns (bash).
    case caseContinue = ";;&"

    /// True for `|` and `|&`.
    public var isPipe: Bool { self == .pipe || self == .pipeAll }
    /// True for `&&` and `||`.
    public var isConditional: Bool { self == .and || self == .or }
}
