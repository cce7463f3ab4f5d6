/// S102: tests/test.sh runs the tests but writes a reward that cannot depend on their result.
struct RewardIgnoresResultRule: LintRule {
    static let description = RuleDescription(
        id: "S102", name: "reward-ignores-result", title: "The reward does not depend on the tests' result", severity: .error,
        rationale: """
            A verifier whose reward is a constant (`pytest || true` followed by `echo 1 > reward.txt`) \
            gives every agent the same score, so the task measures nothing and a broken solution passes \
            review. The same happens when `$?` is read after `|| true`: it is the status of `true`, \
            always 0. Harbor cannot notice either; the reward must be computed from the test outcome.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest /tests || true\necho 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: [
                "tests/test.sh": "#!/bin/bash\npytest /tests || true\nif [ $? -eq 0 ]; then\n  echo 1 > /logs/verifier/reward.txt\nelse\n  echo 0 > /logs/verifier/reward.txt\nfi\n",
            ]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nmkdir -p /logs/verifier\ncd /tests\npython3 -m pytest -q .\nprintf '1\\n' > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nbash -c \"pytest /tests || true; echo 1 > /logs/verifier/reward.txt\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\necho 0 > /logs/verifier/reward.txt\npytest /tests && echo 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest /tests\nstatus=$?\nif [ \"$status\" -eq 0 ]; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n"]),
            RuleExample(
                files: ["tests/test.sh": "#!/bin/bash\nset -e\npytest /tests\necho 1 > /logs/verifier/reward.txt\n"],
                excerpt: "pytest stops the script when it fails (S101 reports the missing reward on that path)"),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nbash -c 'pytest /tests && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt'\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.testScript, let analysis = target.rewardAnalysis else { return }
        checkStatusAfterTrue(script, analysis.writes, file, into: &sink)
        checkConstantReward(script, file, analysis, into: &sink)
    }

    /// `$?` checked in `script` and in the scripts its commands run with `bash -c '…'`, when the outer
    /// shell expands nothing in their text (otherwise `$?` may be the outer shell's, expanded before).
    private func checkStatusAfterTrue(_ script: ShellScript, _ rewards: RewardWrites, _ file: LintFile, into sink: inout FindingSink) {
        checkStatusAfterTrue(script, file, into: &sink)
        for command in script.allCommands {
            guard let inline = rewards.inline(of: command), !inline.script.word.hasExpansion else { continue }
            checkStatusAfterTrue(inline.script.script, inline.writes, file, into: &sink)
        }
    }

    /// `$?` tested or saved right after `… || true`.
    private func checkStatusAfterTrue(_ script: ShellScript, _ file: LintFile, into sink: inout FindingSink) {
        let commands = script.commands
        for index in commands.indices.dropFirst() {
            let previous = commands[index - 1]
            guard previous.name == "true" || previous.name == ":" else { continue }
            let command = commands[index]
            let isTest = ["[", "[[", "test", "(("].contains(command.name ?? "")
            let candidates = isTest ? command.arguments : (command.name == nil ? command.assignments.map(\.word) : [])
            guard let word = candidates.first(where: { $0.text.contains("$?") }) else { continue }
            sink.report(
                "`$?` here is the status of `\(previous.name ?? "true")`, which is always 0, so the tests' result never reaches the reward",
                in: file, at: file.source.range(ofBytes: word.byteRange),
                hint: "save the status right after the tests: `pytest …; status=$?` (without `|| true`), then compute the reward from it")
        }
    }

    /// A place in the script or in a script it runs with `bash -c`: the index of the command in
    /// ``ShellScript/commands``, then, for a command inside a `-c` script, its index there, and so on.
    private typealias Path = [Int]

    /// The reward writes and test runs of a script and of the `-c` scripts its commands run.
    private struct Scan {
        /// Each reward write, where it is made.
        var sites: [(path: Path, write: RewardWrites.Write)] = []
        /// Each test run, where it is made, with whether each command along its path (the `bash -c`
        /// command at each level, then the runner) stops its script under `set -e` when it fails.
        var runners: [(path: Path, command: ShellCommand, fatal: [Bool])] = []
    }

    /// Every reward write is a fixed value on every path, although the tests' failure does not stop the script.
    private func checkConstantReward(
        _ script: ShellScript, _ file: LintFile, _ analysis: (writes: RewardWrites, flow: RewardFlow?), into sink: inout FindingSink
    ) {
        guard let flow = analysis.flow, let scan = scan(script, analysis.writes, flow), let last = scan.sites.last,
            !scan.runners.isEmpty, scan.sites.allSatisfy({ $0.write.constant != nil })
        else { return }
        guard scan.runners.contains(where: { !stops($0.path, $0.fatal, before: last.path) }) else { return }
        let runner = scan.runners[0].command.withoutWrappers.name ?? "the tests"
        let value = last.write.constant ?? ""
        sink.report(
            "the reward is always \(value.isEmpty ? "the same" : "`\(value)`"): it is written unconditionally and \(runner)'s result never decides it",
            in: file, at: file.source.range(ofBytes: last.write.byteRange),
            hint: "write 1 (or the weighted score) only when the tests pass and 0 otherwise, e.g. `if pytest …; then echo 1; else echo 0; fi > /logs/verifier/reward.txt`")
    }

    /// The reward writes and test runs of `script`, when every write is made by one of its commands
    /// (not a compound or a substitution) that runs on every path (a write inside a `bash -c` script:
    /// on every path of that script too); nil otherwise.
    private func scan(_ script: ShellScript, _ rewards: RewardWrites, _ flow: RewardFlow) -> Scan? {
        // Writes by compounds (`fi > reward.txt`) or inside substitutions are computed elsewhere.
        guard !script.compounds.flatMap(rewards.writes(of:)).contains(where: { $0.target == .reward }) else { return nil }
        let unconditional = flow.tree.unconditionalCommands()
        var result = Scan()
        var writers: Set<Int> = []
        for (index, command) in script.commands.enumerated() {
            let fatal = flow.fatalCommands.contains(index)
            if CommandTraits.isTestRunner(command) { result.runners.append(([index], command, [fatal])) }
            for write in rewards.ownWrites(of: command) where write.target == .reward {
                result.sites.append(([index], write))
                writers.insert(index)
            }
            guard let inline = rewards.inline(of: command) else { continue }
            // A `-c` script's own test runs and writes, at its place in this script.
            guard let inner = scan(inline.script.script, inline.writes, inline.flow) else { return nil }
            if !inner.sites.isEmpty { writers.insert(index) }
            result.sites += inner.sites.map { ([index] + $0.path, $0.write) }
            result.runners += inner.runners.map { ([index] + $0.path, $0.command, [fatal] + $0.fatal) }
        }
        guard script.allCommands.filter(rewards.writesReward).count == writers.count,
            writers.allSatisfy(unconditional.contains)
        else { return nil }
        return result
    }

    /// True when a failure of the runner at `runner` (whose commands along the path stop their
    /// scripts when they fail as `fatal` says) can keep the write at `write` from happening: the
    /// branch holding the runner comes first, at a level where it stops the script under `set -e`.
    /// A failure inside a `bash -c` script is taken to fail the `bash` command.
    private func stops(_ runner: Path, _ fatal: [Bool], before write: Path) -> Bool {
        for level in 0..<min(runner.count, write.count) where runner[level] != write[level] {
            return runner[level] < write[level] && fatal[level]
        }
        // The runner makes the write itself, encloses it, or runs inside the command making it (whose
        // redirection is opened first).
        if runner.count == write.count { return fatal.last ?? false }
        return runner.count < write.count
    }
}
