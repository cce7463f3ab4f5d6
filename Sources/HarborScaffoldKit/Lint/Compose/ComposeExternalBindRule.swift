/// T205: a compose service mounts a host path outside the task.
struct ComposeExternalBindRule: LintRule {
    static let description = RuleDescription(
        id: "T205", name: "compose-external-bind-mount", title: "A compose service mounts a host path outside the task", severity: .error,
        rationale: """
            A task must carry everything it needs: a bind mount of `/srv/data`, `~/datasets`, `../shared` \
            or a path set by an undefined variable works on the author's machine and mounts nothing (or \
            something else) everywhere else — and exposes that host path to the agent. Paths Harbor \
            picks at run time (`${HOST_AGENT_LOGS_PATH}`…) are reported too: Harbor mounts the log folders \
            itself. Harbor's lint reports this as compose-external-bind-mount, but skips `~` paths and \
            needs the Docker CLI. The Docker socket is left to T209.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - /srv/datasets:/data:ro\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ~/datasets:/data:ro\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ../../shared:/shared:ro\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ${DATA_DIR}:/data:ro\n"]),
            RuleExample(files: ["tests/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ${HOST_AGENT_LOGS_PATH}:/logs/agent:ro\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./data:/data:ro\n      - ${DATA_DIR:-./data}:/more:ro\n      - ../environment/seed:/seed:ro\n",
            ]),
            RuleExample(
                files: ["task.toml": "[environment.env]\nDATA_DIR = \"./data\"\n", "environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ${DATA_DIR}:/data:ro\n"],
                excerpt: "A variable set in task.toml's [environment] env is known"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles {
            for service in compose.services {
                for mount in service.mounts where mount.kind == .bind {
                    let source = mount.source ?? ""
                    guard !ComposeHostAccessRule.isDockerSocket(source) else { continue }
                    let message: String
                    switch compose.locate(source) {
                    case .task: continue
                    case .outside(let path), .enclosingTask(let path):
                        let shown = mount.volumeName == nil ? "'\(path)'" : mount.shownSource
                        message = "\(mount.label) mounts \(shown), outside the task: it exists only on the machine the task was written on"
                    case .runtime(let variable):
                        message = "\(mount.label) mounts ${\(variable)}, a host folder Harbor picks at run time and already mounts itself"
                    case .hostDependent(let variable):
                        message = "\(mount.label) mounts a path set by ${\(variable)}, which neither Harbor nor task.toml defines, so the host's environment decides what is mounted"
                    }
                    sink.report(message, in: compose.file, at: mount.range, hint: "copy what the task needs into environment/ and mount or COPY it from there")
                }
            }
        }
    }
}
