/// C204: `apt-get install` without `--no-install-recommends`.
struct NoInstallRecommendsRule: LintRule {
    static let description = RuleDescription(
        id: "C204", name: "no-install-recommends", title: "apt-get install pulls in recommended packages", severity: .info,
        rationale: """
            By default apt installs every "Recommends" of the packages named, often doubling the download \
            (hadolint DL3015): `postgresql` alone brings a mail transport, `build-essential` brings manual pages \
            tooling. That costs build time against the pipeline's 5-minute budget and image size. Add \
            `--no-install-recommends` (or set `APT::Install-Recommends "false"` earlier) and name what you need.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y postgresql && rm -rf /var/lib/apt/lists/*\n"]),
            RuleExample(files: ["Dockerfile": "FROM ubuntu:24.04\nRUN apt-get update && apt install -y build-essential\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql && rm -rf /var/lib/apt/lists/*\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/90no-recommends\nRUN apt-get update && apt-get install -y curl && apt-get -o APT::Install-Recommends=0 install -y jq\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        var configured = false
        for instruction in parsed.instructionsWithTriggers {
            defer { configured = configured || (!instruction.isOnbuildTrigger && Self.mentionsInstallRecommends(instruction)) }
            guard instruction.keyword == "RUN", !configured else { continue }
            for command in instruction.runCommands {
                guard let packages = SystemPackageCommand(command), packages.family == .apt, packages.isInstall,
                    !packages.skipsRecommends
                else { continue }
                sink.report(
                    "\(packages.tool) install also installs every recommended package, adding build time and size",
                    in: file, at: parsed.range(of: packages.subcommand),
                    hint: "add --no-install-recommends and name any recommended package the task needs")
            }
        }
    }

    /// True when the instruction writes an `APT::Install-Recommends "false";` setting.
    static func mentionsInstallRecommends(_ instruction: DockerInstruction) -> Bool {
        let needles = ["install-recommends \"false\"", "install-recommends \"0\""]
        let texts = instruction.aptConfigurationTexts
        return texts.contains { text in needles.contains { text.containsIgnoringASCIICase($0) } }
    }
}
