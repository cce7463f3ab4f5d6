/// T203: a compose service adds Linux capabilities.
struct ComposeCapabilitiesRule: LintRule {
    static let description = RuleDescription(
        id: "T203", name: "compose-additional-capabilities", title: "A compose service adds Linux capabilities", severity: .warning,
        rationale: """
            `cap_add` widens what the container may do to the kernel (`SYS_ADMIN` is nearly root on the \
            host, `NET_ADMIN` rewrites the network Harbor's policy relies on). Each one should be needed \
            by the task and explained. Harbor's lint reports it (compose-additional-capabilities).
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    cap_add:\n      - SYS_ADMIN\n"]),
            RuleExample(files: ["tests/docker-compose.yaml": "services:\n  grader:\n    cap_add: [NET_ADMIN]\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    cap_drop: [ALL]\n    cap_add: []\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles {
            for service in compose.services {
                guard let entry = service.node.entry(for: "cap_add"), let added = entry.value.sequenceValue, !added.isEmpty else { continue }
                let names = added.compactMap(\.stringValue).joined(separator: ", ")
                sink.report(
                    "\(service.label) adds the capabilities \(names)", in: compose.file, at: entry.key.range,
                    hint: "remove cap_add unless the task cannot work without it, and say why in a comment")
            }
        }
    }
}
