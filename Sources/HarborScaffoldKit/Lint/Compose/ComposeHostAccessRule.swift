/// T209: a compose service shares the host's namespaces, devices or Docker daemon.
struct ComposeHostAccessRule: LintRule {
    static let description = RuleDescription(
        id: "T209", name: "compose-host-access", title: "A compose service shares the host's namespaces, devices or Docker socket", severity: .error,
        rationale: """
            Beyond `privileged`, a service can reach the host in other ways Harbor's lint does not look \
            at: `network_mode: host` bypasses Harbor's network policy (no-network, allowlist), \
            `pid`/`ipc`/`uts`/`userns_mode`/`cgroup: host` share the host's namespaces, `devices` passes \
            host devices in, `security_opt` with `unconfined` or `label:disable` turns off the kernel's \
            confinement, and a mount of the Docker socket is root on the host. Any of these lets the \
            agent step outside its sandbox.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    network_mode: host\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    pid: \"host\"\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    security_opt:\n      - seccomp:unconfined\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    devices:\n      - /dev/fuse:/dev/fuse\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "environment/docker-compose.yaml":
                    "services:\n  main:\n    network_mode: \"service:db\"\n    security_opt: [no-new-privileges:true]\n    devices: []\n  db:\n    image: postgres:16.4\n    ipc: shareable\n",
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
                if let devices = service.node.entry(for: "devices"), let list = devices.value.sequenceValue, !list.isEmpty {
                    sink.report(
                        "\(service.label).devices passes host devices (\(list.compactMap(\.stringValue).joined(separator: ", "))) into the container",
                        in: compose.file, at: devices.key.range, hint: "tasks must run on any host: remove the devices")
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
