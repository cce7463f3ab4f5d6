import Testing
@testable import HarborScaffoldKit

/// Shell scripts shaped like Harbor task `tests/test.sh` files.
enum HarborShellSamples {
    static let testScript = """
        #!/bin/bash
        set -euo pipefail

        # harbor-scaffold: ignore[S201]
        cd /tests
        mkdir -p /logs/verifier

        apt-get update -qq && apt-get install -y --no-install-recommends curl > /dev/null
        curl -LsSf https://astral.sh/uv/0.4.0/install.sh | sh
        source $HOME/.local/bin/env

        uvx -p 3.12 -w pytest==8.3.4 -w pytest-json-report pytest --json-report \\
            --json-report-file=/logs/verifier/report.json test_outputs.py -rA || true

        python3 - <<'PY'
        import json
        report = json.load(open("/logs/verifier/report.json"))
        print(report["summary"])
        PY

        if [ $? -eq 0 ]; then
          echo 1 > /logs/verifier/reward.txt
        else
          echo 0 > /logs/verifier/reward.txt
        fi
        """

    static let extraSamples = [
        "for i in $(seq 1 10); do\n  timeout 5 ./run.sh \"$i\" 2>&1 | tee -a log.txt || exit 1\ndone",
        "case \"$(uname -m)\" in\n  x86_64) ARCH=amd64 ;;\n  aarch64|arm64) ARCH=arm64 ;;\nesac\nwget -q \"https://x/$ARCH.tgz\" -O- | tar xz",
        "cleanup() { rm -rf \"$TMP\"; }\ntrap cleanup EXIT\nTMP=$(mktemp -d)\n( cd \"$TMP\" && git clone --depth 1 https://github.com/a/b . )",
        "while IFS= read -r line; do\n  [[ $line == \\#* ]] && continue\n  pip install \"$line\"\ndone < requirements.txt",
    ]
}

@Suite struct HarborTestScriptTests {
    let script = ShellParser.parse(HarborShellSamples.testScript)

    @Test func readsEveryCommandInOrder() {
        #expect(script.issues.isEmpty)
        #expect(script.shebang == "#!/bin/bash")
        #expect(script.commands.compactMap(\.name) == [
            "set", "cd", "mkdir", "apt-get", "apt-get", "curl", "sh", "source", "uvx", "true", "python3", "[", "echo",
            "echo",
        ])
    }

    @Test func setOptionsAreVisible() throws {
        let set = try #require(script.commands.first)
        #expect(set.hasOption("-e") && set.hasOption("-u") && set.hasOption("-o"))
        #expect(set.optionValue("-o") == "pipefail")
    }

    @Test func pytestIsAllowedToFail() throws {
        let uvx = try #require(script.commands.first { $0.name == "uvx" })
        #expect(uvx.inCondition)
        #expect(uvx.followingOperator == .or)
        #expect(uvx.hasOption("--json-report"))
        #expect(uvx.optionValue("--json-report-file") == "/logs/verifier/report.json")
        #expect(uvx.optionValues("-w") == ["pytest==8.3.4", "pytest-json-report"])
        let line = HarborShellSamples.testScript.split(separator: "\n", omittingEmptySubsequences: false)
        let reportFile = try #require(uvx.arguments.first { $0.text.hasPrefix("--json-report-file") })
        // The continued word starts on the line after `uvx`, after four spaces.
        let offset = reportFile.byteRange.lowerBound
        let continued = try #require(line.firstIndex { $0.contains("--json-report-file") })
        let lineStart = line.prefix(continued).reduce(0) { $0 + $1.utf8.count + 1 }
        #expect(offset == lineStart + 4)
    }

    @Test func curlPipedToShellIsAPipeline() throws {
        let curl = try #require(script.commands.first { $0.name == "curl" })
        #expect(curl.isPipelineMember && curl.followingOperator == .pipe)
        #expect(script.commands.first { $0.name == "sh" }?.precedingOperator == .pipe)
    }

    @Test func pythonHeredocIsCapturedAsText() throws {
        let python = try #require(script.commands.first { $0.name == "python3" })
        let heredoc = try #require(python.heredocs.first)
        #expect(heredoc.isQuoted && heredoc.delimiter == "PY")
        #expect(heredoc.body.hasPrefix("import json\n"))
        #expect(heredoc.body.hasSuffix("print(report[\"summary\"])\n"))
        #expect(python.argumentTexts == ["-"])
    }

    @Test func rewardWritesInBothBranches() {
        let writes = script.commands.filter { command in
            command.redirections.contains { $0.operator.writes && $0.target?.text == "/logs/verifier/reward.txt" }
        }
        #expect(writes.map(\.argumentTexts) == [["1"], ["0"]])
        #expect(writes.allSatisfy { $0.enclosing == [.ifClause] && !$0.inCondition })
        #expect(script.compounds.first?.kind == .ifClause)
    }

    @Test func suppressionCommentIsKept() {
        #expect(script.comments.map(\.content).contains("harbor-scaffold: ignore[S201]"))
    }

    @Test func extraSamplesParseCleanly() {
        for sample in HarborShellSamples.extraSamples {
            let parsed = ShellParser.parse(sample)
            #expect(parsed.allIssues.isEmpty, "\(sample)")
            #expect(!parsed.commands.isEmpty)
        }
        let loop = ShellParser.parse(HarborShellSamples.extraSamples[0])
        #expect(loop.allCommands.compactMap(\.name) == ["seq", "timeout", "tee", "exit"])
        #expect(loop.commands.first { $0.name == "timeout" }?.withoutWrappers.name == "run.sh", "name is the basename")
        let arch = ShellParser.parse(HarborShellSamples.extraSamples[1])
        #expect(arch.allCommands.compactMap(\.name) == ["uname", "wget", "tar"])
        #expect(arch.commands.filter { $0.name == nil }.flatMap { $0.assignments.map(\.value) } == ["amd64", "arm64"])
    }
}

@Suite struct ShellFuzzTests {
    @Test func randomBytesNeverCrash() {
        var random = ReaderFuzzRandom(seed: 0x5EED_0001)
        var commandCount = 0
        for _ in 0..<3000 {
            let text = String(decoding: random.bytes(count: random.below(160)), as: UTF8.self)
            let script = ShellParser.parse(text, baseOffset: random.below(3))
            commandCount += script.allCommands.count
        }
        #expect(commandCount > 0)
    }

    @Test func mutatedSamplesNeverCrash() {
        var random = ReaderFuzzRandom(seed: 0x5EED_0002)
        let samples = ([HarborShellSamples.testScript] + HarborShellSamples.extraSamples).map { Array($0.utf8) }
        var allRangesValid = true
        for round in 0..<3000 {
            let mutated = random.mutate(samples[round % samples.count])
            let text = String(decoding: mutated, as: UTF8.self)
            let script = ShellParser.parse(text)
            for command in script.allCommands {
                allRangesValid = allRangesValid && command.byteRange.lowerBound >= 0
                    && command.byteRange.upperBound <= text.utf8.count
                _ = command.name
                _ = command.withoutWrappers
                _ = command.hasOption("-y")
            }
        }
        #expect(allRangesValid)
    }
}
