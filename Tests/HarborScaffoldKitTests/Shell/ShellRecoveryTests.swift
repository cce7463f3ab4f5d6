import Testing
@testable import HarborScaffoldKit

@Suite struct ShellRecoveryTests {
    @Test func unterminatedSingleQuoteEndsAtLineEnd() {
        let script = ShellParser.parse("echo 'oops\nls -la")
        #expect(script.issues.map(\.message) == ["unterminated single quote"])
        #expect(script.issues.first?.byteOffset == 5)
        #expect(script.commands.compactMap(\.name) == ["echo", "ls"])
        #expect(script.commands[0].words[1].text == "oops")
    }

    @Test func unterminatedDoubleQuoteRecovers() {
        let script = ShellParser.parse("echo \"$(date) x\nmake all")
        #expect(script.issues.map(\.message) == ["unterminated double quote"])
        #expect(script.commands.compactMap(\.name) == ["echo", "make"])
    }

    @Test func multiLineQuotedStringsAreFine() {
        let script = ShellParser.parse("echo \"a\nb\" 'c\nd'\nls")
        #expect(script.issues.isEmpty)
        #expect(script.commands[0].argumentTexts == ["a\nb", "c\nd"])
        #expect(script.commands.count == 2)
    }

    @Test func unterminatedSubstitutionAndExpansion() {
        let substitution = ShellParser.parse("echo $(curl x | sh")
        #expect(substitution.issues.map(\.message) == ["unterminated command substitution"])
        #expect(substitution.allCommands.compactMap(\.name) == ["echo", "curl", "sh"])
        let parameter = ShellParser.parse("echo ${HOME\nls")
        #expect(parameter.issues.map(\.message) == ["unterminated `${`"])
        #expect(parameter.commands.compactMap(\.name) == ["echo", "ls"])
        let backquote = ShellParser.parse("echo `date\nls")
        #expect(backquote.issues.map(\.message) == ["unterminated backquote"])
        #expect(backquote.commands.compactMap(\.name) == ["echo", "ls"])
        let arithmetic = ShellParser.parse("echo $((1 + \nls")
        #expect(arithmetic.issues.count == 1)
    }

    @Test func strayClosersAreReported() {
        let script = ShellParser.parse("echo a ) b\n}\n( echo c")
        #expect(script.issues.map(\.message) == ["unexpected `)`", "unexpected `}`", "`(` is not closed"])
        #expect(script.commands.compactMap(\.name) == ["echo", "b", "echo"])
    }

    @Test func unclosedDoubleBracket() {
        let script = ShellParser.parse("[[ -f x\necho y")
        #expect(script.issues.map(\.message) == ["`[[` without matching `]]`"])
        #expect(script.commands.compactMap(\.name) == ["[[", "echo"])
    }

    @Test func trailingBackslashAndLoneOperators() {
        #expect(ShellParser.parse("echo \\").commands.first?.argumentTexts == ["\\"])
        #expect(ShellParser.parse("| && ; &").commands.isEmpty)
        #expect(ShellParser.parse("f(").issues.count == 1)
    }

    @Test func manyUnterminatedQuotesStayFast() {
        let text = String(repeating: "echo \"a $(b\n", count: 2000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ShellParser.parse(text) }
        #expect(elapsed < .seconds(2))
    }

    @Test func deepCompoundNestingStaysLinear() throws {
        let depth = 3000
        let text = String(repeating: "{ a; if b; then ", count: depth)
        let clock = ContinuousClock()
        var script = ShellScript()
        let elapsed = clock.measure { script = ShellParser.parse(text) }
        #expect(elapsed < .seconds(2))
        let last = try #require(script.commands.last)
        #expect(last.depth == 2 * depth)
        #expect(last.enclosing.count == ShellParser.maximumRecordedNesting)
        #expect(last.inCondition)
        #expect(script.issues.count == 2 * depth)
    }
}
