/// C208: `CMD` or `ENTRYPOINT` written in shell form.
struct CmdShellFormRule: LintRule {
    static let description = RuleDescription(
        id: "C208", name: "cmd-shell-form", title: "CMD or ENTRYPOINT uses the shell form", severity: .info,
        rationale: """
            In shell form (`CMD python app.py`) the command runs under `/bin/sh -c`, which does not forward \
            SIGTERM, so Harbor's container stops only after the kill timeout (hadolint DL3025); a shell-form \
            `ENTRYPOINT` also ignores `CMD` and every argument Harbor passes. A line that looks like JSON but is \
            not (single quotes, a trailing comma) silently becomes shell form. Use the exec form, \
            `CMD ["python", "app.py"]`.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCMD uvicorn app.main:app --host 0.0.0.0 --port 8000\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nENTRYPOINT ['node', 'server.js']\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nENTRYPOINT [\"/usr/local/bin/start-services\"]\nCMD [\"sleep\", \"infinity\"]\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nHEALTHCHECK CMD curl -fsS http://127.0.0.1:8000/health || exit 1\nRUN python -c 'print(1)'\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "CMD" || instruction.keyword == "ENTRYPOINT" {
            guard case .shell(let text) = instruction.form, !text.isEmpty else { continue }
            let keyword = instruction.keyword
            if text.hasPrefix("[") {
                sink.report(
                    "\(keyword) looks like a JSON array but is not valid JSON, so Docker runs it as a shell command", in: file,
                    at: instruction.keywordRange, hint: "use double quotes and no trailing comma: \(keyword) [\"…\", \"…\"]")
                continue
            }
            let consequence = keyword == "ENTRYPOINT"
                ? "it ignores CMD and the container's arguments, and its process does not receive SIGTERM"
                : "its process runs under /bin/sh -c and does not receive SIGTERM"
            sink.report(
                "\(keyword) in shell form: \(consequence)", in: file, at: instruction.keywordRange,
                hint: "use the exec form: \(keyword) \(Self.execForm(of: instruction))")
        }
    }

    /// The exec form of a simple shell-form command (`["python", "app.py"]`), or a wrapper script suggestion.
    static func execForm(of instruction: DockerInstruction) -> String {
        if let commands = instruction.shell?.commands, commands.count == 1, let only = commands.first,
            only.redirections.isEmpty, only.assignments.isEmpty, only.words.allSatisfy({ !$0.hasExpansion })
        {
            let words = only.words.map { "\"" + $0.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            return "[" + words.joined(separator: ", ") + "]"
        }
        return "[\"/usr/local/bin/start.sh\"] with the commands moved into that script (ending in exec …)"
    }
}
