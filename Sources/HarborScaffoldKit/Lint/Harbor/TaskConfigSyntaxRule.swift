/// T001: task.toml is not valid TOML.
struct TaskConfigSyntaxRule: LintRule {
    static let description = RuleDescription(
        id: "T001", name: "task-toml-syntax", title: "task.toml is not valid TOML", severity: .error,
        rationale: """
            Harbor reads task.toml with Python's tomllib before anything else; a syntax error stops the task \
            from loading at all, and `harbor lint` only says "Malformed TOML" without a position. This rule \
            names the line and column of the first error.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n[verifier]\ntimeout_sec = 600.0 seconds\n"]),
            RuleExample(files: ["task.toml": "[environment]\nbuild_timeout_sec = 300\n[environment]\ncpus = 2\n"]),
            RuleExample(files: ["task.toml": "[task]\nname = \"org/unterminated\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n\n[verifier]\ntimeout_sec = 600.0 # seconds\n"]),
            RuleExample(files: ["task.toml": "[environment.env]\nA = \"x\"\n[environment]\ncpus = 2\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let config = target.taskConfig, case .failure(let error) = config.parsed else { return }
        let at = SourceRange(start: error.position, end: error.position)
        sink.report(
            "task.toml is not valid TOML: \(error.message)", in: config.file, at: at,
            hint: "fix the syntax at line \(error.position.line), column \(error.position.column); Harbor cannot load the task until then")
    }
}
