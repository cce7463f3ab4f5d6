/// T207: a prebuilt image (task.toml `docker_image`) or a compose sidecar is untagged or on a moving tag.
struct UnpinnedPulledImageRule: LintRule {
    static let description = RuleDescription(
        id: "T207", name: "unpinned-pulled-image", title: "A prebuilt or sidecar image is untagged or on a moving tag", severity: .error,
        rationale: """
            An image Harbor pulls instead of building — `docker_image` in task.toml's `[environment]` or \
            `[verifier.environment]`, or a compose service's `image:` such as `postgres` or \
            `redis:latest` — is whatever the registry serves on the day of the trial: a new major \
            version can break the task long after it was checked. Name a version (`postgres:16.4`), as \
            C101 asks of Dockerfiles. Compose services that `build:` their image are not pulled and are \
            skipped, as are images set by variables. Harbor's lint only has the opt-in unpinned-image \
            for this, which wants a digest on every image.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  db:\n    image: postgres\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  cache:\n    image: redis:latest\n"]),
            RuleExample(files: ["tests/docker-compose.yaml": "services:\n  browser:\n    image: ghcr.io/acme/chrome:stable\n"]),
            RuleExample(files: ["task.toml": "[environment]\ndocker_image = \"ubuntu\"\n"]),
            RuleExample(files: ["task.toml": "[verifier]\nenvironment_mode = \"separate\"\n[verifier.environment]\ndocker_image = \"python:latest\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "environment/docker-compose.yaml": """
                    services:
                      main:
                        build: .
                        image: acme/task-main
                      db:
                        image: postgres:16.4-bookworm
                      proxy:
                        image: ${MAIN_IMAGE_NAME}
                      blank:
                        image: scratch
                      pinned:
                        image: redis@sha256:0b2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d

                    """,
            ]),
            RuleExample(files: ["task.toml": "[environment]\ndocker_image = \"ghcr.io/acme/invoices-task:1.4.2\"\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for pulled in target.pulledImages where pulled.image.digest == nil {
            let image = pulled.image
            let example = UnpinnedBaseImageRule.example(for: image).dropFirst("FROM ".count)
            if let tag = image.tag {
                guard UnpinnedBaseImageRule.isMoving(tag) else { continue }
                sink.report(
                    "\(pulled.label) '\(image.resolved)' uses the moving tag '\(tag)', which changes under a finished task",
                    in: pulled.file, at: image.range, hint: "name a version, e.g. \(example)")
            } else {
                sink.report(
                    "\(pulled.label) '\(image.resolved)' has no tag, so Docker pulls 'latest', which changes under a finished task",
                    in: pulled.file, at: image.range, hint: "name a version, e.g. \(example)")
            }
        }
    }
}

