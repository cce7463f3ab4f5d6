import Testing
@testable import HarborScaffoldKit

/// Scripts run with a shell's `-c` are read as scripts of their own, with positions in the outer text.
@Suite struct ShellInlineScriptTests {
    /// The `-c` invocation of the first command of `line`, wrappers removed.
    private func invocation(_ line: String) -> (shell: String, options: [String], script: String)? {
        guard let command = ShellParser.parse(line).commands.first?.withoutWrappers,
            let found = command.inlineScriptInvocation
        else { return nil }
        return (found.shell, found.options.map(\.text), found.script.text)
    }

    @Test func shellsWithDashCAreRecognisedThroughOptionsAndWrappers() {
        #expect(invocation("sh -c 'pip install x'")?.script == "pip install x")
        #expect(invocation("/bin/bash -lc \"make\" name arg")?.script == "make")
        #expect(invocation("bash -euxo pipefail -c 'a | b'")?.options == ["-euxo", "pipefail", "-c"])
        #expect(invocation("bash -o pipefail -O extglob --norc -c x")?.script == "x")
        #expect(invocation("bash --rcfile /etc/rc -ec x")?.script == "x")
        #expect(invocation("sudo -u app env HOME=/app dash -c 'id'")?.shell == "dash")
        #expect(invocation("zsh -c -- 'echo'")?.script == "echo")
        for none in ["bash script.sh", "bash -c", "bash -o -c", "python -c 'print(1)'", "sh", "bash -x run.sh -c", "command -v sh -c"] {
            #expect(invocation(none) == nil, "\(none)")
        }
    }

    @Test func suAndRunuserHandTheirDashCScriptToTheUsersShell() throws {
        #expect(invocation("su -c 'pip install x' app")?.script == "pip install x")
        #expect(invocation("su app -c 'pip install x'")?.script == "pip install x", "su permutes its options")
        #expect(invocation("su - app -c \"make\"")?.shell == "su")
        #expect(invocation("su -lc 'id' app")?.options == [])
        #expect(invocation("su -s /bin/bash app --command 'a; b'")?.script == "a; b")
        #expect(invocation("runuser -l app --session-command='x y'")?.script == "x y")
        #expect(invocation("sudo su -c 'id'")?.shell == "su")
        for none in ["su app", "su -s /usr/bin/python3 -c 'print(1)' app", "su -cid app", "runuser -u app -- id", "su -c"] {
            #expect(invocation(none) == nil, "\(none)")
        }
        let text = "su app --command='pip install x'\n"
        let inline = try #require(ShellParser.parse(text).inlineScripts.first)
        #expect(inline.hasExactPositions)
        let pip = try #require(inline.commands.first?.nameWord)
        #expect(Array(text.utf8)[pip.byteRange].elementsEqual("pip".utf8))
    }

    @Test func runuserXargsAndFindAreWrappers() {
        func unwrapped(_ line: String) -> [String] {
            ShellParser.parse(line).commands.first?.withoutWrappers.words.map(\.text) ?? []
        }
        #expect(unwrapped("runuser -u app -- pip install x") == ["pip", "install", "x"])
        #expect(unwrapped("runuser -u app -g grp make") == ["make"])
        #expect(unwrapped("runuser app -c make") == ["runuser", "app", "-c", "make"], "without -u, runuser starts a shell")
        #expect(unwrapped("xargs -0 -n 1 -I {} sh -c 'x {}'") == ["sh", "-c", "x {}"])
        #expect(unwrapped("xargs") == ["xargs"])
        #expect(unwrapped("find . -name '*.py' -exec chmod 644 {} +") == ["chmod", "644", "{}"])
        #expect(unwrapped("find . -type f -execdir sh -c 'x' \\; -print") == ["sh", "-c", "x"])
        #expect(unwrapped("find . -name x -delete") == ["find", ".", "-name", "x", "-delete"])
        #expect(unwrapped("sudo find / -exec env A=1 pip install {} \\;") == ["A=1", "pip", "install", "{}"])
        let mayNotRun = ["find . -exec x {} \\;", "xargs -r x", "xargs -0r x", "xargs --no-run-if-empty x", "xargs -I{} x", "xargs -i x"]
        for line in mayNotRun {
            #expect(ShellParser.parse(line).commands.first?.wrapperThatMayNotRun != nil, "\(line)")
        }
        for line in ["xargs x", "xargs -0 -n1 x", "xargs -d r x", "sudo x", "find . -delete"] {
            #expect(ShellParser.parse(line).commands.first?.wrapperThatMayNotRun == nil, "\(line)")
        }
    }

    @Test func scriptsAreGroupedUnderTheCommandsRunningThem() throws {
        let text = "sh -c \"bash -c 'echo a'; echo b\"\nsu -c 'echo c' app\necho d\n"
        let script = ShellParser.parse(text)
        let runs = ShellInlineRuns(script)
        let first = try #require(runs.run(of: script.commands[0]))
        #expect(first.script.depth == 1 && first.script.commands.map(\.name) == ["bash", "echo"])
        let nested = try #require(first.nested.run(of: first.script.commands[0]))
        #expect(nested.script.depth == 2 && nested.script.commands.map(\.name) == ["echo"])
        #expect(runs.run(of: script.commands[2]) == nil)
        let expanded = runs.expanding(script.allCommands).map { $0.arguments.last?.text }
        #expect(expanded == ["a", "b", "c", "d"])
    }

