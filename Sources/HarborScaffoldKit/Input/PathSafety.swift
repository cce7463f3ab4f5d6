#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path checks that keep reads and writes inside a data point folder.
public enum PathSafety {
    /// The canonical absolute path of an existing file or folder (symlinks resolved), or `nil`.
    public static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when canonical `path` equals `folder` or lies below it.
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        if path == folder { return true }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(base)
    }

    /// True when `id` is usable as a single path component naming a data point: not empty, no `/`,
    /// `\`, NUL or `..`, not starting with `.` or `-`, and at most 255 bytes.
    public static func isSafeTaskID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 255, !id.contains(".."), let first = id.first,
            first != ".", first != "-"
        else { return false }
        return !id.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" || $0.isNewline })
    }
}
