/// C001: the Dockerfile does not parse the way BuildKit reads it.
struct DockerfileSyntaxRule: LintRule {
    static let description = RuleDescription(
        id: "C001", name: "dockerfile-syntax", title: "The Dockerfile has a syntax error", severity: .error,
        rationale: """
            Harbor builds `environment/Dockerfile` (and `tests/Dockerfile`, when present) before every trial; a \
            Dockerfile that BuildKit rejects — a `FROM` missing, a flag an instruction does not take, a `SHELL` \
            not in JSON form, an unterminated here-document — fails the build, so the task cannot run at all. \
            An `ONBUILD` trigger is read the same way (here-documents included): BuildKit rejects \
            `ONBUILD FROM` and `ONBUILD ONBUILD` at once, and a broken trigger fails every build `FROM` \
            this image. Every other Dockerfile rule works on the parsed form, so this one reports what the \
            parser could not read.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "RUN pip install fastapi==0.115.12\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nSHELL /bin/bash -c\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\n", "task.toml": "",
                "tests/Dockerfile": "FROM python:3.12-slim AS\nRUN pip install pytest==8.3.4\n",
            ]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nONBUILD RUN --cache=/root/.cache pip install -r requirements.txt\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "# syntax=docker/dockerfile:1.7\nFROM python:3.12-slim\nRUN <<EOF\nset -e\necho ready\nEOF\n"]),
            RuleExample(files: ["Dockerfile": "ARG PY=3.12\nFROM python:${PY}-slim AS base\nFROM base\nCOPY --from=base /etc/hostname /tmp/\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nONBUILD RUN <<EOF\nset -e\npip install --no-cache-dir -r requirements.txt\nEOF\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for dockerfile in target.dockerfiles(includingVerifier: true) {
            let parsed = dockerfile.parsed
            if parsed.instructions.isEmpty {
                sink.report(
                    "the Dockerfile has no instructions, so docker build fails on it", in: dockerfile.file, at: .line(1),
                    hint: "start with a FROM line naming a tagged base image, e.g. FROM python:3.12-slim-bookworm")
                continue
            }
            for issue in parsed.issues {
                sink.report(
                    issue.message, in: dockerfile.file, at: issue.range,
                    hint: "fix the instruction so that BuildKit can read it; see the Dockerfile reference for its syntax")
            }
        }
    }
}
