/// One word of a shell command, as produced by the lexical reader.
///
/// A word is a run of characters delimited by unquoted blanks and operators. Quotes and backslash
/// escapes are removed in ``text`` but expansions (`$HOME`, `${X:-y}`, `$(cmd)`, backticks, `$((1+2))`)
/// are kept verbatim, since the reader does not interpret the script.
public struct ShellWord: Sendable, Hashable {
    /// The word after quote removal and line-continuation joining; expansions are kept as written.
    public var text: String
    /// The word exactly as the reader saw it, quotes and escapes included.
    public var raw: String
    /// Byte offsets of the word in the parsed input, shifted by the parser's base offset (for words
    /// of a `RUN` instruction: byte offsets in the Dockerfile's normalised text).
    public var byteRange: Range<Int>
    /// True when any part of the word is quoted (`'…'`, `"…"`, `$'…'`) or backslash-escaped.
    public var isQuoted: Bool
    /// True when the word contains a parameter, command, arithmetic or process-substitution
    /// expansion outside single quotes (`$X`, `${X}`, `$(…)`, backticks, `$((…))`, `<(…)`).
    public var hasExpansion: Bool
    /// Command and process substitutions found in the word, each parsed as a nested script whose
    /// positions are in the same coordinates as this word's ``byteRange``.
    public var commandSubstitutions: [ShellScript]

    /// Creates a word.
    public init(
        text: String, raw: String, byteRange: Range<Int>, isQuoted: Bool = false, hasExpansion: Bool = false,
        commandSubstitutions: [ShellScript] = []
    ) {
        self.text = text
        self.raw = raw
        self.byteRange = byteRange
        self.isQuoted = isQuoted
        self.hasExpansion = hasExpansion
        self.commandSubstitutions = commandSubstitutions
    }

    /// True when the word has neither quotes nor expansions, so ``text`` is exactly what the command receives.
    public var isLiteral: Bool { !isQuoted && !hasExpansion }
}
