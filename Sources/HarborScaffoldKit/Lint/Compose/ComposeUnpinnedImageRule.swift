/// T207: a compose service pulls an untagged image or one on a moving tag.
struct ComposeUnpinnedImageRule: LintRule {
    static let description = RuleDescription(
        id: "T207", name: "compose-unpinned-image", title: "A compose service pulls an untagged or moving image", severity: .error,
        rationale: """
            A sidecar `image: postgres` or `image: redis:latest` is whatever the registry serves on the \
            day of the trial: a new major version can break the task long after it was checked. Name a \
            version (`postgres:16.4`), as C101 asks of Dockerfiles. Services that `build:` their image are \
            not pulled and are skipped, as are images set by variables. Harbor's lint only has the opt-in \
            unpinned-image for this, which wants a digest on every image.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  db:\n    image: postgres\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  cache:\n    image: redis:latest\n"]),
            RuleExample(files: ["tests/docker-compose.yaml": "services:\n  browser:\n    image: ghcr.io/acme/chrome:stable\n"]),
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
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (compose, service, image, node) in target.pulledComposeImages where image.digest == nil {
            if let tag = image.tag {
                let channel = tag.lowercased().split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
                guard UnpinnedBaseImageRule.movingTags.contains(channel) else { continue }
                sink.report(
                    "\(service.label).image '\(image.resolved)' uses the moving tag '\(tag)', which changes under a finished task",
                    in: compose.file, at: node.range, hint: "name a version, e.g. \(Self.example(for: image))")
            } else {
                sink.report(
                    "\(service.label).image '\(image.resolved)' has no tag, so Docker pulls 'latest', which changes under a finished task",
                    in: compose.file, at: node.range, hint: "name a version, e.g. \(Self.example(for: image))")
            }
        }
    }

    private static func example(for image: DockerImageReference) -> String {
        "image: " + UnpinnedBaseImageRule.example(for: image).dropFirst("FROM ".count)
    }
}

extension LintTarget {
    /// The images compose services pull (services without `build:`, images not set by variables,
    /// `scratch` left out), split into their parts.
    var pulledComposeImages: [(ComposeFile, ComposeFile.Service, DockerImageReference, YAMLNode)] {
        readComposeFiles.flatMap { compose in
            compose.services.compactMap { service -> (ComposeFile, ComposeFile.Service, DockerImageReference, YAMLNode)? in
                guard service.node["build"] == nil, let node = service.node["image"], let written = node.stringValue,
                    case .text(let resolved) = compose.interpolation.interpolate(written), !resolved.contains("$"), !resolved.isEmpty,
                    resolved != "scratch"
                else { return nil }
                let parts = DockerImageReference.components(of: resolved)
                let image = DockerImageReference(
                    raw: written, resolved: resolved, registry: parts.registry, repository: parts.repository, tag: parts.tag,
                    digest: parts.digest, range: node.range)
                return (compose, service, image, node)
            }
        }
    }
}
