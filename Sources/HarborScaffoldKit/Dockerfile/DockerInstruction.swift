/// One Dockerfile instruction, with continuation lines joined and here-documents attached.
public struct DockerInstruction: Sendable, Hashable {
    /// The shell Docker uses for shell-form commands unless `SHELL` changes it.
    public static let defaultShell = ["/bin/sh", "-c"]

    /// 0-based index in ``Dockerfile/instructions``.
    public var index: Int
    /// The keyword, uppercased (`RUN`, `FROM`…).
    public var keyword: String
    /// Range of the keyword as written.
    public var keywordRange: SourceRange
    /// From the keyword to the end of the instruction's last line (here-document terminators included).
    public var range: SourceRange
    /// Byte offsets of ``range`` in the Dockerfile's normalised text.
    public var byteRange: Range<Int>
    /// 1-based first and last line (here-documents included).
    public var lines: ClosedRange<Int>
    /// The arguments after the flags, continuation lines joined (escape character, newline and skipped
    /// comment lines removed, as Docker does), without surrounding blanks.
    public var arguments: String
    /// The `--name=value` flags written before the arguments.
    public var flags: [DockerFlag]
    /// Exec form when ``arguments`` is a valid JSON array of strings, shell form otherwise.
    public var form: DockerInstructionForm
    /// The argument words: JSON strings for the exec form, blank-separated words (quotes removed) otherwise.
    public var argumentWords: [DockerArgument]
    /// Here-documents, in the order their markers appear (for `ONBUILD`: those of its trigger).
    public var heredocs: [DockerHeredoc]
    /// Index in ``Dockerfile/stages`` of the enclosing stage; nil for instructions before the first `FROM`.
    public var stageIndex: Int?
    /// The shell-form command read by ``ShellParser`` for `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD`
    /// (for `RUN <<EOF` alone: the here-document's body), when the stage's shell is POSIX-like. Word byte
    /// ranges are offsets in the Dockerfile: use ``Dockerfile/range(of:)-(ShellWord)`` for positions.
    public var shell: ShellScript?
    /// The shell in effect for this instruction (set by the latest `SHELL` of the stage or its base stage).
    public var effectiveShell: [String]
    /// For `FROM`: the parsed image reference.
    public var image: DockerImageReference?
    /// For `ENV`, `ARG` and `LABEL`: the declared pairs.
    public var keyValues: [DockerKeyValue]
    /// For `RUN`: the scripts its commands hand to a shell with `-c` (`RUN sh -c "pip install x"`,
    /// `RUN ["/bin/bash", "-c", "…"]`), read as scripts of their own, each followed by the scripts run
    /// from inside it. Positions are offsets in the Dockerfile (see ``ShellInlineScript``).
    public var inlineScripts: [ShellInlineScript] = []
    /// True for the instruction an `ONBUILD` registers (see ``trigger``).
    public var isOnbuildTrigger = false
    /// Storage for ``trigger`` (an array, since a struct cannot hold itself directly).
    private var triggerStorage: [DockerInstruction] = []

    /// For `ONBUILD`: the instruction it registers for images built from this one (`RUN pip install x`
    /// in `ONBUILD RUN pip install x`), read like any other instruction, with positions in the `ONBUILD`
    /// line, ``isOnbuildTrigger`` set, and the `ONBUILD`'s index, stage, lines and here-documents
    /// (`ONBUILD RUN <<EOF` reads the lines after it, as BuildKit does). Its problems are
    /// ``Dockerfile/issues``. Nil for other keywords and for triggers Docker rejects (`ONBUILD`, `FROM`,
    /// `MAINTAINER`, unknown instructions).
    public var trigger: DockerInstruction? {
        get { triggerStorage.first }
        set { triggerStorage = newValue.map { [$0] } ?? [] }
    }

    /// Creates an instruction.
    public init(
        index: Int, keyword: String, keywordRange: SourceRange, range: SourceRange, byteRange: Range<Int>,
        lines: ClosedRange<Int>, arguments: String, flags: [DockerFlag] = [], form: DockerInstructionForm,
        argumentWords: [DockerArgument] = [], heredocs: [DockerHeredoc] = [], stageIndex: Int? = nil,
        shell: ShellScript? = nil, effectiveShell: [String] = DockerInstruction.defaultShell,
        image: DockerImageReference? = nil, keyValues: [DockerKeyValue] = []
    ) {
        self.index = index
        self.keyword = keyword
        self.keywordRange = keywordRange
        self.range = range
        self.byteRange = byteRange
        self.lines = lines
        self.arguments = arguments
        self.flags = flags
        self.form = form
        self.argumentWords = argumentWords
        self.heredocs = heredocs
        self.stageIndex = stageIndex
        self.shell = shell
        self.effectiveShell = effectiveShell
        self.image = image
        self.keyValues = keyValues
    }

    /// The first flag named `name` (without dashes), if any.
    public func flag(_ name: String) -> DockerFlag? {
        flags.first { $0.name == name }
    }

    /// Every flag named `name` (for repeatable flags such as `--mount`).
    public func flags(named name: String) -> [DockerFlag] {
        flags.filter { $0.name == name }
    }

    /// For an exec-form instruction (`RUN ["pip", "install", "x"]`): its strings as one command (words
    /// quoted, with the JSON strings' positions), wrappers such as `sudo` removed; nil for the shell form.
    public var execCommand: ShellCommand? {
        guard form.isExec, let first = argumentWords.first, let last = argumentWords.last else { return nil }
        let words = argumentWords.map { ShellWord(text: $0.value, raw: $0.raw, byteRange: $0.byteRange, isQuoted: true) }
        return ShellCommand(words: words, byteRange: first.byteRange.lowerBound..<last.byteRange.upperBound).withoutWrappers
    }

    /// True when the instruction's keyword is `keyword` (case-insensitive).
    public func `is`(_ keyword: String) -> Bool {
        self.keyword == keyword.uppercased()
    }
}
