/// A parsed Dockerfile: directives, comments, instructions (with shell-form commands read by
/// ``ShellParser``), build stages and the issues found. Produced by ``DockerfileParser/parse(_:)``.
public struct Dockerfile: Sendable {
    /// The text the Dockerfile was read from.
    public var source: SourceText
    /// Parser directives at the top of the file.
    public var directives: [DockerfileDirective]
    /// The escape character (`\` unless `# escape=` sets `` ` ``).
    public var escapeCharacter: Character
    /// Comment lines, including those skipped inside continued instructions (directives excluded).
    public var comments: [DockerComment]
    /// 1-based numbers of blank (or whitespace-only) lines outside here-document bodies.
    public var blankLines: [Int]
    /// Instructions in order.
    public var instructions: [DockerInstruction]
    /// Build stages in order.
    public var stages: [DockerStage]
    /// `ARG`s declared before the first `FROM` (usable in `FROM` lines).
    public var globalArguments: [DockerKeyValue]
    /// Problems found while reading.
    public var issues: [DockerfileIssue]
    /// Fast offset-to-position conversion for ``source``.
    let positions: DockerPositionIndex

    /// Creates a Dockerfile value.
    public init(
        source: SourceText, directives: [DockerfileDirective] = [], escapeCharacter: Character = "\\",
        comments: [DockerComment] = [], blankLines: [Int] = [], instructions: [DockerInstruction] = [],
        stages: [DockerStage] = [], globalArguments: [DockerKeyValue] = [], issues: [DockerfileIssue] = []
    ) {
        self.init(
            source: source, directives: directives, escapeCharacter: escapeCharacter, comments: comments,
            blankLines: blankLines, instructions: instructions, stages: stages, globalArguments: globalArguments,
            issues: issues, positions: DockerPositionIndex(source: source))
    }

    init(
        source: SourceText, directives: [DockerfileDirective], escapeCharacter: Character,
        comments: [DockerComment], blankLines: [Int], instructions: [DockerInstruction],
        stages: [DockerStage], globalArguments: [DockerKeyValue], issues: [DockerfileIssue],
        positions: DockerPositionIndex
    ) {
        self.positions = positions
        self.source = source
        self.directives = directives
        self.escapeCharacter = escapeCharacter
        self.comments = comments
        self.blankLines = blankLines
        self.instructions = instructions
        self.stages = stages
        self.globalArguments = globalArguments
        self.issues = issues
    }

    /// The directive named `name` (case-insensitive), if present.
    public func directive(_ name: String) -> DockerfileDirective? {
        let lower = name.lowercased()
        return directives.first { $0.name == lower }
    }

    /// Instructions with keyword `keyword` (case-insensitive), in order.
    public func instructions(_ keyword: String) -> [DockerInstruction] {
        let upper = keyword.uppercased()
        return instructions.filter { $0.keyword == upper }
    }

    /// The instructions of `stage`, in order.
    public func instructions(in stage: DockerStage) -> [DockerInstruction] {
        stage.instructionIndices.compactMap { $0 < instructions.count ? instructions[$0] : nil }
    }

    /// The stage named `name` (case-insensitive), or with index `name` when it is a number
    /// (as in `COPY --from=build` / `--from=0`).
    public func stage(named name: String) -> DockerStage? {
        if let index = Int(name) { return index >= 0 && index < stages.count ? stages[index] : nil }
        let lower = name.lowercased()
        return stages.last { $0.name?.lowercased() == lower }
    }

    /// The stage containing the instruction at `instructionIndex`, if any.
    public func stage(containing instructionIndex: Int) -> DockerStage? {
        guard instructionIndex >= 0, instructionIndex < instructions.count,
            let index = instructions[instructionIndex].stageIndex, index < stages.count
        else { return nil }
        return stages[index]
    }

    /// The comment lines directly above `instruction` (a contiguous block with no blank line or other
    /// instruction in between), nearest last. Suppression comments are read from here.
    public func comments(above instruction: DockerInstruction) -> [DockerComment] {
        var result: [DockerComment] = []
        var expected = instruction.lines.lowerBound - 1
        for comment in comments.reversed() where comment.line <= expected {
            guard comment.line == expected, !comment.isInsideInstruction else { break }
            result.append(comment)
            expected -= 1
        }
        return result.reversed()
    }

    /// The position range of byte offsets `bytes` (clamped to the file).
    public func range(ofBytes bytes: Range<Int>) -> SourceRange {
        positions.range(ofBytes: bytes)
    }

    /// Where a word of an instruction's ``DockerInstruction/shell`` script is in the Dockerfile.
    public func range(of word: ShellWord) -> SourceRange {
        range(ofBytes: word.byteRange)
    }

    /// Where a command of an instruction's ``DockerInstruction/shell`` script is in the Dockerfile.
    public func range(of command: ShellCommand) -> SourceRange {
        range(ofBytes: command.byteRange)
    }
}
