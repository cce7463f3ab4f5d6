/// T210: a compose file is named so that Harbor never reads it.
struct IgnoredComposeFileRule: LintRule {
    static let description = RuleDescription(
        id: "T210", name: "ignored-compose-file", title: "A compose file has a name Harbor never reads", severity: .warning,
        rationale: """
            Harbor looks for exactly `docker-compose.yaml` in environment/ (and tests/ for a separate \
            verifier). `docker compose` itself also accepts `compose.yaml`, `compose.yml` and \
            `docker-compose.yml`, so such a file works when the author runs it by hand, yet Harbor \
            silently starts the task without its services.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yml": "services:\n  db:\n    image: postgres:16.4\n", "task.toml": ""]),
            RuleExample(files: ["tests/compose.yaml": "services:\n  grader:\n    build: .\n", "task.toml": ""]),
        ],
        nonTriggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  db:\n    image: postgres:16.4\n", "task.toml": ""]),
        ])

    /// Names docker compose accepts that Harbor does not.
    static let ignoredNames = ["compose.yaml", "compose.yml", "docker-compose.yml"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor else { return }
        for entry in target.entries {
            let parts = entry.split(separator: "/")
            guard let name = parts.last, Self.ignoredNames.contains(String(name)) else { continue }
            let folder = parts.dropLast().joined(separator: "/")
            let isHarborFolder = folder == "environment" || folder == "tests" || (parts.count == 4 && parts[0] == "steps" && parts[2] == "tests")
            guard isHarborFolder else { continue }
            let expected = folder + "/docker-compose.yaml"
            let also = target.entries.contains(expected) ? " (it reads \(expected) instead)" : ""
            sink.report(
                "Harbor never reads \(entry): it looks only for docker-compose.yaml\(also)", path: target.display(entry), at: nil,
                hint: target.entries.contains(expected) ? "merge it into \(expected) and delete it" : "rename it to \(expected)")
        }
    }
}
