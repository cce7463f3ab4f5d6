/// T209: a compose service shares the host's namespaces, devices or Docker daemon.
struct ComposeHostAccessRule: LintRule {
    static let description = RuleDescription(
        id: "T209", name: "compose-host-access", title: "A compose service shares the host's namespaces, devices or Docker socket", severity: .error,
        rationale: """
            Beyond `privileged`, a service can reach the host in other ways Harbor's lint does not look \
            at: `network_mode: host` bypasses Harbor's network policy (no-network, allowlist), \
            `pid`/`ipc`/`uts`/`userns_mode`/`cgroup: host` share the host's namespaces, `devices`, \
            `device_cgroup_rules` and `gpus` pass host devices in (and tie the task to hosts that have \
            them), `security_opt` with `unconfined` or `label:disable` turns off the kernel's \
            confinement, and a mount of the Docker socket (or `use_api_socket: true`) is root on the \
            host. Any of these lets the agent step outside its sandbox.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    network_mode: host\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    pid: \"host\"\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    security_opt:\n      - seccomp:unconfined\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    devices:\n      - /dev/fuse:/dev/fuse\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    use_api_socket: true\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    gpus: all\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "environment/docker-compose.yaml":
                    "services:\n  main:\n    network_mode: \"service:db\"\n    security_opt: [no-new-privileges:true]\n    devices: []\n    use_api_socket: false\n  db:\n    image: postgres:16.4\n    ipc: shareable\n",
            ]),
        ])

    /// Service keys whose value `host` shares a host namespace.
    static let namespaceKeys = ["network_mode", "pid", "ipc", "uts", "userns_mode", "cgroup"]

    /// True for a host path that is the Docker daemon's socket.
    static func isDockerSocket(_ source: String) -> Bool {
        source.hasSuffix("/docker.sock")
    }

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles {
            for service in compose.services {
                for key in Self.namespaceKeys {
                    guard let value = service.node[key], value.stringValue == "host" else { continue }
                    sink.report(
                        "\(service.label).\(key) is 'host': the container shares the host's \(key == "network_mode" ? "network and escapes Harbor's network policy" : "namespace")",
                        in: compose.file, at: value.range, hint: "remove `\(key): host`")
                }
                for option in service.node["security_opt"]?.sequenceValue ?? [] {
                    guard let text = option.stringValue, text.hasSuffix("unconfined") || text.hasSuffix("disable") else { continue }
                    sink.report(
                        "\(service.label).security_opt '\(text)' turns off the kernel's confinement of the container", in: compose.file,
                        at: option.range, hint: "remove it; the default seccomp and AppArmor profiles suit almost every task")
                }
                for key in ["devices", "device_cgroup_rules", "gpus"] {
                    guard let entry = service.node.entry(for: key), !entry.value.isNull, entry.value.sequenceValue?.isEmpty != true else { continue }
                    let listed = entry.value.sequenceValue?.compactMap(\.stringValue) ?? entry.value.stringValue.map { [$0] } ?? []
                    let what = listed.isEmpty ? "" : " (\(listed.joined(separator: ", ")))"
                    sink.report(
                        "\(service.label).\(key) passes host devices\(what) into the container", in: compose.file, at: entry.key.range,
                        hint: "tasks must run on any host: remove `\(key)`")
                }
                if service.node.isTrue("use_api_socket"), let entry = service.node.entry(for: "use_api_socket") {
                    sink.report(
                        "\(service.label).use_api_socket gives the container the host's Docker API, which is root on the host",
                        in: compose.file, at: entry.value.range, hint: "remove it; start the services the task needs in compose instead")
                }
                for mount in service.mounts where mount.kind == .bind && Self.isDockerSocket(mount.source ?? "") {
                    sink.report(
                        "\(mount.label) mounts the Docker socket: whoever controls the container controls the host's Docker daemon, which is root on the host",
                        in: compose.file, at: mount.range, hint: "remove the mount; start the services the task needs in compose instead")
                }
            }
        }
    }
}
