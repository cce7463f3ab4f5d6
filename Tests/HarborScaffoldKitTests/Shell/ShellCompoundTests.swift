import Testing
@testable import HarborScaffoldKit

@Suite struct ShellCompoundTests {
    private func summary(_ script: ShellScript) -> [String] {
        script.commands.map { command in
            let context = command.enclosing.map(\.rawValue).joined(separator: ">")
            return "\(command.name ?? "-")[\(context)]\(command.inCondition ? "?" : "")"
        }
    }

    @Test func ifConditionAndBranches() {
        let script = ShellParser.parse("if test -f a; then echo yes; elif grep -q x y; then echo maybe; else echo no; fi")
        #expect(summary(script) == ["test[if]?", "echo[if]", "grep[if]?", "echo[if]", "echo[if]"])
        #expect(script.compounds.count == 1)
        #expect(script.compounds[0].kind == .ifClause)
        #expect(script.compounds[0].commandIndices == 0..<5)
        #expect(script.compounds[0].byteRange == 0..<80)
        #expect(script.compounds[0].isTerminated)
        #expect(script.issues.isEmpty)
    }

    @Test func multiLineIfWithNestedLoop() {
        let script = ShellParser.parse(
            """
            if [ -d /tests ]
            then
              for f in /tests/*.py; do
                python "$f"
              done
            fi
            """)
        #expect(summary(script) == ["[[if]?", "python[if>for]"])
        #expect(script.commands[1].depth == 2)
        #expect(script.compounds.map(\.kind) == [.ifClause, .forLoop])
        #expect(script.compounds[1].words.map(\.text) == ["f", "in", "/tests/*.py"])
        #expect(script.compounds[1].depth == 1)
    }

    @Test func whileAndUntilConditions() {
        let script = ShellParser.parse("while read -r line; do echo \"$line\"; done < list.txt\nuntil curl -sf localhost; do sleep 1; done")
        #expect(summary(script) == ["read[while]?", "echo[while]", "curl[until]?", "sleep[until]"])
        #expect(script.compounds[0].redirections.map(\.raw) == ["< list.txt"])
    }

    @Test func arithmeticForHeader() {
        let script = ShellParser.parse("for ((i = 0; i < 3; i++)); do echo $i; done")
        #expect(script.compounds.first?.words.map(\.text) == ["((i = 0; i < 3; i++))"])
        #expect(summary(script) == ["echo[for]"])
    }

    @Test func caseItemsAndPatterns() {
        let script = ShellParser.parse(
            """
            case "$1" in
              start|run) serve --port 80 ;;
              (stop) kill "$pid";;
              *) echo usage; exit 1 ;;
            esac
            """)
        #expect(summary(script) == ["serve[case]", "kill[case]", "echo[case]", "exit[case]"])
        #expect(script.compounds.first?.words.map(\.text) == ["$1", "start", "run", "stop", "*"])
        #expect(script.commands[0].followingOperator == .caseBreak)
        #expect(script.issues.isEmpty)
    }

    @Test func functionDefinitions() {
        let script = ShellParser.parse("setup() {\n  pip install -r req.txt\n}\nfunction teardown { rm -rf /tmp/x; }\nsetup")
        #expect(summary(script) == ["pip[function]", "rm[function]", "setup[]"])
        #expect(script.compounds.map(\.name) == ["setup", "teardown"])
        #expect(script.compounds.map(\.kind) == [.function, .function])
        #expect(script.compounds[0].keywordByteRange == 0..<5)
        #expect(script.issues.isEmpty)
    }

    @Test func functionWithSubshellOrCompoundBody() {
        let script = ShellParser.parse("f() ( cd /x; make )\ng() if true; then echo; fi\ng")
        #expect(summary(script) == ["cd[function]", "make[function]", "true[function>if]?", "echo[function>if]", "g[]"])
        #expect(script.issues.isEmpty)
    }

    @Test func subshellsAndBraceGroups() {
        let script = ShellParser.parse("(cd /app && make) ; { echo a; echo b; } > log 2>&1")
        #expect(summary(script) == ["cd[(]?", "make[(]", "echo[{]", "echo[{]"])
        #expect(script.compounds.map(\.kind) == [.subshell, .braceGroup])
        #expect(script.compounds[1].redirections.map(\.raw) == ["> log", "2>&1"])
    }

