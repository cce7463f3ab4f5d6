/// T202: a compose service (or one of its lifecycle hooks) runs privileged.
struct ComposePrivilegedRule: LintRule {
    static let description = RuleDescription(
        id: "T202", name: "compose-privileged", title: "A compose service runs privileged", severity: .error,
        rationale: """
            `privileged: true` gives a container every capability and the host's devices: the agent (or \
            anything it starts) can leave the sandbox, and the task behaves differently on every host. \
            Harbor's lint reports it (compose-privileged), also on `post_start`/`pre_stop` hooks.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    privileged: true\n"]),
            RuleExample(files: [
                "environment/docker-compose.yaml": "services:\n  main:\n    post_start:\n      - command: mount -t tmpfs none /mnt\n        privileged: true\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    privileged: false\n  db:\n    image: postgres:16.4\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles {
            for service in compose.services {
                var places: [(label: String, node: YAMLNode)] = [(service.label, service.node)]
                for hook in ["post_start", "pre_stop"] {
                    for (index, item) in (service.node[hook]?.sequenceValue ?? []).enumerated() {
                        places.append(("\(service.label).\(hook)[\(index)]", item))
                    }
                }
                for place in places where place.node.isTrue("privileged") {
                    sink.report(
                        "\(place.label) runs privileged: the agent's container gets every capability and the host's devices",
                        in: compose.file, at: place.node["privileged"]?.range,
                        hint: "remove `privileged: true`; if one capability is really needed, add just that one with cap_add")
                }
            }
        }
    }
}
