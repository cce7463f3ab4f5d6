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
        ],
        nonTriggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\necho 0 > /logs/verifier/reward.txt\npytest /tests && echo 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest /tests\nstatus=$?\nif [ \"$status\" -eq 0 ]; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n"]),
            RuleExample(
                files: ["tests/test.sh": "#!/bin/bash\nset -e\npytest /tests\necho 1 > /logs/verifier/reward.txt\n"],
                excerpt: "pytest stops the script when it fails (S101 reports the missing reward on that path)"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.testScript, let analysis = target.rewardAnalysis else { return }
        checkStatusAfterTrue(script, file, into: &sink)
        checkConstantReward(script, file, analysis, into: &sink)
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

    /// Every reward write is a fixed value on every path, although the tests' failure does not stop the script.
    private func checkConstantReward(
        _ script: ShellScript, _ file: LintFile, _ analysis: (writes: RewardWrites, flow: RewardFlow?), into sink: inout FindingSink
    ) {
        let runners = script.commands.indices.filter { CommandTraits.isTestRunner(script.commands[$0]) }
        guard !runners.isEmpty, let flow = analysis.flow else { return }
        let rewards = analysis.writes
        var sites: [(index: Int, write: RewardWrites.Write)] = []
        for (index, command) in script.commands.enumerated() {
            for write in rewards.writes(of: command) where write.target == .reward { sites.append((index, write)) }
        }
        // Writes by compounds (`fi > reward.txt`) or inside substitutions are computed elsewhere.
        let compoundWrites = script.compounds.flatMap(rewards.writes(of:)).filter { $0.target == .reward }
        let writers = script.allCommands.filter(rewards.writesReward).count
        guard let last = sites.last, compoundWrites.isEmpty, writers == Set(sites.map(\.index)).count,
            sites.allSatisfy({ $0.write.constant != nil })
        else { return }
        let unconditional = flow.tree.unconditionalCommands()
        guard sites.allSatisfy({ unconditional.contains($0.index) }) else { return }
        guard runners.contains(where: { !flow.fatalCommands.contains($0) || $0 > last.index }) else { return }
        let runner = script.commands[runners[0]].withoutWrappers.name ?? "the tests"
        let value = last.write.constant ?? ""
        sink.report(
            "the reward is always \(value.isEmpty ? "the same" : "`\(value)`"): it is written unconditionally and \(runner)'s result never decides it",
            in: file, at: file.source.range(ofBytes: last.write.byteRange),
            hint: "write 1 (or the weighted score) only when the tests pass and 0 otherwise, e.g. `if pytest …; then echo 1; else echo 0; fi > /logs/verifier/reward.txt`")
    }
}
