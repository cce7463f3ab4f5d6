import Testing
@testable import HarborScaffoldKit

@Suite struct DockerfileStructureTests {
    @Test func directivesAtTheTop() throws {
        let file = DockerfileParser.parse(text: "# syntax=docker/dockerfile:1.7\n#escape = `\n# syntax=again\nFROM alpine\n")
        #expect(file.directives.map(\.name) == ["syntax", "escape"])
        #expect(file.directive("SYNTAX")?.value == "docker/dockerfile:1.7")
        #expect(file.directives[1].line == 2)
        #expect(file.escapeCharacter == "`")
        #expect(file.issues.map(\.message) == ["only one `syntax` parser directive can be used"])
        #expect(file.comments.isEmpty)
    }

    @Test func directivesStopAtTheFirstOtherLine() {
        let afterComment = DockerfileParser.parse(text: "# a comment\n# escape=`\nFROM alpine")
        #expect(afterComment.directives.isEmpty)
        #expect(afterComment.escapeCharacter == "\\")
        #expect(afterComment.comments.map(\.text) == ["# a comment", "# escape=`"])
        let unknown = DockerfileParser.parse(text: "# foo=bar\n# syntax=x\nFROM alpine")
        #expect(unknown.directives.isEmpty)
        let afterBlank = DockerfileParser.parse(text: "\n# syntax=x\nFROM alpine")
        #expect(afterBlank.directives.isEmpty)
        #expect(afterBlank.blankLines == [1])
    }

    @Test func invalidEscapeIsAnIssue() {
        let file = DockerfileParser.parse(text: "# escape=x\nFROM alpine")
        #expect(file.issues.first?.message.hasPrefix("invalid escape character") == true)
        #expect(file.escapeCharacter == "\\")
    }

    @Test func commentsAndBlankLinesAreKept() throws {
        let text = "FROM alpine\n\n# hadolint ignore=DL3018\n# harbor-scaffold: ignore[K101]\nRUN apk add curl\n  # indented  \n"
        let file = DockerfileParser.parse(text: text)
        #expect(file.comments.map(\.line) == [3, 4, 6])
        #expect(file.comments[2].text == "# indented")
        #expect(file.comments[2].range == SourceRange(start: .init(line: 6, column: 3), end: .init(line: 6, column: 13)))
        #expect(file.blankLines == [2])
        let run = try #require(file.instructions.last)
        #expect(file.comments(above: run).map(\.content) == ["hadolint ignore=DL3018", "harbor-scaffold: ignore[K101]"])
        #expect(file.comments(above: file.instructions[0]).isEmpty)
    }

    @Test func commentsAboveStopAtABlankLine() throws {
        let file = DockerfileParser.parse(text: "# far\n\n# near\nFROM alpine")
        let from = try #require(file.instructions.first)
        #expect(file.comments(above: from).map(\.text) == ["# near"])
    }

    @Test func continuationLinesAreJoined() throws {
        let text = "FROM alpine\nRUN apk add \\\n      curl \\  \n\n    # a comment inside\n      git\nUSER app"
        let file = DockerfileParser.parse(text: text)
        let run = try #require(file.instructions.first { $0.keyword == "RUN" })
        #expect(run.arguments == "apk add       curl       git")
        #expect(run.lines == 2...6)
        #expect(run.range == SourceRange(start: .init(line: 2, column: 1), end: .init(line: 6, column: 10)))
        #expect(file.comments.map(\.isInsideInstruction) == [true])
        #expect(file.comments.first?.line == 5)
        #expect(file.blankLines == [4])
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "USER"])
        #expect(file.comments(above: file.instructions[2]).isEmpty)
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let file = DockerfileParser.parse(text: "from alpine\n  run  echo hi")
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN"])
        let run = try #require(file.instructions.last)
        #expect(run.keywordRange == SourceRange(start: .init(line: 2, column: 3), end: .init(line: 2, column: 6)))
        #expect(run.arguments == "echo hi")
        #expect(run.is("run"))
    }

    @Test func malformedInstructionsAreIssues() {
        let file = DockerfileParser.parse(text: "RUN echo early\nFROM alpine\nFOO bar\nCOPY --form=x a b\nRUN\nWORKDIR")
        #expect(file.issues.map(\.message) == [
            "RUN before the first FROM instruction",
            "unknown instruction `FOO`",
            "unknown flag `--form` for COPY",
            "RUN requires arguments",
            "WORKDIR requires arguments",
        ])
        #expect(file.issues[1].range == SourceRange(start: .init(line: 3, column: 1), end: .init(line: 3, column: 4)))
        #expect(file.instructions.count == 6)
        #expect(file.instructions[0].stageIndex == nil)
    }

    @Test func fileWithoutFrom() {
        #expect(DockerfileParser.parse(text: "RUN x").issues.map(\.message).contains("Dockerfile has no FROM instruction"))
        let empty = DockerfileParser.parse(text: "")
        #expect(empty.instructions.isEmpty && empty.issues.isEmpty)
        #expect(DockerfileParser.parse(text: "\n\n# just a comment\n").issues.isEmpty)
    }

    @Test func crlfAndBOMAreNormalised() throws {
        let file = DockerfileParser.parse(text: "\u{FEFF}FROM alpine\r\nRUN echo a \\\r\n    b\r\n")
        #expect(file.source.hadCRLF)
        let run = try #require(file.instructions.last)
        #expect(run.arguments == "echo a     b")
        let word = try #require(run.shell?.commands.first?.words.last)
        #expect(file.range(of: word).start == SourcePosition(line: 3, column: 5))
    }
}
