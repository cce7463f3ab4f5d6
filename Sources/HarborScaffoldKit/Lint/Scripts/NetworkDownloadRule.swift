/// S105: tests/test.sh downloads from the internet while grading.
struct NetworkDownloadRule: LintRule {
    static let description = RuleDescription(
        id: "S105", name: "network-download", title: "tests/test.sh downloads files while grading", severity: .error,
        rationale: """
            A verifier that fetches an installer, a dataset or a repository (`curl … | sh`, `wget`, \
            `git clone`) fails without network, slows every trial and grades against whatever the \
            server returns that day. Harbor's lint calls this verifier-network-download. Requests to \
            the task's own services (localhost, compose service names) and probes whose response is not \
            saved are fine.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncurl -LsSf https://astral.sh/uv/0.9.7/install.sh | sh\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nwget -q https://example.com/expected.csv -P /tmp\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ngit clone --depth 1 https://github.com/acme/fixtures /tmp/fixtures\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncurl -fsSL -o /tmp/data.json \"https://data.example.org/v1/items\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncurl -sf http://localhost:8000/health\ncurl -s http://api:8080/items -o /tmp/items.json\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncurl -s https://api.example.com/status\ngit clone /app /tmp/copy\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.testScript else { return }
        check(script.commands, file, into: &sink)
        // Scripts run with `bash -c "…"`; substitutions the outer shell expands were checked above.
        for inline in script.inlineScripts {
            check(inline.script.commands, file, into: &sink) { !inline.isOuterSubstitution($0) }
        }
    }

    /// Checks a script's commands, each with the command it pipes into, and the commands of their
    /// substitutions that `isChecked` accepts.
    private func check(
        _ commands: [ShellCommand], _ file: LintFile, into sink: inout FindingSink,
        substitutions isChecked: (ShellScript) -> Bool = { _ in true }
    ) {
        for (index, command) in commands.enumerated() {
            let next = command.followingOperator?.isPipe == true && index + 1 < commands.count ? commands[index + 1] : nil
            report(command, pipedInto: next, file, into: &sink)
            for nested in command.commandSubstitutions.filter(isChecked).flatMap(\.allCommands) {
                report(nested, pipedInto: nil, file, into: &sink)
            }
        }
    }

    /// Reports `command` when it downloads from outside the container's network.
    private func report(_ command: ShellCommand, pipedInto next: ShellCommand?, _ file: LintFile, into sink: inout FindingSink) {
        guard let url = CommandTraits.download(command, pipedInto: next), let word = command.withoutWrappers.nameWord else { return }
        let tool = word.text == "git" ? "git clone" : ContainerPath.basename(word.text)
        sink.report(
            "`\(tool)` downloads \(url) while grading, so the verifier fails without network and depends on what the server returns",
            in: file, at: file.source.range(ofBytes: word.byteRange),
            hint: "download it when building tests/Dockerfile (or copy the file into tests/) and read the local copy")
    }
}
