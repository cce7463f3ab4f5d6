import Foundation

/// Finds task folders below a path and reads them into ``LintTarget``s.
public enum LintTargetLoader {
    /// Folders never descended into.
    static let skipped: Set<String> = [".git", ".harbor-scaffold", "node_modules", ".build", "__pycache__", ".venv", "venv"]
    /// At most this many entries are listed per task folder.
    static let entryLimit = 5000

    /// The task folders at or below `folder`: the folder itself when it is one (plus a Harbor task in
    /// its `harbor/` subfolder), else every task folder found within `depth` levels, in path order.
    public static func discover(_ folder: String, depth: Int = 4) -> [String] {
        if TaskLayout.detect(Set(topLevel(folder))) != nil {
            let nested = folder + "/harbor"
            return TaskLayout.detect(Set(topLevel(nested))) == .harbor ? [folder, nested] : [folder]
        }
        guard depth > 0 else { return [] }
        return children(folder).flatMap { discover(folder + "/" + $0, depth: depth - 1) }
    }

    /// Reads the task folder `folder`, shown as `displayRoot`.
    public static func load(_ folder: String, displayRoot: String, stage: LintStage) -> LintTarget? {
        let (entries, links) = listing(folder)
        guard let layout = TaskLayout.detect(Set(entries)) else { return nil }
        let reader = TextFileReader(confinedTo: folder)
        var files: [String: LintFile] = [:]
        var problems: [Diagnostic] = []
        for path in entries where isLinted(path, layout: layout) {
            let shown = displayRoot.isEmpty ? path : displayRoot + "/" + path
            do {
                files[path] = LintFile(path: path, source: try reader.read(folder + "/" + path, displayPath: shown))
            } catch {
                if error.kind == .empty {
                    files[path] = LintFile(path: path, source: SourceText(path: shown, text: ""))
                } else {
                    problems.append(error.diagnostic)
                }
            }
        }
        return LintTarget(
            layout: layout, stage: stage, displayRoot: displayRoot, entries: entries, files: files, inputProblems: problems,
            links: links, absoluteRoot: folder)
    }

    /// Whether a file is read for linting in `layout`.
    static func isLinted(_ path: String, layout: TaskLayout) -> Bool {
        switch layout {
        case .builder:
            return ["prompt.md", "Dockerfile", "tests.py", "weights.json", ".dockerignore", "Dockerfile.dockerignore"].contains(path)
        case .harbor:
            if [
                "task.toml", "instruction.md", "environment/Dockerfile", "environment/.dockerignore",
                "environment/Dockerfile.dockerignore", "tests/test.sh", "tests/Dockerfile", "tests/weights.json", "solution/solve.sh",
            ].contains(path) {
                return true
            }
            return LintTarget.isComposeFile(path) || path.hasPrefix("tests/test_") && path.hasSuffix(".py") && !path.dropFirst(6).contains("/")
        }
    }

    private static func topLevel(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var result = names
        for sub in ["environment", "tests"] where names.contains(sub) {
            result += ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub)) ?? []).map { sub + "/" + $0 }
        }
        return result
    }

    private static func children(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { name in
            !skipped.contains(name) && WorkspaceLocator.isFolder(folder + "/" + name) && !isLink(folder + "/" + name)
        }.sorted()
    }

    private static func isLink(_ path: String) -> Bool {
        // lstat, not FileManager.attributesOfItem: that also looks up the owner's user and group names.
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Every file below `folder`, relative and sorted, skipping tool folders and not descending
    /// into links to folders; and every symbolic link met on the way, with where it leads.
    static func listing(_ folder: String) -> (entries: [String], links: [TaskLink]) {
        var result: [String] = []
        var links: [TaskLink] = []
        var pending = [""]
        while let relative = pending.popLast(), result.count < entryLimit {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                // One lstat per entry; only links (rare) cost more.
                var info = stat()
                guard lstat(folder + "/" + path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if !skipped.contains(name), !(relative.isEmpty && name == "harbor") { pending.append(path) }
                case S_IFLNK:
                    guard let link = TaskLink.read(path, root: folder) else { continue }
                    links.append(link)
                    if !WorkspaceLocator.isFolder(folder + "/" + path) { result.append(path) }
                default:
                    result.append(path)
                }
            }
        }
        return (result.sorted(), links.sorted { $0.path < $1.path })
    }
}
