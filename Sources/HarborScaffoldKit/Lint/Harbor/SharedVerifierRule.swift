/// T105: the verifier runs in the agent's container.
struct SharedVerifierRule: LintRule {
    static let description = RuleDescription(
        id: "T105", name: "shared-verifier", title: "The verifier runs in the agent's container", severity: .warning,
        rationale: """
            Unless `[verifier] environment_mode = "separate"` (or a verifier environment is defined), \
            Harbor grades inside the container the agent just used, so anything the agent left there (a \
            patched pytest, a planted conftest.py, a fake python3 on PATH) runs with the graders. \
            Harbor's own lint reports this as shared-verifier. A tests/Dockerfile alone does not switch \
            the mode: without environment_mode it is silently ignored.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "[verifier]\ntimeout_sec = 600.0\n", "tests/Dockerfile": "FROM python:3.12-slim\nCOPY . /tests/\n"]),
            RuleExample(files: ["task.toml": "[verifier]\nenvironment_mode = \"shared\"\n"]),
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n"]),
            RuleExample(files: [
                "task.toml": "[verifier]\nenvironment_mode = \"separate\"\n[[steps]]\nname = \"one\"\n[steps.verifier]\nenvironment_mode = \"shared\"\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["task.toml": "[verifier]\nenvironment_mode = \"separate\"\n", "tests/Dockerfile": "FROM python:3.12-slim\nCOPY . /tests/\n"]),
            RuleExample(
                files: ["task.toml": "[verifier.environment]\ndocker_image = \"ghcr.io/acme/grader@sha256:0123\"\n"],
                excerpt: "A verifier environment implies environment_mode = \"separate\""),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, document) = target.parsedTaskConfig else { return }
        let hasVerifierImage = target.entries.contains("tests/Dockerfile")
        for pass in VerifierPlacement.sharedPasses(document) {
            let table = pass.verifier?.value.tableValue
            let range = table?.entry(for: "environment_mode")?.valueRange ?? pass.verifier?.valueRange ?? .line(1)
            let message =
                hasVerifierImage
                ? "tests/Dockerfile is never built: \(pass.label) grades in the agent's container because environment_mode is not \"separate\""
                : "\(pass.label) grades in the agent's container, so whatever the agent leaves there (a patched pytest, a planted conftest.py) runs with the tests"
            sink.report(
                message, in: file, at: range,
                hint: "set environment_mode = \"separate\" in [verifier] and install the graders' tools in tests/Dockerfile")
        }
    }
}
