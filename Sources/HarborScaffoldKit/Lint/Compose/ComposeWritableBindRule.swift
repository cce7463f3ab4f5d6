/// T204: a compose service mounts a host path writable.
struct ComposeWritableBindRule: LintRule {
    static let description = RuleDescription(
        id: "T204", name: "compose-writable-bind-mount", title: "A compose service mounts a host path writable", severity: .error,
        rationale: """
            A writable bind mount lets the container change files on the host: the agent can edit the \
            task's own folder (and so every later trial of it) or whatever the path names. Mount host \
            paths read-only (`:ro`, `read_only: true`) or use a named volume. Harbor mounts the log \
            folders itself, so old `${HOST_VERIFIER_LOGS_PATH}`-style mounts can go. Harbor's lint \
            reports this as compose-writable-bind-mount. The Docker socket is left to T209.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./data:/data\n"]),
            RuleExample(files: [
                "environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - type: bind\n        source: ./fixtures\n        target: /fixtures\n",
            ]),
            RuleExample(files: [
                "environment/docker-compose.yaml": """
                    services:
                      main:
                        volumes:
                          - seed:/seed
                    volumes:
                      seed:
                        driver_opts:
                          type: none
                          o: bind
                          device: ./seed

                    """,
            ]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ${HOST_VERIFIER_LOGS_PATH}:${ENV_VERIFIER_LOGS_PATH}\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./data:/data:ro\n      - cache:/root/.cache\n      - /scratch\n"]),
            RuleExample(files: [
                "environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - type: bind\n        source: ./fixtures\n        target: /fixtures\n        read_only: true\n      - type: tmpfs\n        target: /tmp\n",
            ]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles {
            for service in compose.services {
                for mount in service.mounts where mount.kind == .bind && !mount.isReadOnly {
                    let source = mount.source ?? ""
                    guard !ComposeHostAccessRule.isDockerSocket(source) else { continue }
                    let isLogMount = if case .runtime = compose.locate(source) { true } else { false }
                    sink.report(
                        "\(mount.label) mounts \(mount.shownSource) writable: the container can change files on the host",
                        in: compose.file, at: mount.range,
                        hint: isLogMount
                            ? "Harbor mounts /logs itself: remove this legacy log mount"
                            : "mount it read-only (append `:ro`, or `read_only: true`) or use a named volume")
                }
            }
        }
    }
}
