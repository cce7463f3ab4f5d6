import Testing
@testable import HarborScaffoldKit

@Suite struct ShellSubstitutionTests {
    @Test func commandSubstitutionIsANestedScript() throws {
        let text = "echo $(curl -fsSL https://get.sh | sh) done"
        let script = ShellParser.parse(text)
        let word = try #require(script.commands.first?.words[1])
        #expect(word.text == "$(curl -fsSL https://get.sh | sh)")
        let nested = try #require(word.commandSubstitutions.first)
        #expect(nested.commands.compactMap(\.name) == ["curl", "sh"])
        #expect(nested.commands.allSatisfy { $0.isPipelineMember && $0.substitutionDepth == 1 })
        #expect(nested.byteRange == 7..<37)
        #expect(nested.commands[0].words[0].byteRange == 7..<11)
        #expect(script.commands.first?.argumentTexts.last == "done")
        #expect(script.commands(named: "sh").count == 1)
    }

    @Test func nestedSubstitutionsAndQuotes() throws {
        let script = ShellParser.parse(#"v="$(dirname "$(readlink -f "$0")")"; cd "$v""#)
        #expect(script.commands.count == 2)
        #expect(script.allCommands.compactMap(\.name) == ["dirname", "readlink", "cd"])
        #expect(script.allCommands.map(\.substitutionDepth) == [0, 1, 2, 0])
        #expect(script.issues.isEmpty)
    }

    @Test func backquotesIncludingEscapedNesting() throws {
        let script = ShellParser.parse("echo `date +%s` `echo \\`uname\\``")
        #expect(script.allCommands.compactMap(\.name) == ["echo", "date", "echo", "uname"])
        let inner = try #require(script.commands.first?.words[2].commandSubstitutions.first?.commands.first?.words[1])
        #expect(inner.text == "`uname`")
        let deepest = try #require(inner.commandSubstitutions.first?.commands.first?.words.first)
        #expect(deepest.byteRange == 24..<29)
    }

    @Test func parenthesesInsideSubstitutionDoNotCloseIt() throws {
        let script = ShellParser.parse("x=$(case $y in a) echo a;; (b) echo b;; esac; (cd /; pwd)) && echo ok")
        #expect(script.allCommands.compactMap(\.name) == ["echo", "echo", "cd", "pwd", "echo"])
        #expect(script.commands.count == 2)
        #expect(script.commands[0].inCondition)
        #expect(script.issues.isEmpty)
    }

    @Test func parameterExpansionContainingSubstitution() throws {
        let word = try #require(ShellParser.parse("echo ${VERSION:-$(git describe)} ${#arr[@]} ${x//\\}/y}").commands.first?.words)
        #expect(word[1].text == "${VERSION:-$(git describe)}")
        #expect(word[1].commandSubstitutions.first?.commands.first?.name == "git")
        #expect(word[2].text == "${#arr[@]}")
        #expect(word[3].raw == "${x//\\}/y}")
    }

    @Test func arithmeticExpansionIsNotACommand() throws {
        let script = ShellParser.parse("echo $(( (1 + 2) * 3 )) $[4]")
        #expect(script.allCommands.count == 1)
        #expect(script.commands.first?.words.map(\.text) == ["echo", "$(( (1 + 2) * 3 ))", "$[4]"])
    }

    @Test func substitutionsInLoopHeadersAreVisible() {
        let script = ShellParser.parse("for f in $(find . -name '*.py'); do python $f; done")
        #expect(script.allCommands.compactMap(\.name) == ["find", "python"])
    }

    @Test func deepNestingIsBounded() {
        let depth = 200
        let text = String(repeating: "$(", count: depth) + "echo" + String(repeating: ")", count: depth)
        let script = ShellParser.parse("x " + text)
        #expect(script.allIssues.contains { $0.message == "command substitution nested too deeply" })
        let quotes = String(repeating: "\"${a:-", count: depth) + String(repeating: "}\"", count: depth)
        _ = ShellParser.parse("echo " + quotes)
    }
}

@Suite struct ShellOptionTests {
    private func command(_ text: String) throws -> ShellCommand {
        try #require(ShellParser.parse(text).commands.first)
    }

    @Test func shortLongAndCombinedOptions() throws {
        let apt = try command("apt-get install -qy --no-install-recommends curl")
        #expect(apt.hasOption("-y"))
        #expect(apt.hasOption("-q"))
        #expect(apt.hasOption("--no-install-recommends"))
        #expect(!apt.hasOption("-n"))
        #expect(apt.hasOption("--yes", "-y", "--assume-yes"))
        let pip = try command("pip install --index-url=https://x -r req.txt --no-cache-dir -- -y")
        #expect(pip.hasOption("--index-url"))
        #expect(pip.optionValue("--index-url") == "https://x")
        #expect(pip.optionValue("-r") == "req.txt")
        #expect(!pip.hasOption("-y"))
        #expect(pip.operands.map(\.text) == ["install", "req.txt", "-y"])
    }

    @Test func optionValuesInAllSpellings() throws {
        let cmd = try command("pip install -r a.txt -rb.txt --requirement c.txt --requirement=d.txt")
        #expect(cmd.optionValues("-r") == ["a.txt", "b.txt"])
        #expect(cmd.optionValues("--requirement") == ["c.txt", "d.txt"])
        #expect(cmd.optionValue("--missing") == nil)
    }

    @Test func multiLetterSingleDashOptionsMatchExactly() throws {
        let cmd = try command("apt-get -qq update")
        #expect(cmd.hasOption("-qq"))
        #expect(cmd.hasOption("-q"))
        #expect(!cmd.hasOption("-qqq"))
        let find = try command("find . -name x")
        #expect(find.hasOption("-name"))
        #expect(!find.hasOption("-x"))
        // Known limitation: single-dash long options look like combined short flags.
        #expect(find.hasOption("-e"))
    }

    @Test func wrappersAreUnwrapped() throws {
        let sudo = try command("sudo -u app env PIP_X=1 /usr/bin/pip install x").withoutWrappers
        #expect(sudo.name == "pip")
        #expect(sudo.assignments.map(\.name) == ["PIP_X"])
        #expect(sudo.argumentTexts == ["install", "x"])
        #expect(try command("timeout -s KILL 60 pytest -q").withoutWrappers.name == "pytest")
        #expect(try command("nice -n 5 nohup make").withoutWrappers.name == "make")
        #expect(try command("command -v pip").withoutWrappers.name == "command")
        #expect(try command("exec \"$@\"").withoutWrappers.nameWord?.text == "$@")
        #expect(try command("sudo").withoutWrappers.name == "sudo")
    }
}
