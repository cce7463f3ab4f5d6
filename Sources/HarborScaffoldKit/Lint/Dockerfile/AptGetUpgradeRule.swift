/// C109: a whole-system upgrade (`apt-get upgrade`, `dist-upgrade`, `apk upgrade`, `dnf upgrade`).
struct AptGetUpgradeRule: LintRule {
    static let description = RuleDescription(
        id: "C109", name: "apt-get-upgrade", title: "The image upgrades every system package", severity: .warning,
        rationale: """
            `apt-get upgrade` / `dist-upgrade` installs whatever updates the mirror has on the day of the build, so \
            two builds of the same Dockerfile differ, and it adds download time against the pipeline's 5-minute \
            build budget. The base image's maintainers already ship its updates: choose a newer tag instead, and \
            install only the packages the task needs.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get -y upgrade && apt-get install -y --no-install-recommends curl\n"]),
            RuleExample(files: ["Dockerfile": "FROM ubuntu:24.04\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get dist-upgrade -y\n"]),
            RuleExample(files: ["Dockerfile": "FROM alpine:3.20\nRUN apk upgrade --no-cache\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends --only-upgrade openssl\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir --upgrade pip && dnf upgrade -y openssl\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
            for command in instruction.runCommands {
                guard let packages = SystemPackageCommand(command), packages.isSystemUpgrade else { continue }
                sink.report(
                    "\(packages.tool) \(packages.subcommand.text) upgrades every installed package to whatever the mirror has today",
                    in: file, at: parsed.range(of: packages.subcommand),
                    hint: "drop it and use a newer base image tag; upgrade a single package only when the task needs it")
            }
        }
    }
}
