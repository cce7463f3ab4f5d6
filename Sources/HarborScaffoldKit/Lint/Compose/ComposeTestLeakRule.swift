/// T211: the agent's compose file shows the tests or the solution to the agent.
struct ComposeTestLeakRule: LintRule {
    static let description = RuleDescription(
        id: "T211", name: "compose-test-leak", title: "The agent's compose file exposes tests/ or solution/", severity: .error,
        rationale: """
            Harbor copies tests/ in only when grading, and never solution/. A service of \
            environment/docker-compose.yaml that bind-mounts `../tests`, `../solution` or the whole task \
            (`..`), or builds with the task folder as its context (`build: ..`), hands the agent the \
            checks or the answer. Harbor's agent-image-test-leak looks only at COPY lines of the Dockerfile.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ../tests:/tests:ro\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    build:\n      context: ..\n      dockerfile: environment/Dockerfile\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  helper:\n    build: ../solution\n"]),
            RuleExample(
                files: ["environment/docker-compose.yaml": "services:\n  main:\n    volumes:\n      - ./checks:/checks:ro\n", "tests/test_outputs.py": "def test_x():\n    assert 1\n"],
                links: ["environment/checks": "../tests"]),
        ],
        nonTriggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    build: .\n    volumes:\n      - ./data:/data:ro\n"]),
            RuleExample(
                files: ["tests/docker-compose.yaml": "services:\n  grader:\n    build: .\n    volumes:\n      - ../tests:/tests:ro\n"],
                excerpt: "The verifier's compose file may see the tests"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for compose in target.readComposeFiles where compose.isAgentEnvironment {
            for service in compose.services {
                if let (context, range) = Self.buildContext(service.node), compose.locate(context).exposesGraderFiles {
                    sink.report(
                        "\(service.label) builds with '\(context)' as its context, which holds tests/ or solution/: the image can copy them",
                        in: compose.file, at: range, hint: "build from environment/ (`build: .`) and keep graders out of the agent's reach")
                }
                for mount in service.mounts where mount.kind == .bind {
                    var location = compose.locate(mount.source ?? "")
                    if case .task(let path) = location, let real = target.followingLinks(path).path { location = .task(real) }
                    guard location.exposesGraderFiles else { continue }
                    sink.report(
                        "\(mount.label) mounts '\(mount.source ?? "")' into the agent's environment, and it holds the tests or the solution",
                        in: compose.file, at: mount.range, hint: "mount only what the agent should see; Harbor brings tests/ in when grading")
                }
            }
        }
    }

    /// The build context (`build: DIR` or `build: {context: DIR}`) and where it is written.
    static func buildContext(_ service: YAMLNode) -> (String, SourceRange)? {
        guard let build = service["build"] else { return nil }
        if let text = build.stringValue { return (text, build.range) }
        guard let context = build["context"] else { return nil }
        return context.stringValue.map { ($0, context.range) }
    }
}
