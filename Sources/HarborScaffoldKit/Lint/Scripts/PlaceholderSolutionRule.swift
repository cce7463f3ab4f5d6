/// S109: solution/solve.sh is still a placeholder when the task is final.
struct PlaceholderSolutionRule: LintRule {
    static let description = RuleDescription(
        id: "S109", name: "placeholder-solution", title: "solve.sh is still a placeholder", severity: .error,
        rationale: """
            A freshly scaffolded solve.sh only reports that it is unwritten and exits with an error, \
            which is expected in a skeleton. A final task needs a working reference solution: Harbor's \
            oracle agent runs it to prove the task can be solved and the tests can pass.
            """,
        triggering: [
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\n# TODO: write the reference solution\nexit 1\n"], stage: .final),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\necho 'solution not written yet' >&2\nexit 2\n"], stage: .final),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\n\n# Use this file to solve the task.\n"], stage: .final),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\nbash -c \"echo 'TODO: solve' >&2; exit 1\"\n"], stage: .final),
        ],
        nonTriggering: [
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\n# TODO: write the reference solution\nexit 1\n"], stage: .skeleton),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\ncd /app || exit 1\npython3 fix.py\n"], stage: .final),
        ])

    /// Commands a placeholder consists of: messages and the failing exit.
    private static let placeholderCommands: Set<String> = ["echo", "printf", "exit", "true", ":", "set"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, target.stage == .final, let (file, script) = target.solveScript else { return }
        // The commands of a script run with `bash -c "…"` stand for the `bash` command.
        let commands = ShellInlineRuns(script).expanding(script.allCommands)
        guard !commands.isEmpty else {
            sink.report(
                "solve.sh runs no commands, so the oracle cannot show that the task is solvable", in: file, at: .line(1),
                hint: "write the reference solution: the commands an agent would run to complete the task")
            return
        }
        guard commands.allSatisfy({ Self.placeholderCommands.contains($0.name ?? "") }),
            let exit = commands.first(where: { $0.name == "exit" && $0.argumentTexts.first != "0" })
        else { return }
        sink.report(
            "solve.sh is still a placeholder that exits with an error, so the oracle run fails", in: file,
            at: file.source.range(ofBytes: exit.byteRange),
            hint: "replace it with the reference solution before submitting the task")
    }
}
