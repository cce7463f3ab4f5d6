/// The `task.toml` schema 1.4 of Harbor 0.25 (`reference/harbor-task-schema-1.4.json`), written out
/// as Swift tables so that linting needs no JSON at run time.
///
/// Each `$defs` object of the JSON schema is one ``Table``; `anyOf [X, null]` becomes plain `X`
/// (TOML has no null), and the legacy spellings Harbor still accepts (`version` for
/// `schema_version`, `memory` / `storage` in environments) are listed so they are not reported as
/// unknown.
enum HarborTaskSchema {
    /// What a field may hold.
    enum FieldType: Sendable {
        /// A string.
        case string
        /// A non-empty string (`minLength: 1`).
        case nonEmptyString
        /// An integer or a float.
        case number
        /// An integer (a float without fractional part is accepted, as JSON Schema does).
        case integer
        /// `true` or `false`.
        case boolean
        /// A user name or numeric id (`string | integer`).
        case stringOrInteger
        /// One of a fixed set of strings.
        case enumeration([String])
        /// An array of strings.
        case stringList
        /// A table whose keys are free and whose values are strings (`env`, `headers`).
        case stringMap
        /// A number, or a table of numbers (`min_reward`).
        case numberOrNumberMap
        /// A table following a schema.
        case table(Table)
        /// An array of tables following a schema (`[[steps]]`).
        case tableList(Table)
        /// An array of strings or tables following a schema (`artifacts`).
        case stringOrTableList(Table)
        /// A table whose keys and values are free (`[metadata]`).
        case freeForm

        /// How the type is named in messages ("a number", "an array of strings").
        var phrase: String {
            switch self {
            case .string, .nonEmptyString: "a string"
            case .number: "a number"
            case .integer: "an integer"
            case .boolean: "a boolean"
            case .stringOrInteger: "a string or an integer"
            case .enumeration(let values): "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
            case .stringList: "an array of strings"
            case .stringMap: "a table of strings"
            case .numberOrNumberMap: "a number or a table of numbers"
            case .table: "a table"
            case .tableList: "an array of tables"
            case .stringOrTableList: "an array of strings or tables"
            case .freeForm: "a table"
            }
        }
    }

    /// One field of a table.
    struct Field: Sendable {
        /// The key.
        let name: String
        /// What it holds.
        let type: FieldType
        /// True when the table is invalid without it.
        let isRequired: Bool

        /// A field called `name` holding `type`.
        init(_ name: String, _ type: FieldType, required: Bool = false) {
            self.name = name
            self.type = type
            self.isRequired = required
        }
    }

    /// The fields of one kind of table.
    struct Table: Sendable {
        /// The JSON schema's name for it (`EnvironmentConfig`).
        let name: String
        /// Its fields.
        let fields: [Field]

        /// The field called `key`.
        func field(_ key: String) -> Field? { fields.first { $0.name == key } }
        /// The names of every field.
        var fieldNames: [String] { fields.map(\.name) }
    }

    /// `schema_version` values Harbor has used for task.toml.
    static let knownSchemaVersions = ["1.0", "1.1", "1.2", "1.3", "1.4"]
    /// The schema version this table describes and harbor-scaffold writes.
    static let currentSchemaVersion = "1.4"
    /// The keys conventionally kept in `[metadata]`.
    static let conventionalMetadataKeys = ["author_name", "author_email", "difficulty", "category", "tags"]

    /// The values of `network_mode`.
    private static let networkModes = FieldType.enumeration(["no-network", "public", "allowlist"])

    static let author = Table(name: "Author", fields: [Field("name", .string, required: true), Field("email", .string)])

    static let package = Table(name: "PackageInfo", fields: [
        Field("name", .string, required: true), Field("version", .nonEmptyString), Field("description", .string),
        Field("authors", .tableList(author)), Field("keywords", .stringList),
    ])

    static let healthcheck = Table(name: "HealthcheckConfig", fields: [
        Field("command", .string, required: true), Field("interval_sec", .number), Field("timeout_sec", .number),
        Field("start_period_sec", .number), Field("start_interval_sec", .number), Field("retries", .integer),
    ])

    static let tpu = Table(name: "TpuSpec", fields: [
        Field("type", .nonEmptyString, required: true), Field("topology", .string, required: true),
    ])

    static let mcpServer = Table(name: "MCPServerConfig", fields: [
        Field("name", .string, required: true), Field("transport", .enumeration(["stdio", "sse", "streamable-http", "http"])),
        Field("url", .string), Field("command", .string), Field("args", .stringList), Field("headers", .stringMap),
    ])

