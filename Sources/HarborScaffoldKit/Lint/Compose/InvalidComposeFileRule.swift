/// T201: a compose file is not valid YAML or not a compose file docker compose accepts.
struct InvalidComposeFileRule: LintRule {
    static let description = RuleDescription(
        id: "T201", name: "invalid-compose-file", title: "A docker-compose.yaml is not valid YAML or not a valid compose file", severity: .error,
        rationale: """
            Harbor hands environment/docker-compose.yaml (and tests/docker-compose.yaml for a separate \
            verifier) to `docker compose`, which refuses the whole task when the file is not valid YAML \
            or its structure is wrong — found only when a trial starts. Harbor's lint needs the Docker \
            CLI to check this and reports no line; this reads the file itself and points at the problem.
            """,
        triggering: [
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  main:\n    image: \"python:3.12\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n\tmain:\n    image: python:3.12-slim\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "service:\n  main:\n    cap_add: []\n"]),
            RuleExample(files: ["environment/docker-compose.yaml": "services:\n  db:\n    image: postgres:16\n    volumes: ./data:/data\n"]),
            RuleExample(files: ["tests/docker-compose.yaml": "services:\n  db:\n    image: postgres:16\n  db:\n    image: postgres:17\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "environment/docker-compose.yaml": """
                    x-db: &db
                      image: postgres:16.4
                    services:
                      main:
                        environment:
                          - DATABASE_URL=postgresql://app@db/app
                      db:
                        <<: *db
                        volumes:
                          - type: volume
                            source: pgdata
                            target: /var/lib/postgresql/data
                    volumes:
                      pgdata: {}

                    """,
            ]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, parsed) in target.composeFiles {
            switch parsed {
            case .failure(let error):
                sink.report(
                    "\(file.path) is not valid YAML: \(error.message)", in: file, at: SourceRange(start: error.position, end: error.position),
                    hint: "docker compose refuses the task until this is fixed")
            case .success(let compose):
                for problem in compose.problems {
                    sink.report("\(file.path): \(problem.message)", in: file, at: problem.range, hint: "docker compose refuses the task until this is fixed")
                }
            }
        }
    }
}
