/// C207: a `RUN` pipeline whose shell does not fail when an earlier command of the pipe fails.
struct PipeWithoutPipefailRule: LintRule {
    static let description = RuleDescription(
        id: "C207", name: "pipe-without-pipefail", title: "A RUN pipeline hides failures without pipefail",
        severity: .warning,
        rationale: """
            A pipeline's status is its last command's: in `curl -fsSL $URL | tar -xz` a failed download still \
            exits 0 when tar reads an empty stream, and the build goes on with a broken image that fails only \
            when a trial runs (hadolint DL4006). Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before such a \
            `RUN` (the project's blueprints do), or begin the `RUN` with `set -o pipefail` in bash. Pipes fed only \
            by `echo`, `printf` or `yes`, which cannot fail, are fine.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /opt\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nSHELL [\"/bin/bash\", \"-c\"]\nRUN pip freeze | grep -i fastapi > /tmp/versions.txt\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /opt\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN set -euo pipefail; curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /opt\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN echo \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  /tmp/x\" | sha256sum -c - && printf 'a\\nb\\n' | sort\n"]),
        ])

    /// Commands that cannot fail in a way a later pipe member would hide.
    static let harmlessSources: Set<String> = ["echo", "printf", "yes", "true", ":"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
            // The RUN's own script runs under the stage's SHELL; a script run with `bash -c` starts a new
            // shell, which has pipefail only from its own options or a `set -o pipefail` of its own.
            for (script, pipefail, inline) in instruction.runScripts where !pipefail {
                for raw in script.commands {
                    let command = raw.withoutWrappers
                    if command.name == "set", command.optionValues("-o").contains("pipefail") { break }
                    guard raw.followingOperator?.isPipe == true, let name = command.name, !Self.harmlessSources.contains(name),
                        let word = command.nameWord
                    else { continue }
                    if let inline {
                        sink.report(
                            "the pipeline hides a failure of '\(name)': the \(inline.shell) -c script does not set pipefail", in: file,
                            at: parsed.range(of: word),
                            hint: "start that shell with -o pipefail (bash -o pipefail -c '…'), or begin its script with set -o pipefail (bash)")
                    } else {
                        sink.report(
                            "the pipeline hides a failure of '\(name)': the RUN's shell is not set to pipefail", in: file,
                            at: parsed.range(of: word),
                            hint: "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN, or start the RUN with set -o pipefail (bash)")
                    }
                    break
                }
            }
        }
    }
}
