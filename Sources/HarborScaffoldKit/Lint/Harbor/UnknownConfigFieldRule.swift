/// T102: a task.toml key that schema 1.4 does not define for its table.
struct UnknownConfigFieldRule: LintRule {
    static let description = RuleDescription(
        id: "T102", name: "unknown-config-field", title: "task.toml has a key its table does not define", severity: .error,
        rationale: """
            Harbor's config models ignore keys they do not know, so a misspelt `timout_sec` or a \
            `difficulty` under [task] silently does nothing and the default applies. `harbor lint` reports \
            these as unknown-config-field; this rule also says which table a misplaced key belongs in. \
            Only `[metadata]` (and the `env` / `headers` maps) take free-form keys.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "[verifier]\ntimout_sec = 600.0\n"]),
            RuleExample(files: ["task.toml": "[task]\nname = \"org/parser-fix\"\ndifficulty = \"hard\"\n"]),
            RuleExample(files: ["task.toml": "[[steps]]\nname = \"one\"\n[steps.agent]\ntimeout = 60\n"]),
            RuleExample(files: ["task.toml": "build_timeout_sec = 300\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "task.toml": """
                    schema_version = "1.4"
                    [metadata]
                    difficulty = "hard"
                    anything_goes = { nested = true }
                    [metadata.harbor.lint]
                    ignore = ["root-agent"]
                    [environment]
                    build_timeout_sec = 300
                    env = { ANY_NAME = "x" }
                    [environment.healthcheck]
                    command = "curl -f localhost:8000"
                    """,
            ]),
            RuleExample(files: ["task.toml": "version = \"1.0\"\n[environment]\nmemory = \"4G\"\n"], excerpt: "Legacy spellings Harbor still accepts"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, document) = target.parsedTaskConfig else { return }
        TaskConfigWalker.walk(document) { node in
            for entry in node.table.entries where node.schema.field(entry.key) == nil {
                sink.report(
                    "unknown field '\(entry.key)' in \(node.label)" + Self.suggestion(for: entry.key, in: node), in: file,
                    at: entry.keyRange, hint: Self.hint(for: entry.key, in: node))
            }
        }
    }

    /// "; did you mean 'x'?" for a near miss among the table's own fields.
    static func suggestion(for key: String, in node: TaskConfigWalker.Node) -> String {
        nearMiss(key, in: node).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// A field of the table spelt almost like `key`, or that `key` abbreviates (`timeout` → `timeout_sec`).
    static func nearMiss(_ key: String, in node: TaskConfigWalker.Node) -> String? {
        EditDistance.suggestion(for: key, among: node.schema.fieldNames)
            ?? node.schema.fieldNames.first { $0.hasPrefix(key + "_") || key.hasPrefix($0 + "_") }
    }

    /// Where the key belongs when it is not a typo, else how to fix it.
    static func hint(for key: String, in node: TaskConfigWalker.Node) -> String {
        if nearMiss(key, in: node) != nil {
            return "correct the spelling; Harbor ignores unknown keys and applies the default"
        }
        if node.schema.name != HarborTaskSchema.root.name, HarborTaskSchema.root.field(key) != nil {
            return "'\(key)' is a top-level key, but TOML puts every key after a [table] header into that table; move it above the first header"
        }
        if HarborTaskSchema.conventionalMetadataKeys.contains(key) {
            return "move '\(key)' to [metadata], where free-form task information goes"
        }
        let homes = HarborTaskSchema.sections.filter { $0.table.field(key) != nil }.map { "[\($0.name)]" }
        if !homes.isEmpty {
            return "'\(key)' is a field of " + homes.joined(separator: " and ") + "; move it there"
        }
        return "remove it, or move it to [metadata] if it is information about the task"
    }
}
