import Testing
@testable import HarborScaffoldKit

@Suite struct ShellWordTests {
    @Test func splitsOnBlanksAndKeepsExactByteRanges() throws {
        let script = ShellParser.parse("echo  hello\tworld")
        let command = try #require(script.commands.first)
        #expect(command.words.map(\.text) == ["echo", "hello", "world"])
        #expect(command.words.map(\.byteRange) == [0..<4, 6..<11, 12..<17])
    }

    @Test func baseOffsetShiftsEveryRange() throws {
        let script = ShellParser.parse("ls -la", baseOffset: 100)
        let command = try #require(script.commands.first)
        #expect(command.words.map(\.byteRange) == [100..<102, 103..<106])
        #expect(command.byteRange == 100..<106)
        #expect(script.byteRange == 100..<106)
    }

    @Test func removesQuotesAndRemembersThem() throws {
        let script = ShellParser.parse(#"echo 'a b' "c $HOME" d\ e plain"#)
        let words = try #require(script.commands.first).words
        #expect(words.map(\.text) == ["echo", "a b", "c $HOME", "d e", "plain"])
        #expect(words.map(\.raw) == ["echo", "'a b'", #""c $HOME""#, #"d\ e"#, "plain"])
        #expect(words.map(\.isQuoted) == [false, true, true, true, false])
        #expect(words.map(\.hasExpansion) == [false, false, true, false, false])
        #expect(words[4].isLiteral)
    }

    @Test func singleQuotesDisableExpansion() throws {
        let words = try #require(ShellParser.parse("echo '$HOME' $'a\\tb'").commands.first).words
        #expect(words[1].text == "$HOME")
        #expect(!words[1].hasExpansion)
        #expect(words[2].text == "a\tb")
        #expect(words[2].isQuoted)
    }

    @Test func doubleQuoteEscapesOnlySpecialCharacters() throws {
        let words = try #require(ShellParser.parse(#"echo "a\"b\$c\d""#).commands.first).words
        #expect(words[1].text == #"a"b$c\d"#)
        #expect(!words[1].hasExpansion)
    }

    @Test func recognisesEveryExpansionForm() {
        let samples = ["$x", "${x:-y}", "$(date)", "`date`", "$((1 + 2))", "$1", "$@", "$?", "\"$x\"", "a${b}c"]
        for sample in samples {
            let word = ShellParser.parse("echo \(sample)").commands.first?.words.last
            #expect(word?.hasExpansion == true, "\(sample)")
            #expect(word?.raw == sample, "\(sample)")
        }
        #expect(ShellParser.parse("echo $ 5$").commands.first?.words.dropFirst().allSatisfy { !$0.hasExpansion } == true)
    }

    @Test func lineContinuationJoinsWordsAndCommands() throws {
        let script = ShellParser.parse("apt-get install \\\n  curl \\\n  git")
        let command = try #require(script.commands.first)
        #expect(script.commands.count == 1)
        #expect(command.arguments.map(\.text) == ["install", "curl", "git"])
        #expect(command.words[2].byteRange == 20..<24)
        let joined = try #require(ShellParser.parse("ec\\\nho hi").commands.first)
        #expect(joined.name == "echo")
        #expect(joined.words[0].byteRange == 0..<6)
    }

    @Test func commentsStartOnlyAtWordStart() throws {
        let script = ShellParser.parse("echo a#b # real comment\n# whole line\necho c")
        #expect(script.commands.map { $0.words.map(\.text) } == [["echo", "a#b"], ["echo", "c"]])
        #expect(script.comments.map(\.text) == ["# real comment", "# whole line"])
        #expect(script.comments[0].byteRange == 9..<23)
        #expect(script.comments[1].content == "whole line")
    }

    @Test func shebangIsTheFirstComment() {
        #expect(ShellParser.parse("#!/bin/bash\necho").shebang == "#!/bin/bash")
        #expect(ShellParser.parse("echo\n#!/bin/bash").shebang == nil)
    }

    @Test func arrayAssignmentsAndExtendedGlobsStayOneWord() throws {
        let array = try #require(ShellParser.parse("arr=(one \"two three\") cmd").commands.first)
        #expect(array.assignments.map(\.name) == ["arr"])
        #expect(array.assignments.first?.value == "(one \"two three\")")
        #expect(array.name == "cmd")
        let glob = try #require(ShellParser.parse("rm -rf !(keep|save)").commands.first)
        #expect(glob.arguments.map(\.text) == ["-rf", "!(keep|save)"])
    }

    @Test func utf8WordsKeepByteOffsets() throws {
        let command = try #require(ShellParser.parse("echo héllo wörld").commands.first)
        #expect(command.words.map(\.text) == ["echo", "héllo", "wörld"])
        #expect(command.words[2].byteRange == 12..<18)
    }
}
