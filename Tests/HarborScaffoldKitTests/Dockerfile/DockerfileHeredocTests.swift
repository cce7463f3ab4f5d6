import Testing
@testable import HarborScaffoldKit

@Suite struct DockerfileHeredocTests {
    @Test func runHeredocBodyIsTheScript() throws {
        let text = "FROM alpine\nRUN <<EOF\nset -e\n  apk add curl\nEOF\nUSER nobody"
        let file = DockerfileParser.parse(text: text)
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "USER"])
        let run = try #require(file.instructions.first { $0.keyword == "RUN" })
        #expect(run.lines == 2...5)
        let heredoc = try #require(run.heredocs.first)
        #expect(heredoc.delimiter == "EOF")
        #expect(heredoc.body == "set -e\n  apk add curl\n")
        #expect(heredoc.bodyRange == SourceRange(start: .init(line: 3, column: 1), end: .init(line: 5, column: 1)))
        #expect(heredoc.bodyByteRange == 22..<44)
        #expect(heredoc.markerRange == SourceRange(start: .init(line: 2, column: 5), end: .init(line: 2, column: 10)))
        #expect(heredoc.terminatorLine == 5)
        let shell = try #require(run.shell)
        #expect(shell.commands.compactMap(\.name) == ["set", "apk"])
        let apk = try #require(shell.commands.last?.nameWord)
        #expect(file.range(of: apk) == SourceRange(start: .init(line: 4, column: 3), end: .init(line: 4, column: 6)))
        #expect(file.issues.isEmpty)
    }

    @Test func heredocWithCommandIsReadLikeTheShell() throws {
        let text = "FROM python:3.12\nRUN python3 - <<'PY' && \\\n    echo done\nimport sys\nprint(sys.version)\nPY\nCMD [\"python3\"]"
        let file = DockerfileParser.parse(text: text)
        let run = try #require(file.instructions.first { $0.keyword == "RUN" })
        #expect(run.heredocs.map(\.delimiter) == ["PY"])
        #expect(run.heredocs.first?.isQuoted == true)
        #expect(run.heredocs.first?.body == "import sys\nprint(sys.version)\n")
        #expect(run.lines == 2...6)
        let shell = try #require(run.shell)
        #expect(shell.issues.isEmpty)
        #expect(shell.commands.compactMap(\.name) == ["python3", "echo"])
        let shellHeredoc = try #require(shell.commands.first?.heredocs.first)
        #expect(shellHeredoc.body == "import sys\nprint(sys.version)\n")
        #expect(file.range(ofBytes: shellHeredoc.bodyByteRange) == run.heredocs.first?.bodyRange)
        let echo = try #require(shell.commands.last?.nameWord)
        #expect(file.range(of: echo).start == SourcePosition(line: 3, column: 5))
        #expect(file.instructions.last?.form == .exec(["python3"]))
    }

    @Test func shebangSelectsTheInterpreter() {
        let python = DockerfileParser.parse(text: "FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF")
        #expect(python.instructions.last?.shell == nil)
        #expect(python.instructions.last?.heredocs.count == 1)
        let bash = DockerfileParser.parse(text: "FROM debian\nRUN <<EOF\n#!/usr/bin/env bash\nset -euo pipefail\nEOF")
        #expect(bash.instructions.last?.shell?.commands.first?.name == "set")
        #expect(bash.instructions.last?.shell?.shebang == "#!/usr/bin/env bash")
    }

    @Test func copyHeredocsAndStripping() throws {
        let text = "FROM alpine\nCOPY --chmod=755 <<-\"EOF\" <<other.txt /app/\n\t\techo \"$HOME\"\n\tEOF\nplain\nother.txt\nRUN ls"
        let file = DockerfileParser.parse(text: text)
        let copy = try #require(file.instructions[1].copy)
        #expect(copy.heredocs.map(\.delimiter) == ["EOF", "other.txt"])
        #expect(copy.heredocs.map(\.isQuoted) == [true, false])
        #expect(copy.heredocs.map(\.stripsLeadingTabs) == [true, false])
        #expect(copy.heredocs.map(\.body) == ["echo \"$HOME\"\n", "plain\n"])
        #expect(copy.heredocs.map(\.terminatorLine) == [4, 6])
        #expect(copy.sources.isEmpty)
        #expect(copy.destination?.value == "/app/")
        #expect(copy.chmod == "755")
        #expect(file.instructions[1].lines == 2...6)
        #expect(file.instructions.last?.keyword == "RUN")
        #expect(file.issues.isEmpty)
    }

    @Test func heredocMarkersInQuotesOrHereStringsAreNot() {
        let file = DockerfileParser.parse(text: "FROM alpine\nRUN echo '<<EOF' && cat <<< x\nRUN echo next")
        #expect(file.instructions.allSatisfy { $0.heredocs.isEmpty })
        #expect(file.instructions.count == 3)
    }

    @Test func unterminatedHeredocIsAnIssue() throws {
        let file = DockerfileParser.parse(text: "FROM alpine\nRUN <<EOF\necho never closed\nRUN echo swallowed")
        let run = try #require(file.instructions.last)
        #expect(file.instructions.count == 2)
        #expect(run.heredocs.first?.isTerminated == false)
        #expect(run.heredocs.first?.body == "echo never closed\nRUN echo swallowed\n")
        #expect(file.issues.map(\.message) == ["unterminated here-document `EOF`"])
        #expect(run.lines == 2...4)
    }
}
