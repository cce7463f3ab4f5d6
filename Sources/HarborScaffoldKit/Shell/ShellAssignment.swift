/// A variable assignment written before a command name (`FOO=bar cmd`) or alone (`FOO=bar`).
public struct ShellAssignment: Sendable, Hashable {
    /// The variable name, including any array subscript (`arr[1]`).
    public var name: String
    /// The assigned value after quote removal; expansions are kept as written.
    public var value: String
    /// True for `NAME+=value`.
    public var isAppend: Bool
    /// The whole `NAME=value` word.
    public var word: ShellWord

    /// Creates an assignment.
    public init(name: String, value: String, isAppend: Bool, word: ShellWord) {
        self.name = name
        self.value = value
        self.isAppend = isAppend
        self.word = word
    }
}
