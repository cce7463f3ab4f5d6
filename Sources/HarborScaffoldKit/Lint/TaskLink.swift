#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A symbolic link inside a task folder, and where it leads.
public struct TaskLink: Sendable, Equatable {
    /// Where a link leads.
    public enum Destination: Sendable, Equatable {
        /// A path inside the task folder (relative to it; `""` for the folder itself).
        case inside(String)
        /// Somewhere outside the task folder.
        case outside
        /// Nowhere: the destination does not exist, or links form a cycle.
        case broken
    }

    /// The link's path, relative to the task folder.
    public let path: String
    /// The destination as the link stores it (`readlink`).
    public let target: String
    /// Where the link leads.
    public let destination: Destination

    /// Creates a link.
    public init(path: String, target: String, destination: Destination) {
        self.path = path
        self.target = target
        self.destination = destination
    }

    /// The link at `path` (relative to the task folder `root`) as it is on disk, or `nil` when the
    /// path is not a symbolic link.
    static func read(_ path: String, root: String) -> TaskLink? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(root + "/" + path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let resolved = PathSafety.resolve(root + "/" + path) else {
            // Missing here, but a target outside the task may exist elsewhere: it is outside either way.
            return TaskLink(path: path, target: target, destination: join(target, toLinkAt: path) == nil ? .outside : .broken)
        }
        guard let canonicalRoot = PathSafety.resolve(root), PathSafety.isInside(resolved, canonicalRoot) else {
            return TaskLink(path: path, target: target, destination: .outside)
        }
        let relative = resolved == canonicalRoot ? "" : String(resolved.dropFirst(canonicalRoot.count + 1))
        return TaskLink(path: path, target: target, destination: .inside(relative))
    }

    /// Resolves in-memory links (path → stored target) against the files `entries` without touching
    /// the disk: targets are joined to the link's folder, links on the way are followed (a cycle or
    /// more than 40 hops is broken), and a destination is broken when no entry is it or lies below it.
    static func resolve(_ links: [String: String], entries: [String]) -> [TaskLink] {
        var existing: Set<String> = [""]
        for entry in entries + links.keys {
            var parts = entry.split(separator: "/")
            while !parts.isEmpty {
                existing.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        func follow(_ path: String, hops: Int) -> Destination {
            guard hops <= 40 else { return .broken }
            let components = path.split(separator: "/")
            for index in components.indices {
                let prefix = components[...index].joined(separator: "/")
                guard let target = links[prefix] else { continue }
                guard let joined = join(target, toLinkAt: prefix) else { return .outside }
                let next = ([joined] + components[(index + 1)...].map(String.init)).filter { !$0.isEmpty }.joined(separator: "/")
                return follow(next, hops: hops + 1)
            }
            return existing.contains(path) ? .inside(path) : .broken
        }
        return links.keys.sorted().map { path in
            TaskLink(path: path, target: links[path] ?? "", destination: follow(path, hops: 0))
        }
    }

    /// Where `target`, stored in the link at task path `path`, leads without following further
    /// links: a task-relative path (`""` for the task folder), or `nil` when it leaves the task.
    private static func join(_ target: String, toLinkAt path: String) -> String? {
        guard !target.hasPrefix("/") else { return nil }
        let parent = path.split(separator: "/").dropLast().joined(separator: "/")
        let joined = ContainerPath.join(parent.isEmpty ? "." : parent, target)
        if joined == ".." || joined.hasPrefix("../") { return nil }
        return joined == "." ? "" : joined
    }
}

