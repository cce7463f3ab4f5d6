/// A `docker-compose.yaml` of a Harbor task, read into the parts the compose rules (T2xx) check.
///
/// Harbor reads `environment/docker-compose.yaml` (the agent's services, merged over its own
/// `main` service) and `tests/docker-compose.yaml` (a separate verifier's), and hands them to
/// `docker compose`; these rules read the same files without Docker.
struct ComposeFile {
    /// A structural problem docker compose would refuse, with where it is.
    struct Problem: Error {
        /// A sentence for users.
        let message: String
        /// Where it is.
        let range: SourceRange
    }

    /// One entry of `services:`.
    struct Service {
        /// The service name.
        let name: String
        /// The service's mapping.
        let node: YAMLNode
        /// The `volumes:` of the service, read in both syntaxes.
        let mounts: [ComposeMount]

        /// `services.<name>`, as findings name fields.
        var label: String { "services.\(name)" }
    }

    /// Keys docker compose accepts at the top level (besides `x-` extensions).
    static let topLevelKeys = ["version", "name", "services", "networks", "volumes", "configs", "secrets", "include", "models"]

    /// The file.
    let file: LintFile
    /// The file's folder, relative to the task (`environment`, `tests`, `steps/one/tests`).
    let folder: String
    /// Variable substitution as Harbor runs the file.
    let interpolation: ComposeInterpolation
    /// The services, in file order.
    let services: [Service]
    /// What docker compose would refuse.
    let problems: [Problem]

    /// True for the agent's compose file (`environment/docker-compose.yaml`).
    var isAgentEnvironment: Bool { folder == "environment" }

    /// Reads `root` (the parsed YAML of `file`).
    init(file: LintFile, root: YAMLNode, taskEnvironment: [String: String]) {
        self.file = file
        folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
        interpolation = ComposeInterpolation(folder: folder, taskEnvironment: taskEnvironment)
        var problems: [Problem] = []
        guard let top = root.mappingValue else {
            self.services = []
            self.problems = root.isNull ? [] : [Problem(message: "a compose file must be a mapping with a `services:` key", range: root.range)]
            return
        }
        for entry in top {
            guard let key = entry.key.stringValue, !key.hasPrefix("x-"), !Self.topLevelKeys.contains(key) else { continue }
            let guess = EditDistance.suggestion(for: key, among: Self.topLevelKeys).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(Problem(message: "unknown top-level key '\(key)'\(guess)", range: entry.key.range))
        }
        let localBinds = ComposeMount.localBindVolumes(root["volumes"], interpolation: interpolation)
        var services: [Service] = []
        if let node = root["services"], !node.isNull {
            if let entries = node.mappingValue {
                for entry in entries {
                    let name = entry.key.stringValue ?? "?"
                    guard entry.value.mappingValue != nil else {
                        problems.append(Problem(message: "service '\(name)' must be a mapping", range: entry.value.range))
                        continue
                    }
                    let (mounts, mountProblems) = ComposeMount.mounts(
                        of: entry.value, label: "services.\(name)", localBinds: localBinds, interpolation: interpolation)
                    problems += mountProblems
                    services.append(Service(name: name, node: entry.value, mounts: mounts))
                }
            } else {
                problems.append(Problem(message: "`services:` must be a mapping of service names to services", range: node.range))
            }
        }
        self.services = services
        self.problems = problems
    }

    /// Where a path written in the file (relative to its folder) lies, once interpolated.
    func locate(_ written: String) -> ComposePathLocation {
        ComposePathLocation(written, folder: folder, interpolation: interpolation)
    }
}

extension LintTarget {
    /// Compose files Harbor reads, relative to the task: the agent's, the verifier's, and each step's verifier's.
    static func isComposeFile(_ path: String) -> Bool {
        if path == "environment/docker-compose.yaml" || path == "tests/docker-compose.yaml" { return true }
        let parts = path.split(separator: "/")
        return parts.count == 4 && parts[0] == "steps" && parts[2] == "tests" && parts[3] == "docker-compose.yaml"
    }
}
