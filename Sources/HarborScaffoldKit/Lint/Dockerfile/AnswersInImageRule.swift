/// C303: files named like expected outputs or answers are copied or written into the agent image.
struct AnswersInImageRule: LintRule {
    static let description = RuleDescription(
        id: "C303", name: "answers-in-image", title: "Expected outputs or answers are put into the agent image",
        severity: .error,
        rationale: """
            A file named `expected_output.json`, `answers.json`, `*.expected`, a `golden/` folder or a \
            `solution.*` in the agent's image usually is what the tests compare against: the agent can copy it \
            instead of solving the task (Harbor's rubric: hardcoded_solution, anti_cheating_measures). Keep such \
            files with the verifier in `tests/`, which Harbor copies in only at grading time. Checks `COPY`/`ADD` \
            sources and destinations, here-document destinations, and files written by `RUN` with `>`, `tee`, \
            `cp` or `mv`. If the agent really needs the file as input, suppress the finding on that line.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY data/expected_output.json /app/data/\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN mkdir -p /app && echo '{\"total\": 1250}' > /app/answers.json\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY fixtures/golden/ /app/fixtures/golden/\nCOPY <<EOF /srv/report.expected\n42\nEOF\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY repo/ /app/\nRUN echo '127.0.0.1:5432:*:app:app' > /etc/postgresql-common/pgpass && cp /app/.env.example /app/.env\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY data/expectations.md /app/docs/\nRUN python -c 'print(1)' > /tmp/answer-time.log 2>&1\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim AS grader\nCOPY expected_output.json /grader/\nFROM python:3.12-slim\nCOPY repo/ /app/\n"]),
        ])

    /// Stems (file names without extension) of answer files.
    static let stems: Set<String> = ["answer", "answers", "answer_key", "answer-key", "expected", "golden", "solution", "solutions"]
    /// Prefixes of answer file names.
    static let prefixes = [
        "expected_output", "expected-output", "expected_result", "expected-result", "expected_response", "golden_", "golden-",
        "reference_output", "reference-output", "reference_answer", "reference-answer", "solution_output", "solution-output",
    ]
    /// Folder names that hold answers.
    static let folders: Set<String> = ["golden", "answers", "expected", "expected_outputs", "expected-outputs", "solutions"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructions(inStages: parsed.finalImageStages) {
            if let copy = instruction.copy {
                for source in copy.sources where Self.isAnswer(source.value) {
                    report("\(instruction.keyword) puts '\(source.value)'", at: source.range, file, &sink)
                }
                if let destination = copy.destination, Self.isAnswer(destination.value), !copy.sources.contains(where: { Self.isAnswer($0.value) }) {
                    report("\(instruction.keyword) writes '\(destination.value)'", at: destination.range, file, &sink)
                }
            } else if instruction.keyword == "RUN" {
                for command in instruction.runCommands {
                    for word in Self.writtenFiles(by: command) where Self.isAnswer(word.text) {
                        report("RUN writes '\(word.text)'", at: parsed.range(of: word), file, &sink)
                    }
                }
            }
        }
    }

    /// Reports an answer-like file at `range`.
    private func report(_ what: String, at range: SourceRange, _ file: LintFile, _ sink: inout FindingSink) {
        sink.report(
            what + ", named like an expected output or answer, into the agent image", in: file, at: range,
            hint: "keep expected outputs with the verifier in tests/; if the agent needs this file as input, suppress with # harbor-scaffold: ignore[C303]")
    }

    /// True when a path, or a folder on it, is named like an answer.
    static func isAnswer(_ path: String) -> Bool {
        let components = path.lowercased().split(separator: "/")
        guard let last = components.last else { return false }
        if components.dropLast().contains(where: { folders.contains(String($0)) }) || folders.contains(String(last)) { return true }
        let name = String(last)
        let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        return stems.contains(stem) && name.contains(".") || prefixes.contains { name.hasPrefix($0) } || name.hasSuffix(".expected")
            || stem == "golden"
    }

    /// Files a command writes: redirection targets, `tee` operands, the destination of `cp`, `mv` and `install`.
    static func writtenFiles(by command: ShellCommand) -> [ShellWord] {
        var result = command.redirections.filter { $0.operator.writes && $0.fileDescriptor != 2 }.compactMap(\.target)
        switch command.name {
        case "tee": result += command.operands
        case "cp", "mv", "install": if let last = command.operands.last, command.operands.count >= 2 { result.append(last) }
        default: break
        }
        return result.filter { !$0.hasExpansion && $0.text != "/dev/null" }
    }
}
