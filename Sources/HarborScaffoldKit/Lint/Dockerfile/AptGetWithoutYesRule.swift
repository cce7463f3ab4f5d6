/// C203: `apt-get install` (or remove, upgrade, `dnf install`…) without `-y`: it stops at a prompt no one answers.
struct AptGetWithoutYesRule: LintRule {
    static let description = RuleDescription(
        id: "C203", name: "apt-get-without-yes", title: "apt-get install runs without -y", severity: .error,
        rationale: """
            Without `-y` (hadolint DL3014), `apt-get install` asks "Do you want to continue? [Y/n]" whenever it \
            needs more packages than those named — which is almost always. A build has no terminal to answer, so \
            apt-get aborts and the image never builds. `-y`, `--yes`, `--assume-yes`, `-qq` (quiet level 2 implies \
            `-y`), `-o APT::Get::Assume-Yes=true`, an `APT::Get::Assume-Yes` setting written earlier, or \
            `yes |` in front all answer it. Also covers `dnf` and `yum` without `-y`, and `tests/Dockerfile`.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -q install postgresql\n"]),
            RuleExample(files: ["Dockerfile": "FROM fedora:41\nRUN dnf install gcc make\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\n", "task.toml": "",
                "tests/Dockerfile": "FROM python:3.12-slim\nRUN apt-get update && apt-get install --no-install-recommends jq\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -qy --no-install-recommends curl && apt-get -qq install jq\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90assume-yes\nRUN apt-get update && apt-get install curl && yes | apt-get remove nano\n"]),
            RuleExample(files: ["Dockerfile": "FROM alpine:3.20\nRUN apk add --no-cache curl && apt-get update\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for dockerfile in target.dockerfiles(includingVerifier: true) {
            check(dockerfile.parsed, file: dockerfile.file, into: &sink)
        }
    }

    /// Checks one Dockerfile; an `APT::Get::Assume-Yes` setting covers the instructions after it.
    private func check(_ parsed: Dockerfile, file: LintFile, into sink: inout FindingSink) {
        var configured = false
        for instruction in parsed.instructionsWithTriggers {
            defer { configured = configured || (!instruction.isOnbuildTrigger && Self.mentionsAssumeYes(instruction)) }
            guard instruction.keyword == "RUN", !configured else { continue }
            // Each script's own commands in order (`yes | apt-get …` answers the prompt), then the exec form.
            let sequences = instruction.runScripts.map(\.script.commands) + (instruction.execCommand.map { [[$0]] } ?? [])
            for commands in sequences {
                var previousFeedsYes = false
                for raw in commands {
                    let command = raw.withoutWrappers
                    defer { previousFeedsYes = command.name == "yes" && raw.followingOperator?.isPipe == true }
                    guard let packages = SystemPackageCommand(command), packages.mayPrompt, !packages.answersYes, !previousFeedsYes else { continue }
                    sink.report(
                        "\(packages.tool) \(packages.subcommand.text) without -y stops at its confirmation prompt, which a build cannot answer",
                        in: file, at: parsed.range(of: packages.subcommand),
                        hint: "add -y: \(packages.tool) \(packages.subcommand.text) -y\(packages.family == .apt && packages.isInstall ? " --no-install-recommends" : "") …")
                }
            }
        }
    }

    /// True when the instruction writes an `APT::Get::Assume-Yes "true";` setting (in its command or a here-document).
    static func mentionsAssumeYes(_ instruction: DockerInstruction) -> Bool {
        let needle = "assume-yes \"true\""
        return instruction.aptConfigurationTexts.contains { $0.containsIgnoringASCIICase(needle) }
    }
}
