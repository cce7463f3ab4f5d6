/// S108: solution/solve.sh only writes fixed text into answer files.
struct SolutionOnlyEchoesRule: LintRule {
    static let description = RuleDescription(
        id: "S108", name: "solution-only-echoes", title: "solve.sh writes a hard-coded answer", severity: .warning,
        rationale: """
            The reference solution shows that the task can be solved the way an agent would solve it. A \
            solve.sh that only echoes, prints or cats fixed text into output files proves nothing and \
            hides answers that drifted from the tests; Harbor's review rubric fails it as \
            hardcoded_solution. Writing source or configuration files (then run by the tests or the \
            script) is fine. Commands of a script run with `bash -c "…"` or `su -c` count as the script's.
            """,
        triggering: [
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\necho 42 > /app/answer.txt\n"]),
            RuleExample(files: [
                "solution/solve.sh": "#!/bin/bash\nset -e\nmkdir -p /app/out\ncat > /app/out/report.json <<'EOF'\n{\"total\": 1290, \"errors\": 3}\nEOF\necho done\n",
            ]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\nsu app -c \"echo 42 > /app/answer.txt\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\ncd /app\npython3 analyze.py data.csv > /app/answer.txt\n"]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\ncat > /app/fix.py <<'EOF'\nprint('fixed')\nEOF\n"]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\ncat > /app/solve.py <<'EOF'\nprint(6 * 7)\nEOF\npython3 /app/solve.py > /app/answer.txt\n"]),
        ])

    /// Commands that neither compute nor write anything by themselves.
    private static let neutral: Set<String> = ["cd", "mkdir", "set", "export", "true", ":", "chmod", "exit", "pushd", "popd", "shopt", "umask"]
    /// Extensions of files that hold answers rather than programs or configuration.
    private static let answerExtensions: Set<String> = ["txt", "csv", "tsv", "json", "jsonl", "out", "md", "log", "dat", "xml"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.solveScript else { return }
        var first: ShellCommand?
        var writesProgram = false
        // A `bash -c "echo 42 > /app/answer.txt"` counts as the commands of its script.
        for command in ShellInlineRuns(script).expanding(script.allCommands) {
            let unwrapped = command.withoutWrappers
            if let name = unwrapped.name, Self.neutral.contains(name) { continue }
            let targets = command.redirections.compactMap { redirection -> String? in
                guard redirection.operator.writes, redirection.operator != .duplicateOutput, let text = redirection.target?.text else { return nil }
                return text.hasPrefix("/dev/") ? nil : text
            }
            if unwrapped.name == nil, unwrapped.heredocs.isEmpty, unwrapped.commandSubstitutions.isEmpty { continue }
            if targets.isEmpty, unwrapped.name == "echo" || unwrapped.name == "printf" { continue }
            guard !targets.isEmpty, RewardWrites.constantOutput(of: unwrapped) != nil else { return }
            if targets.contains(where: Self.isAnswerFile) {
                first = first ?? command
            } else {
                writesProgram = true
            }
        }
        guard let first, !writesProgram else { return }
        sink.report(
            "solve.sh only writes fixed text into output files, so it shows no way to compute the answer",
            in: file, at: file.source.range(ofBytes: first.byteRange),
            hint: "derive the answer the way an agent would: run a program on the task's data, or write a script and run it")
    }

    /// True for files that hold data or answers (by extension, or none).
    private static func isAnswerFile(_ path: String) -> Bool {
        let base = ContainerPath.basename(path)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return true }
        return answerExtensions.contains(base[base.index(after: dot)...].lowercased())
    }
}
