/// S101: a path through tests/test.sh ends without writing the reward file.
struct RewardNotWrittenRule: LintRule {
    static let description = RuleDescription(
        id: "S101", name: "reward-not-written", title: "tests/test.sh can end without writing the reward", severity: .error,
        rationale: """
            Harbor reads the score from /logs/verifier/reward.txt or reward.json after tests/test.sh \
            ends and ignores the script's exit code. When no reward file exists the trial fails instead \
            of scoring 0, so every path must write one: after an `exit`, in both branches of an `if`, \
            and when a command fails under `set -e` (the most common bug: pytest fails, `set -e` stops \
            the script, and a failing agent crashes the trial). `harbor lint` does not check this. \
            A `trap … EXIT` that writes a reward covers every later path. A script run with `bash -c "…"` \
            (or `su -c`) is followed as a shell of its own: its write counts on the paths it reaches.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncd /tests\npytest -q test_outputs.py\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nset -euo pipefail\npytest /tests\necho 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nif pytest /tests; then\n  echo 1 > /logs/verifier/reward.txt\nfi\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest /tests || exit 1\necho 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest /tests && echo 1 > /logs/rewards.json\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nbash -c \"cd /tests && pytest -q && echo 1 > /logs/verifier/reward.txt\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "tests/test.sh": """
                    #!/bin/bash
                    if pytest --ctrf /logs/verifier/ctrf.json /tests/test_outputs.py -rA; then
                      echo 1 > /logs/verifier/reward.txt
                    else
                      echo 0 > /logs/verifier/reward.txt
                    fi
                    """,
            ]),
            RuleExample(files: [
                "tests/test.sh": """
                    #!/bin/bash
                    set -euo pipefail
                    LOGS="${HARBOR_VERIFIER_LOGS:-/logs/verifier}"
                    finish() { [ -s "$LOGS/reward.txt" ] || echo 0 > "$LOGS/reward.txt"; }
                    trap finish EXIT
                    pytest /tests
                    echo 1 > "$LOGS/reward.txt"
                    """,
            ]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nset -e\npytest /tests && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n"]),
            RuleExample(
                files: ["tests/test.sh": "#!/bin/bash\nset -e\nbash -ec 'cd /tests; pytest -q; echo 1 > /logs/verifier/reward.txt' || echo 0 > /logs/verifier/reward.txt\n"],
                excerpt: "the inner script fails exactly when it has not written the reward"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.testScript, let analysis = target.rewardAnalysis else { return }
        guard let flow = analysis.flow else {
            let rewards = analysis.writes
            reportMissing(script.allCommands.flatMap(rewards.writes(of:)) + script.compounds.flatMap(rewards.writes(of:)), in: file, into: &sink)
            return
        }
        let source = file.source
        let hint = "write a 0 reward first (`echo 0 > /logs/verifier/reward.txt`) or in a `trap … EXIT`, then overwrite it with the score"
        let failures = flow.leaks.filter { $0.kind == .errexit }
        if let first = failures.first {
            let more = failures.count > 1 ? " (and \(failures.count - 1) later command\(failures.count > 2 ? "s" : ""))" : ""
            sink.report(
                "under `set -e`, a failing `\(first.command ?? "command")` here\(more) ends the script before the reward is written",
                in: file, at: source.range(ofBytes: first.byteRange),
                hint: "run the tests with `set +e` (or `|| true`) and capture their status; " + hint)
        }
        var reported: Set<Int> = []
        for leak in flow.leaks where leak.kind == .exit && reported.insert(leak.byteRange.lowerBound).inserted {
            sink.report(
                "`\(leak.command ?? "exit")` here ends the script before the reward is written" + splitNote(leak.split, flow, analysis.writes, source),
                in: file, at: source.range(ofBytes: leak.byteRange), hint: hint)
        }
        for leak in flow.leaks where leak.kind == .end {
            if let split = leak.split, let writer = flow.partialWriters[split] {
                let (range, message) = explainPartial(writer, analysis.writes, source)
                sink.report(message, in: file, at: source.range(ofBytes: range), hint: hint)
                continue
            }
            let message =
                leak.split != nil
                ? "the reward is written on only some paths through \(construct(at: leak.byteRange, source)); the others end without /logs/verifier/reward.txt"
                : "the script can end here without having written the reward"
            sink.report(message, in: file, at: source.range(ofBytes: leak.byteRange), hint: "add the missing branch (`else echo 0 > …`); " + hint)
        }
    }

    /// Where and why `writer`, a command that writes the reward on only some of its paths, can leave
    /// it unwritten: inside its `bash -c` script (followed into nested scripts), or because its
    /// wrapper may run nothing. The script after `writer` writes no reward.
    private func explainPartial(_ writer: ShellCommand, _ writes: RewardWrites, _ source: SourceText) -> (Range<Int>, String) {
        let after = ", and nothing after it writes the reward"
        guard let inline = writes.inline(of: writer), inline.writesReward, let leak = inline.flow.leaks.first else {
            let found = writer.wrapperThatMayNotRun == "find"
                ? "`find` runs the command writing the reward once per file found, so when it finds nothing"
                : "`xargs` runs the command writing the reward only for the input it reads, so when there is none"
            return (writer.byteRange, "\(found) the reward is not written\(after)")
        }
        if let split = leak.split, let nested = inline.flow.partialWriters[split] {
            return explainPartial(nested, inline.writes, source)
        }
        let shown = inline.shown
        switch leak.kind {
        case .exit:
            return (leak.byteRange, "`\(leak.command ?? "exit")` here ends \(shown) before the reward is written\(after)")
        case .errexit:
            return (
                leak.byteRange,
                "under `set -e`, a failing `\(leak.command ?? "command")` here ends \(shown) before the reward is written\(after)"
            )
        case .end:
            guard leak.split != nil else { return (leak.byteRange, "\(shown) can end here without having written the reward\(after)") }
            return (
                leak.byteRange,
                "the reward is written on only some paths through \(construct(at: leak.byteRange, source)) in \(shown); the others end without /logs/verifier/reward.txt"
            )
        }
    }

    /// The script writes no reward at all: name a misplaced one if there is one.
    private func reportMissing(_ writes: [RewardWrites.Write], in file: LintFile, into sink: inout FindingSink) {
        if let misplaced = writes.first, case .misplaced(let path) = misplaced.target {
            sink.report(
                "tests/test.sh writes \(path), but Harbor reads only /logs/verifier/reward.txt or /logs/verifier/reward.json",
                in: file, at: file.source.range(ofBytes: misplaced.byteRange),
                hint: "write the score to /logs/verifier/reward.txt (one number) or reward.json (a flat object of numbers)")
            return
        }
        sink.report(
            "tests/test.sh never writes /logs/verifier/reward.txt or reward.json, so every trial fails instead of scoring",
            in: file, at: .line(1),
            hint: "end with `echo \"$score\" > /logs/verifier/reward.txt`, and write 0 when the tests fail or crash")
    }

    /// "; the `if` on line 4 wrote it only on some paths", when the split is known.
    private func splitNote(_ split: Range<Int>?, _ flow: RewardFlow, _ writes: RewardWrites, _ source: SourceText) -> String {
        guard let split else { return "" }
        let line = source.position(ofByte: split.lowerBound).line
        if let writer = flow.partialWriters[split] {
            let shown = writes.inline(of: writer)?.shown ?? "`\(writer.name ?? "the command")`"
            return "; \(shown) on line \(line) wrote it only on some paths"
        }
        return "; \(construct(at: split, source)) on line \(line) wrote it only on some paths"
    }

    /// How the construct starting at `range` is named: "this `if`", or "the `pytest && …` list".
    private func construct(at range: Range<Int>, _ source: SourceText) -> String {
        let bytes = source.bytes
        let start = min(range.lowerBound, bytes.count)
        var end = start
        while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A, bytes[end] != 0x3B, bytes[end] != 0x09 { end += 1 }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        if ["if", "case", "while", "until", "for", "select"].contains(word) { return "this `\(word)`" }
        return "the `\(word) …` list"
    }
}
