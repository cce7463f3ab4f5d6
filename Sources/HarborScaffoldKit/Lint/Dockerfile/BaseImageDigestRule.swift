/// C102: a tagged base image without an `@sha256:` digest.
struct BaseImageDigestRule: LintRule {
    static let description = RuleDescription(
        id: "C102", name: "base-image-digest", title: "A base image is pinned by tag but not by digest", severity: .info,
        rationale: """
            A version tag such as `python:3.12-slim` is still rebuilt upstream with new patch releases and Debian \
            updates; only a digest (`@sha256:…`) fixes the exact image, which is what Harbor's opt-in \
            `unpinned-image` check asks for. This is informational: tags of a specific version are the pipeline's \
            norm. Untagged and `latest` images are C101's findings. Applies to `tests/Dockerfile` too.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim-bookworm\n"]),
            RuleExample(files: ["Dockerfile": "ARG NODE=22\nFROM node:${NODE}-bookworm-slim AS deps\nFROM deps\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim@sha256:2d2b24a8c8a6e4b5e0a1f5c2d8e0f1c3b4a5968778695a4b3c2d1e0f9a8b7c6d\n"]),
            RuleExample(files: ["Dockerfile": "FROM scratch\nCOPY app /app\n"]),
            // Untagged: C101 reports it.
            RuleExample(files: ["Dockerfile": "FROM python\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for dockerfile in target.dockerfiles(includingVerifier: true) {
            for stage in dockerfile.parsed.stages {
                let image = stage.image
                guard image.stageReference == nil, !image.isScratch, image.digest == nil, image.unresolvedVariables.isEmpty,
                    let tag = image.tag
                else { continue }
                guard !UnpinnedBaseImageRule.isMoving(tag) else { continue }
                sink.report(
                    "base image '\(image.resolved)' is pinned by tag only; the tag is rebuilt upstream", in: dockerfile.file,
                    at: image.range,
                    hint: "append its digest: FROM \(image.resolved)@sha256:<digest> (docker buildx imagetools inspect \(image.resolved) prints it)")
            }
        }
    }
}
