/// T206: a compose bind mount reaches outside the task through a symbolic link.
struct ComposeSymlinkBindRule: LintRule {
    static let description = RuleDescription(
        id: "T206", name: "compose-symlink-bind-mount", title: "A compose bind mount leaves the task through a symbolic link", severity: .error,
        rationale: """
            `./data` looks task-local, but when `environment/data` is a symbolic link to `/home/me/data` \
            docker mounts that host folder: the mount depends on one machine and shows its files to the \
            agent. Harbor's lint reports this as compose-symlink-bind-mount.
            """,
        triggering: [
            RuleExample(
                files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./data:/data:ro\n"],
                links: ["environment/data": "/home/builder/data"]),
            RuleExample(
                files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./inputs/raw:/raw:ro\n"],
                links: ["environment/inputs": "../../shared-inputs"]),
        ],
        nonTriggering: [
            RuleExample(
                files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./data:/data:ro\n", "environment/fixtures/a.json": "{}\n"],
                links: ["environment/data": "fixtures"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles {
            for service in compose.services {
                for mount in service.mounts where mount.kind == .bind {
                    guard case .task(let path) = compose.locate(mount.source ?? ""), let link = target.followingLinks(path).link else { continue }
                    let leads = link.destination == .broken ? "which leads nowhere" : "which leads outside the task"
                    sink.report(
                        "\(mount.label) mounts '\(mount.source ?? "")' through the symbolic link \(link.path) → '\(link.target)', \(leads)",
                        in: compose.file, at: mount.range, hint: "replace the link with the files it points at")
                }
            }
        }
    }
}
