import Testing
@testable import HarborScaffoldKit

@Suite struct ShellRedirectionTests {
    @Test func operatorsDescriptorsAndTargets() throws {
        let command = try #require(
            ShellParser.parse("cmd <in >out 2>>err.log 2>&1 &>all >|force 3<>rw <&0 >& both &>>app").commands.first)
        #expect(command.words.map(\.text) == ["cmd"])
        let redirections = command.redirections
        #expect(redirections.map(\.operator) == [
            .input, .output, .append, .duplicateOutput, .outputAndError, .clobber, .readWrite, .duplicateInput,
            .duplicateOutput, .appendOutputAndError,
        ])
        #expect(redirections.map(\.fileDescriptor) == [nil, nil, 2, 2, nil, nil, 3, nil, nil, nil])
        #expect(redirections.map { $0.target?.text } == ["in", "out", "err.log", "1", "all", "force", "rw", "0", "both", "app"])
        #expect(redirections[3].mergesStandardErrorIntoOutput)
        #expect(redirections[3].raw == "2>&1")
        #expect(redirections[2].byteRange == 13..<23)
    }

    @Test func redirectionBeforeTheCommandName() throws {
        let command = try #require(ShellParser.parse("2>/dev/null >log FOO=1 make all").commands.first)
        #expect(command.name == "make")
        #expect(command.assignments.map(\.name) == ["FOO"])
        #expect(command.redirections.count == 2)
        #expect(command.byteRange == 0..<31)
    }

    @Test func digitsSeparatedFromOperatorAreAnArgument() throws {
        let command = try #require(ShellParser.parse("echo 2 >x a2>y").commands.first)
        #expect(command.argumentTexts == ["2", "a2"])
        #expect(command.redirections.map(\.fileDescriptor) == [nil, nil])
    }

    @Test func rewardWriteTarget() throws {
        let command = try #require(ShellParser.parse("echo 1 > /logs/verifier/reward.txt").commands.first)
        let redirection = try #require(command.redirections.first)
        #expect(redirection.operator.writes)
        #expect(redirection.target?.text == "/logs/verifier/reward.txt")
        #expect(redirection.target?.byteRange == 9..<34)
    }

    @Test func hereStringAndProcessSubstitution() throws {
        let script = ShellParser.parse("grep x <<< \"$data\"; diff <(sort a) <(sort b); cat < <(ls)")
        #expect(script.commands[0].redirections.first?.operator == .hereString)
        #expect(script.commands[0].redirections.first?.target?.text == "$data")
        #expect(script.commands[1].argumentTexts == ["<(sort a)", "<(sort b)"])
        #expect(script.commands[1].commandSubstitutions.count == 2)
        #expect(script.commands[2].redirections.first?.target?.commandSubstitutions.first?.commands.first?.name == "ls")
        #expect(script.allCommands.compactMap(\.name) == ["grep", "diff", "sort", "sort", "cat", "ls"])
    }

    @Test func missingTargetIsAnIssue() {
        let script = ShellParser.parse("echo hi >")
        #expect(script.issues.map(\.message) == ["redirection `>` has no target"])
        #expect(script.issues.first?.byteOffset == 8)
    }
}

@Suite struct ShellHeredocTests {
    @Test func bodyIsCapturedNotParsed() throws {
        let text = "cat <<EOF > /app/config\nrm -rf /\n$HOME\nEOF\necho after"
        let script = ShellParser.parse(text)
        #expect(script.commands.compactMap(\.name) == ["cat", "echo"])
        let heredoc = try #require(script.commands[0].heredocs.first)
        #expect(heredoc.delimiter == "EOF")
        #expect(!heredoc.isQuoted)
        #expect(heredoc.body == "rm -rf /\n$HOME\n")
        #expect(heredoc.bodyByteRange == 24..<39)
        #expect(heredoc.isTerminated)
        #expect(script.commands[0].redirections.map(\.raw) == ["<<EOF", "> /app/config"])
        #expect(script.commands[1].precedingOperator == .newline)
    }

    @Test func quotedDelimiterAndTabStripping() throws {
        let script = ShellParser.parse("python3 - <<'PY'\nprint(1)\nPY\ncat <<-\"END\"\n\t\tindented\n\tEND\n")
        let first = try #require(script.commands[0].heredocs.first)
        #expect(first.isQuoted && first.delimiter == "PY" && first.body == "print(1)\n")
        let second = try #require(script.commands[1].heredocs.first)
        #expect(second.stripsLeadingTabs && second.isQuoted)
        #expect(second.body == "indented\n")
        #expect(script.issues.isEmpty)
    }

    @Test func severalHeredocsOnOneLineInOrder() throws {
        let script = ShellParser.parse("paste <<A <<B | sort\none\nA\ntwo\nB\nls")
        #expect(script.commands.compactMap(\.name) == ["paste", "sort", "ls"])
        #expect(script.commands[0].heredocs.map(\.body) == ["one\n", "two\n"])
        #expect(script.commands[0].followingOperator == .pipe)
    }

    @Test func heredocInsideCompoundAndSubstitution() throws {
        let script = ShellParser.parse("if true; then\n  cat <<EOF\nfi\nEOF\nfi\nx=$(cat <<X\n)\nX\n)")
        #expect(script.issues.isEmpty)
        #expect(script.compounds.first?.isTerminated == true)
        #expect(script.commands[1].heredocs.first?.body == "fi\n")
        let substitution = try #require(script.commands.last?.commandSubstitutions.first)
        #expect(substitution.commands.first?.heredocs.first?.body == ")\n")
    }

    @Test func unterminatedHeredocTakesTheRest() throws {
        let script = ShellParser.parse("cat <<EOF\nline\nmore")
        let heredoc = try #require(script.commands.first?.heredocs.first)
        #expect(!heredoc.isTerminated)
        #expect(heredoc.body == "line\nmore")
        #expect(heredoc.bodyByteRange == 10..<19)
        #expect(script.issues.map(\.message) == ["here-document is not terminated by `EOF`"])
        let noNewline = ShellParser.parse("cat <<EOF")
        #expect(noNewline.issues.count == 1)
        #expect(noNewline.commands.first?.heredocs.first?.isTerminated == false)
    }

    @Test func heredocOnCompound() {
        let script = ShellParser.parse("while read l; do echo $l; done <<EOF\na\nb\nEOF\n")
        #expect(script.compounds.first?.redirections.first?.heredoc?.body == "a\nb\n")
    }
}