    @Test func compoundOnLeftOfOrIsConditionalThroughout() {
        let script = ShellParser.parse("{ pip install a; pip install b; } || echo failed\nif true; then make; fi && echo ok")
        #expect(summary(script) == ["pip[{]?", "pip[{]?", "echo[]", "true[if]?", "make[if]?", "echo[]"])
    }

    @Test func pipelineIntoLoopMarksMembers() {
        let script = ShellParser.parse("cat list | while read x; do echo $x; done\nls")
        #expect(script.commands.map(\.isPipelineMember) == [true, true, true, false])
    }

    @Test func doubleBracketTestIsOneCommand() {
        let script = ShellParser.parse("[[ -n $x && $y =~ ^(a|b)$ ]] && echo ok")
        #expect(script.commands.count == 2)
        #expect(script.commands[0].words.map(\.text) == ["[[", "-n", "$x", "&&", "$y", "=~", "^(a|b)$", "]]"])
        #expect(script.commands[0].inCondition)
    }

    @Test func arithmeticCommand() {
        let script = ShellParser.parse("(( count += 1 )); echo")
        #expect(script.commands.first?.words.map(\.text) == ["((", " count += 1 ", "))"])
        #expect(script.commands.first?.name == "((")
        #expect(script.compounds.isEmpty)
    }

    @Test func reservedWordsAreOrdinaryArguments() {
        let script = ShellParser.parse("echo if then fi done { }")
        #expect(script.commands.count == 1)
        #expect(script.commands[0].arguments.count == 6)
        #expect(script.compounds.isEmpty)
    }

    @Test func unbalancedKeywordsAreReported() {
        let unclosed = ShellParser.parse("if true; then echo")
        #expect(unclosed.issues.map(\.message) == ["`if` is not closed"])
        #expect(unclosed.compounds.first?.isTerminated == false)
        #expect(unclosed.commands.count == 2)
        let stray = ShellParser.parse("echo a; fi; done; then")
        #expect(stray.issues.count == 3)
        #expect(stray.commands.count == 1)
        let crossed = ShellParser.parse("if a; then { b; fi; c")
        #expect(crossed.issues.map(\.message) == ["`{` is not closed"])
        #expect(crossed.commands.map(\.depth) == [1, 2, 0])
    }

    @Test func commonIdioms() {
        let negated = ShellParser.parse("if ! command -v uv >/dev/null 2>&1; then\n  pip install uv\nfi")
        #expect(negated.commands[0].isNegated && negated.commands[0].inCondition)
        #expect(negated.commands[0].redirections.count == 2)
        #expect(!negated.commands[1].isNegated && !negated.commands[1].inCondition)

        let loop = ShellParser.parse("for f in a b\ndo\n  echo $f\ndone | sort")
        #expect(loop.compounds.first?.words.map(\.text) == ["f", "in", "a", "b"])
        #expect(loop.commands.map(\.isPipelineMember) == [true, true])

        let subshellCondition = ShellParser.parse("if (true) then echo; fi")
        #expect(subshellCondition.issues.isEmpty)
        #expect(subshellCondition.commands.map(\.inCondition) == [true, false])

        let commentAfterHeredoc = ShellParser.parse("cat <<EOF # trailing\nbody\nEOF\nls")
        #expect(commentAfterHeredoc.comments.map(\.text) == ["# trailing"])
        #expect(commentAfterHeredoc.commands.first?.heredocs.first?.body == "body\n")
        #expect(commentAfterHeredoc.commands.compactMap(\.name) == ["cat", "ls"])

        let globPattern = ShellParser.parse("case $f in *.@(py|sh)) lint \"$f\";; esac")
        #expect(globPattern.compounds.first?.words.map(\.text) == ["$f", "*.@(py|sh)"])
        #expect(globPattern.commands.first?.name == "lint")

        let background = ShellParser.parse("server --port 8000 &\nsleep 2; curl localhost:8000")
        #expect(background.commands[0].followingOperator == .background)
        #expect(background.commands[0].isErrexitExempt)
        #expect(background.commands[1].precedingOperator == .background)
    }
}
