/// The name Harbor knows a task by: `<org>/<slug>`.
public enum HarborTaskName {
    /// The organisation used when `--org` is not given.
    public static let defaultOrg = "harbor-scaffold"

    /// True when `org` is a valid organisation in a Harbor package name: ASCII letters, digits,
    /// `.`, `_` and `-`, starting with a letter or digit, without `..`.
    public static func isValidOrg(_ org: String) -> Bool {
        guard let first = org.unicodeScalars.first, isAlphanumeric(first), !org.contains("..") else { return false }
        return org.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// The slug of a task id: lowercase, `_` as `-`, any other character outside `a-z 0-9 . -` as `-`,
    /// no `..`, starting with a letter or digit (`task` when nothing is left).
    public static func slug(_ taskID: String) -> String {
        var slug = ""
        for scalar in taskID.lowercased().unicodeScalars {
            let kept: Unicode.Scalar = isAlphanumeric(scalar) || scalar == "." || scalar == "-" ? scalar : "-"
            if kept == ".", slug.unicodeScalars.last == "." { continue }
            slug.unicodeScalars.append(kept)
        }
        while let first = slug.unicodeScalars.first, !isAlphanumeric(first) { slug.unicodeScalars.removeFirst() }
        return slug.isEmpty ? "task" : String(slug.prefix(120))
    }

    /// `org/slug` for `taskID`.
    public static func name(org: String, taskID: String) -> String { org + "/" + slug(taskID) }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

/// Decides the settings of a Harbor `task.toml` from the draft and its blueprints, and renders
/// `harbor/task.toml.tmpl`. Draft text reaches the file only through the template's `json` filter,
/// whose output is also a valid TOML basic string.
struct TaskConfigRenderer {
    let context: ScaffoldContext
    /// The organisation of the task's name.
    let org: String
    /// The non-root user the agent runs as.
    let agentUser: String
    /// The project folder in the agent's image, collected as the verifier's artifact.
    let workdir: String

    /// The pipeline's budget for building an image from a clean cache.
    static let buildTimeoutSeconds = 300
    /// How long the verifier may run.
    static let verifierTimeoutSeconds = 600
    /// test.sh stops pytest this much earlier, so that a reward is still written.
    static let pytestMarginSeconds = 60
    /// CPUs of the agent's and the verifier's containers.
    static let cpus = 2
    /// Memory for the runtime alone, by language family.
    static let baseMemory: [String: Int] = ["python": 2048, "node": 2048, "go": 2048, "rust": 4096, "java": 4096]
    /// Memory each service adds; services not listed add 512 MB.
    static let serviceMemory: [String: Int] = ["postgresql": 1024, "mysql": 1024, "mongodb": 1024, "redis": 256]

    /// The agent's time limit: more for harder tasks.
    var agentTimeoutSeconds: Int {
        switch InvalidDifficultyRule.level(of: context.draft.value(.difficulty)) {
        case "medium": 1800
        case "extremely hard": 5400
        default: 3600
        }
    }

    /// Memory of the containers: the runtime's plus each service's.
    var memoryMB: Int {
        let family = (context.selection.language ?? .python).family
        return (Self.baseMemory[family] ?? 2048) + context.selection.services.reduce(0) { $0 + (Self.serviceMemory[$1.id] ?? 512) }
    }

    /// The template variables of `task.toml.tmpl` (and the numbers `test.sh.tmpl` shares).
    var values: [String: TemplateValue] {
        let draft = context.draft
        let difficulty = draft.value(.difficulty)
        let category = draft.value(.category)
        let language: String
        switch Language.read(draft.value(.language)) {
        case .exact(let found), .loose(let found): language = found.rawValue
        case .unknown: language = draft.value(.language)
        }
        var values = context.common
        values.merge([
            "task_name": .trusted(HarborTaskName.name(org: org, taskID: context.taskID)),
            "keywords": .list(Self.items(draft, .keyTechnologies).map { .untrusted($0) }),
            "core_skills": .list(Self.items(draft, .coreSkillsTested).map { .untrusted($0) }),
            "difficulty": .untrusted(InvalidDifficultyRule.level(of: difficulty) ?? difficulty),
            "category": .untrusted(KnownCategories.isKnown(category) ? KnownCategories.normalise(category) : category),
            "language": .untrusted(language),
            "blueprint_list": .trusted("[" + context.selection.ids.map(TOMLEncoding.basicString).joined(separator: ", ") + "]"),
            "verifier_timeout": .trusted("\(Self.verifierTimeoutSeconds).0"),
            "pytest_timeout": .trusted(String(Self.verifierTimeoutSeconds - Self.pytestMarginSeconds)),
            "agent_timeout": .trusted("\(agentTimeoutSeconds).0"),
            "build_timeout": .trusted("\(Self.buildTimeoutSeconds).0"),
            "cpus": .trusted(String(Self.cpus)),
            "memory_mb": .trusted(String(memoryMB)),
            "agent_user": .trusted(agentUser),
            "workdir": .trusted(workdir),
        ]) { _, new in new }
        return values
    }

    /// Renders `task.toml`.
    func render(_ library: BlueprintLibrary) throws(BlueprintError) -> String {
        try library.render("harbor/task.toml.tmpl", values)
    }

    /// The items of a list field (Key Technologies, Core Skills Tested), on one line each.
    static func items(_ draft: DraftSpec, _ kind: DraftFieldKind) -> [String] {
        guard let field = draft.field(kind) else { return [] }
        return field.listItems(in: draft.source).map { SafeText.cleanLines($0.text).joined(separator: " ") }.filter { !$0.isEmpty }
    }
}
