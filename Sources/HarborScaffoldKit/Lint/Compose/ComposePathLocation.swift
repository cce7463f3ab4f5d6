/// Where a host path written in a compose file lies once its variables are substituted: inside the
/// task (relative to the task folder), outside it, or somewhere only the host decides.
enum ComposePathLocation: Equatable {
    /// Inside the task, relative to the task folder (`""` for the task folder itself).
    case task(String)
    /// Outside the task folder: an absolute path, a path climbing out with `..` to a sibling, or `~`.
    case outside(String)
    /// A folder that holds the task folder (`..` from the task folder, or further up): outside it,
    /// and holding all of it.
    case enclosingTask(String)
    /// A host path Harbor picks when a trial runs (`${HOST_VERIFIER_LOGS_PATH}`).
    case runtime(variable: String)
    /// A path set by a variable that neither Harbor nor task.toml defines.
    case hostDependent(variable: String)

    /// Locates `written` (relative to the compose file's `folder`, itself relative to the task).
    init(_ written: String, folder: String, interpolation: ComposeInterpolation) {
        switch interpolation.interpolate(written) {
        case .runtimePath(let variable): self = .runtime(variable: variable)
        case .hostDependent(let variable): self = .hostDependent(variable: variable)
        case .text(let text):
            if text.hasPrefix("/") || text.hasPrefix("~") {
                self = .outside(text)
                return
            }
            let joined = ContainerPath.join(folder.isEmpty ? "." : folder, text)
            if joined.split(separator: "/").allSatisfy({ $0 == ".." }), joined.hasPrefix("..") {
                self = .enclosingTask(text)
            } else if joined.hasPrefix("../") {
                self = .outside(text)
            } else {
                self = .task(joined == "." ? "" : joined)
            }
        }
    }

    /// True for the task folder itself, or `tests/`, `solution/` or anything below them: what the
    /// agent must never see.
    var exposesGraderFiles: Bool {
        switch self {
        case .enclosingTask: return true
        case .task(let path): return path.isEmpty || ["tests", "solution"].contains { path == $0 || path.hasPrefix($0 + "/") }
        default: return false
        }
    }
}

extension LintTarget {
    /// A task path followed through the task's symbolic links: the path it really names, or the
    /// first link on the way that leads outside the task or nowhere.
    func followingLinks(_ path: String) -> (path: String?, link: TaskLink?) {
        var current = path
        for _ in 0..<40 {
            let components = current.split(separator: "/")
            guard let index = components.indices.first(where: { index in
                links.contains { $0.path == components[...index].joined(separator: "/") }
            }) else { return (current, nil) }
            let prefix = components[...index].joined(separator: "/")
            guard let link = links.first(where: { $0.path == prefix }), case .inside(let destination) = link.destination else {
                return (nil, links.first { $0.path == prefix })
            }
            let rest = components.dropFirst(index + 1).joined(separator: "/")
            current = [destination, rest].filter { !$0.isEmpty }.joined(separator: "/")
        }
        return (nil, nil)
    }
}