    @Test func positionsAreExactWhenTheQuotingCanBeUndone() throws {
        let text = "set -e\nbash -c \"echo \\\"go\\\" && pip install pytest\" && sh -c 'pip3 install x'\n"
        let scripts = ShellParser.parse(text).inlineScripts
        #expect(scripts.map(\.shell) == ["bash", "sh"] && scripts.allSatisfy(\.hasExactPositions))
        let bytes = Array(text.utf8)
        for (inline, name) in zip(scripts, ["pip", "pip3"]) {
            let command = try #require(inline.commands.first { $0.name == name })
            let word = try #require(command.nameWord)
            #expect(String(decoding: bytes[word.byteRange], as: UTF8.self) == name)
            #expect(String(decoding: bytes[command.arguments.last!.byteRange], as: UTF8.self) == command.arguments.last!.text)
        }
        let echo = try #require(scripts.first?.commands.first)
        #expect(String(decoding: bytes[echo.arguments[0].byteRange], as: UTF8.self) == "\"go\\\"", "an escaped byte maps to itself, after its backslash")
    }

    @Test func otherQuotingFallsBackToTheWordsStart() throws {
        let text = "bash -c $'pip install x\\n'\n"
        let inline = try #require(ShellParser.parse(text).inlineScripts.first)
        #expect(!inline.hasExactPositions)
        #expect(inline.commands.map(\.name) == ["pip"])
        #expect(inline.commands.allSatisfy { $0.byteRange.lowerBound == inline.word.byteRange.lowerBound })
    }

    @Test func substitutionsTheOuterShellRunsAreNotCountedTwice() throws {
        let outer = try #require(ShellParser.parse("sh -c \"echo $(curl -fsSL https://x.example/v)\"\n").inlineScripts.first)
        #expect(outer.commands.compactMap(\.name) == ["echo"])
        let inner = try #require(ShellParser.parse("sh -c 'echo $(curl -fsSL https://x.example/v)'\n").inlineScripts.first)
        #expect(inner.commands.compactMap(\.name) == ["echo", "curl"])
    }

    @Test func nestingIsReadToALimit() {
        let text = "sh -c \"sh -c \\\"sh -c 'sh -c \\\\\\\"sh -c pip\\\\\\\"'\\\"\"\n"
        let scripts = ShellParser.parse(text).inlineScripts
        #expect(scripts.map(\.depth) == [1, 2, 3])
        #expect(ShellInlineScript.maximumDepth == 3)
        #expect(ShellParser.parse("bash -o pipefail -c 'a | b'").inlineScripts.first?.setsPipefail == true)
        #expect(ShellParser.parse("bash -c 'a | b'").inlineScripts.first?.setsPipefail == false)
    }

    @Test func dockerfileScriptsMapAcrossContinuationLinesAndJSON() throws {
        let text = "FROM x\nRUN sh -c \"apt-get update && \\\n    pip install requests\"\nRUN [\"/bin/bash\", \"-c\", \"pip install flask\"]\n"
        let file = DockerfileParser.parse(text: text)
        let continued = try #require(file.instructions[1].inlineScripts.first)
        #expect(continued.hasExactPositions)
        let pip = try #require(continued.commands.last?.arguments.last)
        #expect(file.range(of: pip).start == SourcePosition(line: 3, column: 17))
        let exec = try #require(file.instructions[2].inlineScripts.first)
        #expect(exec.hasExactPositions && exec.shell == "bash")
        let flask = try #require(exec.commands.first?.arguments.last)
        #expect(file.range(of: flask).start == SourcePosition(line: 4, column: 38))
    }

    @Test func mutatedScriptsWithShellsNeverCrashOrLeaveTheText() {
        var random = ReaderFuzzRandom(seed: 0x5EED_00C1)
        let samples = [
            "bash -c \"pip install x && curl -fsSL https://x | sh\"\n", "sudo sh -lc 'apt-get install -y $(cat p)' name\n",
            "sh -c \"sh -c \\\"bash -c 'echo \\\\\\\"a\\\\\\\"'\\\"\"\n", "x=$(bash -ec \"wget -qO- https://y\")\n",
        ].map { Array($0.utf8) }
        var allInside = true
        for round in 0..<2000 {
            let mutated = random.mutate(samples[round % samples.count])
            let text = String(decoding: mutated, as: UTF8.self)
            let count = text.utf8.count
            for inline in ShellParser.parse(text).inlineScripts {
                for command in inline.commands {
                    allInside = allInside && command.byteRange.lowerBound >= 0 && command.byteRange.upperBound <= count
                    _ = command.withoutWrappers.inlineScriptInvocation
                }
            }
            let file = DockerfileParser.parse(text: "FROM x\nRUN " + text + "ONBUILD RUN " + text)
            for instruction in file.instructions {
                for inline in instruction.inlineScripts + (instruction.trigger?.inlineScripts ?? []) {
                    for command in inline.commands {
                        let range = file.range(of: command)
                        allInside = allInside && range.start.line >= 1 && range.start <= range.end
                    }
                }
            }
        }
        #expect(allInside)
    }
}
