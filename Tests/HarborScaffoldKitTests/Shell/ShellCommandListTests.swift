import Testing
@testable import HarborScaffoldKit

@Suite struct ShellCommandListTests {
    @Test func operatorsJoinCommands() {
        let script = ShellParser.parse("a && b || c; d & e\nf | g |& h")
        #expect(script.commands.compactMap(\.name) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(script.commands.map(\.precedingOperator) == [nil, .and, .or, .semicolon, .background, .newline, .pipe, .pipeAll])
        #expect(script.commands.map(\.followingOperator) == [.and, .or, .semicolon, .background, .newline, .pipe, .pipeAll, nil])
    }

    @Test func pipelineMembersAreMarked() {
        let script = ShellParser.parse("curl -fsSL https://x.sh | sh\necho done")
        #expect(script.commands.map(\.isPipelineMember) == [true, true, false])
        #expect(script.commands[0].followingOperator?.isPipe == true)
    }

    @Test func leftSidesOfAndOrAreConditional() {
        let script = ShellParser.parse("pip install x || true\na && b && c\nx | y && z")
        let flags = script.commands.map { "\($0.name ?? "-"):\($0.inCondition)" }
        #expect(flags == ["pip:true", "true:false", "a:true", "b:true", "c:false", "x:true", "y:true", "z:false"])
    }

    @Test func newlineAfterOperatorContinuesTheList() {
        let script = ShellParser.parse("a &&\n  b ||\n\n  c |\n d")
        #expect(script.commands.map(\.precedingOperator) == [nil, .and, .or, .pipe])
        #expect(script.commands[0].inCondition && script.commands[1].inCondition)
        #expect(!script.commands[3].inCondition)
    }

    @Test func assignmentsPrefixAndName() throws {
        let command = try #require(ShellParser.parse("FOO=bar BAZ+=\"q x\" /usr/local/bin/pip install -U pip").commands.first)
        #expect(command.assignments.map(\.name) == ["FOO", "BAZ"])
        #expect(command.assignments.map(\.value) == ["bar", "q x"])
        #expect(command.assignments[1].isAppend)
        #expect(command.name == "pip")
        #expect(command.nameWord?.text == "/usr/local/bin/pip")
        #expect(command.argumentTexts == ["install", "-U", "pip"])
        #expect(command.words.count == 6)
    }

    @Test func assignmentOnlyCommandHasNoName() throws {
        let command = try #require(ShellParser.parse("export_me=1").commands.first)
        #expect(command.name == nil)
        #expect(command.assignments.first?.name == "export_me")
        #expect(command.arguments.isEmpty)
        let later = try #require(ShellParser.parse("env A=1 B=2").commands.first)
        #expect(later.assignments.isEmpty)
        #expect(later.argumentTexts == ["A=1", "B=2"])
    }

    @Test func negationMarksThePipeline() {
        let script = ShellParser.parse("! grep -q x f | tee y; echo")
        #expect(script.commands.map(\.isNegated) == [true, true, false])
        #expect(script.commands[0].isErrexitExempt)
    }

    @Test func commandRangeCoversWordsAndRedirections() throws {
        let command = try #require(ShellParser.parse("  echo hi > out.txt ; ls").commands.first)
        #expect(command.byteRange == 2..<19)
    }

    @Test func emptyAndBlankInputs() {
        #expect(ShellParser.parse("").commands.isEmpty)
        #expect(ShellParser.parse("\n\n   \t\n# only\n").commands.isEmpty)
        #expect(ShellParser.parse(";;").issues.count == 1)
    }
}
