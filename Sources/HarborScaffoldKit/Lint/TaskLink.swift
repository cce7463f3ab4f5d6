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
            let parent = path.split(separator: "/").dropLast().joined(separator: "/")
            let joined = target.hasPrefix("/") ? target : ContainerPath.join(parent.isEmpty ? "." : parent, target)
            let leaves = joined.hasPrefix("/") || joined == ".." || joined.hasPrefix("../")
            return TaskLink(path: path, target: target, destination: leaves ? .outside : .broken)
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
            var resolved: [Substring] = []
            for component in path.split(separator: "/") {
                resolved.append(component)
                let prefix = resolved.joined(separator: "/")
                guard let target = links[prefix] else { continue }
                let parent = resolved.dropLast().joined(separator: "/")
                let joined = target.hasPrefix("/") ? target : ContainerPath.join(parent.isEmpty ? "." : parent, target)
                let rest = path.split(separator: "/").dropFirst(resolved.count).joined(separator: "/")
                let next = rest.isEmpty ? joined : joined + "/" + rest
                if next.hasPrefix("/") || next == ".." || next.hasPrefix("../") { return .outside }
                return follow(ContainerPath.normalize(next) == "." ? "" : ContainerPath.normalize(next), hops: hops + 1)
            }
            return existing.contains(path) ? .inside(path) : .broken
        }
        return links.keys.sorted().map { path in
            let target = links[path] ?? ""
            let parent = path.split(separator: "/").dropLast().joined(separator: "/")
            let joined = target.hasPrefix("/") ? target : ContainerPath.join(parent.isEmpty ? "." : parent, target)
            if joined.hasPrefix("/") || joined == ".." || joined.hasPrefix("../") {
                return TaskLink(path: path, target: target, destination: .outside)
            }
            return TaskLink(path: path, target: target, destination: follow(joined == "." ? "" : joined, hops: 1))
        }
    }
}
