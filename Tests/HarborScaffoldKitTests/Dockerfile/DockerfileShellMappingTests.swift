import Testing
@testable import HarborScaffoldKit

/// Words of `RUN` scripts must point at their exact place in the Dockerfile, continuations included.
@Suite struct DockerfileShellMappingTests {
    @Test func wordInsideAContinuedRunWithACommentLine() throws {
        let text = """
            FROM python:3.12-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN apt-get update \\
                && apt-get install -y --no-install-recommends gcc \\
                # build dependencies above
                    && pip install --no-cache-dir -r requirements.txt \\
                && rm -rf /var/lib/apt/lists/*
            """
        let file = DockerfileParser.parse(text: text)
        let run = try #require(file.instructions.last)
        #expect(run.lines == 4...8)
        let shell = try #require(run.shell)
        #expect(shell.commands.compactMap(\.name) == ["apt-get", "apt-get", "pip", "rm"])
        let pip = try #require(shell.commands[2].nameWord)
        #expect(file.range(of: pip) == SourceRange(start: .init(line: 7, column: 12), end: .init(line: 7, column: 15)))
        let requirements = try #require(shell.commands[2].words.last)
        #expect(file.range(of: requirements).start == SourcePosition(line: 7, column: 42))
        #expect(file.range(of: shell.commands[3]) == SourceRange(start: .init(line: 8, column: 8), end: .init(line: 8, column: 35)))
        #expect(shell.commands[1].hasOption("-y"))
        #expect(shell.commands[1].inCondition && !shell.commands[3].inCondition)
        #expect(file.comments.first?.isInsideInstruction == true)
    }

    @Test func wordSplitAcrossAContinuation() throws {
        let file = DockerfileParser.parse(text: "FROM alpine\nRUN wget https://example.com/very/\\\nlong/path.tgz")
        let word = try #require(file.instructions.last?.shell?.commands.first?.words.last)
        #expect(word.text == "https://example.com/very/long/path.tgz")
        #expect(file.range(of: word) == SourceRange(start: .init(line: 2, column: 10), end: .init(line: 3, column: 14)))
    }

    @Test func backtickEscapeDirective() throws {
        let text = "# escape=`\nFROM alpine\nRUN echo C:\\path `\n    && ls -la"
        let file = DockerfileParser.parse(text: text)
        #expect(file.escapeCharacter == "`")
        let run = try #require(file.instructions.last)
        #expect(run.arguments == "echo C:\\path     && ls -la")
        #expect(run.lines == 3...4)
        let ls = try #require(run.shell?.commands.last?.nameWord)
        #expect(file.range(of: ls) == SourceRange(start: .init(line: 4, column: 8), end: .init(line: 4, column: 10)))
    }

    @Test func flagsAreNotPartOfTheScript() throws {
        let file = DockerfileParser.parse(text: "FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add curl")
        let shell = try #require(file.instructions.last?.shell)
        #expect(shell.commands.first?.words.map(\.text) == ["apk", "add", "curl"])
        #expect(file.range(of: shell.commands[0].words[0]).start == SourcePosition(line: 2, column: 46))
        #expect(shell.byteRange.lowerBound == 57)
    }

    @Test func columnsCountCharacters() throws {
        let file = DockerfileParser.parse(text: "FROM alpine\nRUN echo \"héllo wörld\" && touch ß")
        let touch = try #require(file.instructions.last?.shell?.commands.last)
        #expect(file.range(of: touch.words[1]) == SourceRange(start: .init(line: 2, column: 33), end: .init(line: 2, column: 34)))
    }

    @Test func substitutionWordsMapToo() throws {
        let file = DockerfileParser.parse(text: "FROM alpine\nRUN echo $(curl -s \\\n  https://x | sh)")
        let nested = try #require(file.instructions.last?.shell?.allCommands.last)
        #expect(nested.name == "sh")
        #expect(file.range(of: nested.words[0]).start == SourcePosition(line: 3, column: 15))
    }
}