    static let environment = Table(name: "EnvironmentConfig", fields: [
        Field("network_mode", networkModes), Field("allowed_hosts", .stringList), Field("build_timeout_sec", .number),
        Field("docker_image", .string), Field("os", .enumeration(["linux", "windows"])), Field("cpus", .number),
        Field("memory_mb", .integer), Field("storage_mb", .integer), Field("gpus", .integer), Field("gpu_types", .stringList),
        Field("tpu", .table(tpu)), Field("mcp_servers", .tableList(mcpServer)), Field("env", .stringMap),
        Field("skills_dir", .string), Field("healthcheck", .table(healthcheck)), Field("workdir", .string),
        Field("allow_internet", .boolean), Field("memory", .string), Field("storage", .string),
    ])

    static let agent = Table(name: "AgentConfig", fields: [
        Field("network_mode", networkModes), Field("allowed_hosts", .stringList), Field("timeout_sec", .number),
        Field("user", .stringOrInteger),
    ])

    static let collect = Table(name: "VerifierCollectConfig", fields: [
        Field("command", .string, required: true), Field("service", .string), Field("timeout_sec", .number),
        Field("user", .stringOrInteger),
    ])

    static let verifier = Table(name: "VerifierConfig", fields: [
        Field("network_mode", networkModes), Field("allowed_hosts", .stringList), Field("timeout_sec", .number),
        Field("env", .stringMap), Field("user", .stringOrInteger),
        Field("environment_mode", .enumeration(["shared", "separate"])), Field("environment", .table(environment)),
        Field("collect", .tableList(collect)),
    ])

    static let solution = Table(name: "SolutionConfig", fields: [Field("env", .stringMap)])

    static let artifact = Table(name: "ArtifactConfig", fields: [
        Field("source", .string, required: true), Field("destination", .string), Field("exclude", .stringList),
        Field("service", .string),
    ])

    static let step = Table(name: "StepConfig", fields: [
        Field("name", .string, required: true), Field("agent", .table(agent)), Field("verifier", .table(verifier)),
        Field("min_reward", .numberOrNumberMap), Field("healthcheck", .table(healthcheck)),
        Field("artifacts", .stringOrTableList(artifact)),
    ])

    /// The whole document.
    static let root = Table(name: "TaskConfig", fields: [
        Field("schema_version", .string), Field("task", .table(package)), Field("metadata", .freeForm),
        Field("verifier", .table(verifier)), Field("agent", .table(agent)), Field("environment", .table(environment)),
        Field("solution", .table(solution)), Field("source", .string),
        Field("multi_step_reward_strategy", .enumeration(["mean", "final"])), Field("steps", .tableList(step)),
        Field("artifacts", .stringOrTableList(artifact)), Field("version", .string),
    ])

    /// The top-level tables, for "belongs in [x]" suggestions.
    static let sections: [(name: String, table: Table)] = [
        ("task", package), ("verifier", verifier), ("agent", agent), ("environment", environment), ("solution", solution),
    ]
}

/// Visits every table of a parsed task.toml together with the schema it must follow.
enum TaskConfigWalker {
    /// One table of the document.
    struct Node {
        /// Where it is, for messages: `[environment]`, `[verifier.environment]`, `[[steps]] #2`.
        let label: String
        /// The schema it follows.
        let schema: HarborTaskSchema.Table
        /// Its contents.
        let table: TOMLTable
        /// Where it is written: its header, or the value of the key that holds it.
        let range: SourceRange?
    }

    /// Calls `visit` for the document and each nested table the schema describes, parents first.
    static func walk(_ document: TOMLTable, _ visit: (Node) -> Void) {
        walk(Node(label: "the top level", schema: HarborTaskSchema.root, table: document, range: nil), path: "", visit)
    }

    private static func walk(_ node: Node, path: String, _ visit: (Node) -> Void) {
        visit(node)
        for entry in node.table.entries {
            guard let field = node.schema.field(entry.key) else { continue }
            let childPath = path.isEmpty ? entry.key : path + "." + entry.key
            switch field.type {
            case .table(let schema):
                if let table = entry.value.tableValue {
                    walk(Node(label: "[\(childPath)]", schema: schema, table: table, range: entry.valueRange), path: childPath, visit)
                }
            case .tableList(let schema), .stringOrTableList(let schema):
                for (index, element) in (entry.value.arrayValue ?? []).enumerated() {
                    guard let table = element.tableValue else { continue }
                    let label = "[[\(childPath)]] #\(index + 1)"
                    let range = table.entries.first?.keyRange ?? entry.valueRange
                    walk(Node(label: label, schema: schema, table: table, range: range), path: childPath, visit)
                }
            default:
                continue
            }
        }
    }
}
