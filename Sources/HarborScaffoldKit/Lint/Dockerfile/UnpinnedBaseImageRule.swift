/// C101: a `FROM` line names no tag, `latest` or another moving tag, or a tag built from an `ARG`
/// without a default.
struct UnpinnedBaseImageRule: LintRule {
    static let description = RuleDescription(
        id: "C101", name: "unpinned-base-image", title: "A base image is untagged or uses a moving tag", severity: .error,
        rationale: """
            The pipeline's Constraints ask for reproducible tasks ("Determinism: Prefer tasks with consistent, \
            reproducible outcomes"), and Harbor's rubric checks pinned dependencies. `FROM python` and \
            `FROM python:latest` (hadolint DL3006/DL3007) — and moving channels such as `node:lts` or \
            `debian:testing` — change their major version under a finished task, which then fails or behaves \
            differently on the next build; `harbor lint` lets `FROM python:latest` pass by default. `ARG` defaults \
            are resolved first (Harbor builds without `--build-arg`, so an `ARG` without a default leaves the tag \
            empty); `scratch` and earlier stage names are fine. Applies to `tests/Dockerfile` too.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python\nRUN pip install --no-cache-dir fastapi==0.115.12\n"]),
            RuleExample(files: ["Dockerfile": "ARG BASE=node:latest\nFROM ${BASE}\n"]),
            RuleExample(files: ["Dockerfile": "ARG PY\nFROM python:${PY}-slim\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:lts-bookworm-slim\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\n", "task.toml": "",
                "tests/Dockerfile": "FROM python:latest\nCOPY . /tests/\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "ARG PY=3.12\nFROM python:${PY}-slim-bookworm\n"]),
            RuleExample(files: ["Dockerfile": "FROM golang:1.24-bookworm AS build\nRUN go build -o /out/app ./...\nFROM scratch\nCOPY --from=build /out/app /app\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim AS base\nFROM base AS test\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:latest@sha256:2d2b24a8c8a6e4b5e0a1f5c2d8e0f1c3b4a5968778695a4b3c2d1e0f9a8b7c6d\n"]),
            RuleExample(files: ["Dockerfile": "FROM --platform=$BUILDPLATFORM registry.example.com:5000/team/base:2024.11\n"]),
        ])

    /// Tags (or the first dash-separated part of a tag) that follow a moving channel rather than a release.
    static let movingTags: Set<String> = [
        "latest", "stable", "lts", "current", "edge", "nightly", "rolling", "devel", "unstable", "testing", "sid",
        "master", "main",
    ]

    /// True when `tag` (or its first dash-separated part, as in `lts-alpine`) follows a moving channel.
    static func isMoving(_ tag: String) -> Bool {
        movingTags.contains(tag.lowercased().split(separator: "-", maxSplits: 1).first.map(String.init) ?? "")
    }

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for dockerfile in target.dockerfiles(includingVerifier: true) {
            for stage in dockerfile.parsed.stages {
                let image = stage.image
                guard !image.raw.isEmpty, image.stageReference == nil, !image.isScratch, image.digest == nil else { continue }
                if !image.unresolvedVariables.isEmpty {
                    let names = image.unresolvedVariables.joined(separator: ", ")
                    sink.report(
                        "base image '\(image.raw)' depends on ARG \(names) without a default; Harbor builds without --build-arg, so it resolves to '\(image.resolved)'",
                        in: dockerfile.file, at: image.range,
                        hint: "give the ARG a default before the first FROM, e.g. ARG \(image.unresolvedVariables[0])=<version>")
                } else if let tag = image.tag {
                    guard Self.isMoving(tag) else { continue }
                    sink.report(
                        "base image '\(image.resolved)' uses the moving tag '\(tag)', which changes under a finished task",
                        in: dockerfile.file, at: image.range,
                        hint: "name a version, e.g. \(Self.example(for: image))")
                } else {
                    sink.report(
                        "base image '\(image.resolved)' has no tag, so Docker pulls 'latest', which changes under a finished task",
                        in: dockerfile.file, at: image.range,
                        hint: "name a version, e.g. \(Self.example(for: image))")
                }
            }
        }
    }

    /// A pinned example for well-known images, else a generic pattern.
    static func example(for image: DockerImageReference) -> String {
        let repository = image.registry == nil || image.registry == "docker.io" ? image.repository : image.name
        let known = [
            "python": "python:3.12-slim-bookworm", "library/python": "python:3.12-slim-bookworm",
            "node": "node:22-bookworm-slim", "library/node": "node:22-bookworm-slim", "golang": "golang:1.24-bookworm",
            "rust": "rust:1.85-slim-bookworm", "debian": "debian:bookworm-slim", "ubuntu": "ubuntu:24.04",
            "alpine": "alpine:3.20",
        ]
        return "FROM " + (known[repository] ?? "\(repository):<version>")
    }
}
