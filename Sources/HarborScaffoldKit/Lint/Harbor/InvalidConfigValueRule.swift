/// T103: a task.toml value of the wrong type, outside its allowed values, or contradicting another.
struct InvalidConfigValueRule: LintRule {
    static let description = RuleDescription(
        id: "T103", name: "invalid-config-value", title: "A task.toml value is invalid", severity: .error,
        rationale: """
            Harbor validates task.toml against schema 1.4 when it loads the task: `network_mode = \
            "none"`, a `name` that is not `org/name`, `allowed_hosts` without `network_mode = \
            "allowlist"` or a verifier environment with `environment_mode = "shared"` make the task fail \
            to load, and `harbor lint` names only the field. Other values load but are wrong: a number \
            written as a string (Harbor coerces it; the schema and other readers do not), a negative or \
            zero timeout, an unknown schema_version.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "[verifier]\ntimeout_sec = \"600\"\n"]),
            RuleExample(files: ["task.toml": "[environment]\nnetwork_mode = \"none\"\n"]),
            RuleExample(files: ["task.toml": "[task]\nname = \"parser-fix\"\n"]),
            RuleExample(files: ["task.toml": "[agent]\ntimeout_sec = -1\n"]),
            RuleExample(files: ["task.toml": "schema_version = \"2.0\"\n"]),
            RuleExample(files: ["task.toml": "[verifier]\nenvironment_mode = \"shared\"\n[verifier.environment]\ncpus = 2\n"]),
            RuleExample(files: ["task.toml": "[environment]\nallowed_hosts = [\"pypi.org\"]\n"]),
            RuleExample(files: ["task.toml": "[environment.env]\nDEBUG = 1\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "task.toml": """
                    schema_version = "1.4"
                    [task]
                    name = "acme/parser-fix.v2"
                    authors = [{ name = "Ada", email = "ada@example.com" }]
                    [verifier]
                    timeout_sec = 600
                    environment_mode = "separate"
                    user = 1000
                    [environment]
                    build_timeout_sec = 300.0
                    os = "Linux"
                    cpus = 1.5
                    memory_mb = 4096.0
                    network_mode = "allowlist"
                    allowed_hosts = ["pypi.org", "*.pythonhosted.org", "10.0.0.0/8"]
                    """,
            ]),
            RuleExample(files: ["task.toml": "artifacts = [\"/app/out\", { source = \"/var/log/app\", destination = \"logs/app\" }]\n"]),
        ])

    /// A finding before it is reported.
    typealias Problem = (message: String, range: SourceRange?, hint: String)

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, document) = target.parsedTaskConfig else { return }
        var problems: [Problem] = []
        TaskConfigWalker.walk(document) { node in
            for field in node.schema.fields where field.isRequired && node.table[field.name] == nil {
                problems.append((
                    "\(node.label) is missing the required field '\(field.name)'", node.range,
                    "add `\(field.name) = …`; Harbor cannot load the task without it"))
            }
            for entry in node.table.entries {
                guard let field = node.schema.field(entry.key) else { continue }
                if let problem = Self.typeProblem(entry, field, in: node) {
                    problems.append(problem)
                } else {
                    problems += Self.valueProblems(entry, in: node)
                }
            }
            problems += Self.consistencyProblems(node)
        }
        for problem in problems {
            sink.report(problem.message, in: file, at: problem.range, hint: problem.hint)
        }
    }

    // MARK: - Types

    /// The problem when `entry` does not hold what `field` requires.
    static func typeProblem(
        _ entry: TOMLTable.Entry, _ field: HarborTaskSchema.Field, in node: TaskConfigWalker.Node
    ) -> Problem? {
        let value = entry.value
        let place = "'\(entry.key)' in \(node.label)"
        switch field.type {
        case .enumeration(let allowed):
            guard let text = value.stringValue else { break }
            // Harbor lower-cases `os` before checking it.
            let candidate = entry.key == "os" ? text.lowercased() : text
            if allowed.contains(candidate) { return nil }
            let guess = EditDistance.suggestion(for: text, among: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
            return (
                "\(place) must be \(field.type.phrase), not \"\(text)\"" + guess, entry.valueRange,
                "use one of the values schema \(HarborTaskSchema.currentSchemaVersion) allows")
        case .stringMap:
            guard let table = value.tableValue else { break }
            for item in table.entries where item.value.stringValue == nil {
                return (
                    "\(place) must map names to strings, but '\(item.key)' is \(article(item.value.typeName))", item.valueRange,
                    "quote the value: \(item.key) = \"…\"")
            }
            return nil
        case .numberOrNumberMap:
            if value.doubleValue != nil { return nil }
            guard let table = value.tableValue else { break }
            for item in table.entries where item.value.doubleValue == nil {
                return (
                    "\(place) must map reward names to numbers, but '\(item.key)' is \(article(item.value.typeName))",
                    item.valueRange, "write a number, e.g. \(item.key) = 0.5")
            }
            return nil
        default:
            if matches(value, field.type) { return nil }
        }
        return (
            "\(place) must be \(field.type.phrase), not \(article(value.typeName))", entry.valueRange,
            hint(for: field.type, value))
    }

    /// True when `value` has the shape of `type` (enumerations and maps are checked by the caller).
    static func matches(_ value: TOMLValue, _ type: HarborTaskSchema.FieldType) -> Bool {
        switch type {
        case .string, .nonEmptyString, .enumeration: return value.stringValue != nil
        case .number: return value.doubleValue != nil
        case .integer:
            if value.intValue != nil { return true }
            if case .float(let number) = value { return number.isFinite && number.rounded() == number }
            return false
        case .boolean: return value.boolValue != nil
        case .stringOrInteger: return value.stringValue != nil || value.intValue != nil
        case .stringList: return value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false
        case .stringMap, .table, .freeForm: return value.tableValue != nil
        case .numberOrNumberMap: return value.doubleValue != nil || value.tableValue != nil
        case .tableList: return value.arrayValue?.allSatisfy { $0.tableValue != nil } ?? false
        case .stringOrTableList: return value.arrayValue?.allSatisfy { $0.stringValue != nil || $0.tableValue != nil } ?? false
        }
    }

    /// How to write a value of `type` instead of `value`.
    private static func hint(for type: HarborTaskSchema.FieldType, _ value: TOMLValue) -> String {
        switch type {
        case .number, .integer:
            if let text = value.stringValue, Double(text) != nil { return "remove the quotes: write \(text), not \"\(text)\"" }
            return "write a bare number, e.g. 600"
        case .string, .nonEmptyString: return "quote the value"
        case .stringList: return "write an array of quoted strings, e.g. [\"a\", \"b\"]"
        case .table, .tableList: return "write it as a [table] or an inline { key = value } table"
        default: return "write \(type.phrase)"
        }
    }

    private static func article(_ typeName: String) -> String {
        (["array", "integer"].contains(typeName) ? "an " : "a ") + typeName
    }

    // MARK: - Values

    private static let timeoutKeys: Set<String> = ["timeout_sec", "build_timeout_sec"]
    private static let nonNegativeKeys: Set<String> = [
        "interval_sec", "start_period_sec", "start_interval_sec", "cpus", "memory_mb", "storage_mb", "gpus", "retries",
    ]

    /// Problems with a well-typed value.
    static func valueProblems(_ entry: TOMLTable.Entry, in node: TaskConfigWalker.Node) -> [Problem] {
        let place = "'\(entry.key)' in \(node.label)"
        let key = entry.key
        if let number = entry.value.doubleValue {
            if !number.isFinite, timeoutKeys.contains(key) || nonNegativeKeys.contains(key) {
                return [("\(place) must be a finite number", entry.valueRange, "write a number of \(key.hasSuffix("_sec") ? "seconds" : "units")")]
            }
            if timeoutKeys.contains(key), number <= 0 {
                return [("\(place) must be positive; a timeout of \(format(number)) s stops the phase at once", entry.valueRange,
                         "use the number of seconds the phase may take, e.g. 600")]
            }
            if nonNegativeKeys.contains(key), number < 0 {
                return [("\(place) must not be negative", entry.valueRange, "use 0 or a positive number")]
            }
            return []
        }
        if let items = entry.value.arrayValue, key == "allowed_hosts" {
            for item in items.compactMap(\.stringValue) where !isHostPattern(item) {
                return [("\(place) must list host names, IP addresses or CIDR ranges, not \"\(item)\"", entry.valueRange,
                         "write only the host, e.g. \"pypi.org\" or \"*.pythonhosted.org\"")]
            }
            return []
        }
        guard let text = entry.value.stringValue else { return [] }
        switch (node.schema.name, key) {
        case ("TaskConfig", "schema_version"), ("TaskConfig", "version"):
            guard !HarborTaskSchema.knownSchemaVersions.contains(text) else { return [] }
            return [("\(place) is \"\(text)\", which is not a task.toml schema version Harbor knows", entry.valueRange,
                     "write schema_version = \"\(HarborTaskSchema.currentSchemaVersion)\"")]
        case ("PackageInfo", "name"):
            guard !isOrgName(text) else { return [] }
            return [("\(place) must be 'org/name' (letters, digits, '.', '_' and '-', no '..'), not \"\(text)\"", entry.valueRange,
                     "write e.g. name = \"acme/\(text.isEmpty || text.contains("/") ? "task-name" : text)\"")]
        case (_, "version") where text.isEmpty, ("TpuSpec", "type") where text.isEmpty:
            return [("\(place) must not be empty", entry.valueRange, "write a value or remove the key")]
        case ("TpuSpec", "topology"):
            guard !isTopology(text) else { return [] }
            return [("\(place) must be dimensions like \"2x4\" or \"2x2x1\", not \"\(text)\"", entry.valueRange,
                     "write positive integers separated by 'x'")]
        case ("ArtifactConfig", "source"):
            guard pathComponents(text).contains("..") else { return [] }
            return [("\(place) must not contain '..'", entry.valueRange, "name the container path directly")]
        case ("ArtifactConfig", "destination"):
            guard let problem = destinationProblem(text) else { return [] }
            return [("\(place) \(problem)", entry.valueRange, "use a relative path inside the trial's artifacts folder")]
        default:
            return []
        }
    }

    // MARK: - Fields that depend on each other

    /// Problems between fields of one table (allowlist, verifier mode, MCP transport, artifact service) or
    /// across the document (artifact paths, step names).
    static func consistencyProblems(_ node: TaskConfigWalker.Node) -> [Problem] {
        var problems: [Problem] = []
        let table = node.table
        if let hosts = table.entry(for: "allowed_hosts"), hosts.value.arrayValue != nil,
            ["EnvironmentConfig", "AgentConfig", "VerifierConfig"].contains(node.schema.name),
            table["network_mode"]?.stringValue != "allowlist"
        {
            problems.append((
                "'allowed_hosts' in \(node.label) only applies with network_mode = \"allowlist\"", hosts.keyRange,
                "add network_mode = \"allowlist\" to \(node.label), or remove allowed_hosts"))
        }
        switch node.schema.name {
        case "VerifierConfig":
            if table["environment_mode"]?.stringValue == "shared", let environment = table.entry(for: "environment") {
                problems.append((
                    "\(node.label) sets environment_mode = \"shared\" but also defines a verifier environment", environment.keyRange,
                    "set environment_mode = \"separate\", or remove the verifier environment"))
            }
        case "MCPServerConfig":
            let transport = table["transport"]?.stringValue ?? "sse"
            if transport == "stdio", table["command"] == nil {
                problems.append(("\(node.label) uses transport \"stdio\" without a 'command'", node.range, "add command = \"…\""))
            } else if transport != "stdio", table["url"] == nil {
                problems.append(("\(node.label) uses transport \"\(transport)\" without a 'url'", node.range, "add url = \"https://…\""))
            }
        case "ArtifactConfig":
            if let service = table["service"]?.stringValue, service != "main", let source = table.entry(for: "source"),
                let path = source.value.stringValue, !path.hasPrefix("/")
            {
                problems.append((
                    "'source' in \(node.label) must be an absolute path when collected from service '\(service)'",
                    source.valueRange, "write the full container path, e.g. /var/log/\(service)"))
            }
        case "TaskConfig":
            problems += artifactStringProblems(table)
            problems += duplicateStepNames(table)
        default:
            break
        }
        return problems
    }

    private static func artifactStringProblems(_ document: TOMLTable) -> [Problem] {
        var lists: [TOMLTable.Entry] = []
        if let entry = document.entry(for: "artifacts") { lists.append(entry) }
        for step in (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue) {
            if let entry = step.entry(for: "artifacts") { lists.append(entry) }
        }
        var problems: [Problem] = []
        for list in lists {
            for source in (list.value.arrayValue ?? []).compactMap(\.stringValue) where pathComponents(source).contains("..") {
                problems.append(("artifact \"\(source)\" must not contain '..'", list.valueRange, "name the container path directly"))
            }
        }
        return problems
    }

    private static func duplicateStepNames(_ document: TOMLTable) -> [Problem] {
        var seen: Set<String> = []
        var problems: [Problem] = []
        for step in (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue) {
            guard let name = step.entry(for: "name"), let text = name.value.stringValue else { continue }
            if !seen.insert(text.lowercased()).inserted {
                problems.append(("step name \"\(text)\" is used twice", name.valueRange, "give every [[steps]] a unique name"))
            }
        }
        return problems
    }

    // MARK: - Formats

    /// `org/name`: two parts, each starting with a letter or digit, then letters, digits, `.`, `_`, `-`; no `..`.
    static func isOrgName(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !text.contains("..") else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, isASCIIAlphanumeric(first) else { return false }
            return part.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
        }
    }

    /// `NxM` or `NxMxK` with positive integers.
    static func isTopology(_ text: String) -> Bool {
        let parts = text.trimmingSpaces.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, first != "0" else { return false }
            return part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// A host name, wildcard host, IP address or CIDR range, roughly: no scheme, path beyond a CIDR suffix, port or blanks.
    static func isHostPattern(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.contains("://"), !trimmed.contains(" ") else { return false }
        if let slash = trimmed.firstIndex(of: "/") {
            return trimmed[trimmed.index(after: slash)...].allSatisfy { $0.isASCII && $0.isNumber }
        }
        // A colon is only valid in an IPv6 literal, which has at least two.
        return trimmed.filter { $0 == ":" }.count != 1
    }

    /// Why an artifact destination is rejected by Harbor, if it is.
    private static func destinationProblem(_ text: String) -> String? {
        if text.contains("\\") { return "must use '/' separators" }
        if text.hasPrefix("/") { return "must be a relative path" }
        if pathComponents(text).contains("..") { return "must not contain '..'" }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "manifest.json" { return "must not be 'manifest.json', which Harbor reserves" }
        return nil
    }

    private static func pathComponents(_ path: String) -> [Substring] {
        path.split(separator: "/")
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
