/// T208: a prebuilt or sidecar image is pinned by tag but not by digest.
struct PulledImageDigestRule: LintRule {
    static let description = RuleDescription(
        id: "T208", name: "pulled-image-digest", title: "A prebuilt or sidecar image is pinned by tag but not by digest", severity: .info,
        rationale: """
            A tag such as `postgres:16.4` can still be re-pushed with other contents; only a digest \
            (`postgres:16.4@sha256:…`) fixes the bytes. Harbor's opt-in unpinned-image asks for digests on \
            task.toml's `docker_image` and on compose images; as with C102 for Dockerfiles this is \
            information, not a failure.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  db:\n    image: postgres:16.4\n"]),
            RuleExample(files: ["task.toml": "[environment]\ndocker_image = \"ghcr.io/acme/invoices-task:1.4.2\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "environment/docker-compose.yaml":
                    "services:\n  db:\n    image: postgres:16.4@sha256:0b2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d\n  main:\n    build: .\n    image: task-main:1\n",
            ]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for pulled in target.pulledImages where pulled.image.digest == nil {
            let image = pulled.image
            guard let tag = image.tag else { continue }
            guard !UnpinnedBaseImageRule.isMoving(tag) else { continue }
            sink.report(
                "\(pulled.label) '\(image.resolved)' is pinned by tag, not by digest", in: pulled.file, at: image.range,
                hint: "append the digest: `docker buildx imagetools inspect \(image.resolved)` prints it")
        }
    }
}
