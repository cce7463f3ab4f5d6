/// Docker Compose's variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?message}`, `${VAR:+alt}`, `$$`) with the values Harbor supplies when it starts a task.
struct ComposeInterpolation {
    /// What a value becomes once its variables are substituted.
    enum Outcome: Equatable {
        /// Fully known text.
        case text(String)
        /// Text that depends on a host path Harbor chooses at run time (`${HOST_VERIFIER_LOGS_PATH}`).
        case runtimePath(variable: String)
        /// Text that depends on a variable nobody defines here: the host's environment decides.
        case hostDependent(variable: String)
    }

    /// Harbor's infrastructure variables that name host paths only known when a trial runs.
    static let runtimePathVariables: Set<String> = ["HOST_VERIFIER_LOGS_PATH", "HOST_AGENT_LOGS_PATH", "HOST_ARTIFACTS_PATH"]
    /// Harbor's other infrastructure variables: their values are Harbor's business, so they are kept
    /// as written (an image named by one is not judged).
    static let infrastructureVariables: Set<String> = [
        "MAIN_IMAGE_NAME", "PREBUILT_IMAGE_NAME", "CPUS", "MEMORY", "HARBOR_CONTAINER_NAME", "EGRESS_CONTROL_SIDECAR_IMAGE_NAME",
        "EGRESS_CONTROL_INITIAL_NETWORK_MODE", "EGRESS_CONTROL_INITIAL_ALLOWED_HOSTS", "ENV_VERIFIER_LOGS_PATH",
        "ENV_AGENT_LOGS_PATH", "ENV_ARTIFACTS_PATH",
    ]

    /// Known values: `CONTEXT_DIR` (the compose file's folder, as a task-relative path) and the
    /// literal values of task.toml's `[environment] env`.
    let values: [String: String]

    /// Interpolation for a compose file in `folder` (relative to the task), with the task's env values.
    init(folder: String, taskEnvironment: [String: String]) {
        var values = taskEnvironment.filter { !$0.value.contains("$") }
        values["CONTEXT_DIR"] = folder.isEmpty ? "." : folder
        self.values = values
    }

    /// `text` with its variables substituted.
    func interpolate(_ text: String) -> Outcome {
        guard text.contains("$") else { return .text(text) }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
                continue
            }
            let name: Substring
            var fallback: (operator: Substring, word: Substring)?
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else { return .text(result + "$" + rest) }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                let end = inner.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? inner.endIndex
                name = inner[..<end]
                let tail = inner[end...]
                for op in [":-", ":?", ":+", "-", "?", "+"] where tail.hasPrefix(op) {
                    fallback = (Substring(op), tail.dropFirst(op.count))
                    break
                }
                rest = rest[rest.index(after: close)...]
            } else {
                let startsName = rest.first.map { $0.isLetter || $0 == "_" } ?? false
                let end = startsName ? rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? rest.endIndex : rest.startIndex
                name = rest[..<end]
                rest = rest[end...]
                if name.isEmpty {
                    result += "$"
                    continue
                }
            }
            let variable = String(name)
            if Self.runtimePathVariables.contains(variable) { return .runtimePath(variable: variable) }
            let value = values[variable] ?? (Self.infrastructureVariables.contains(variable) ? "${\(variable)}" : nil)
            let word = String(fallback?.word ?? "")
            switch (value, fallback?.operator) {
            case (let value?, ":-"?) where !value.isEmpty: result += value
            case (_, ":-"?), (nil, "-"?): result += word
            case (let value?, ":+"?) where !value.isEmpty: result += word
            case (_?, "+"?): result += word
            case (_, ":+"?), (nil, "+"?): break
            case (let value?, _): result += value
            case (nil, _): return .hostDependent(variable: variable)
            }
        }
        return .text(result + rest)
    }
}
