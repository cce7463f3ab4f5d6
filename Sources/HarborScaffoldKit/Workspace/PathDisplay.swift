import Foundation

/// Turns paths into what users see: relative to the current directory when below it.
public enum PathDisplay {
    /// `path` made absolute against `base` and standardised (no `.` or `..`).
    public static func absolute(_ path: String, relativeTo base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// `path` relative to `base` when it lies below it, else unchanged.
    public static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
