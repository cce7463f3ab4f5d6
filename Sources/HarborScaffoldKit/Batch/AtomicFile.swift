#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes report and baseline files: atomically (a temporary beside the file, then `rename`), so a
/// reader never sees half a report, or by appending (`$GITHUB_STEP_SUMMARY`).
public enum AtomicFile {
    /// Replaces `path` with `text`.
    public static func write(_ text: String, to path: String) throws(UsageError) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).hs-tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw UsageError("cannot write '\(path)': \(TextFileReader.describe(errno))") }
        do throws(UsageError) {
            try writeAll(fd, Array(text.utf8), path: path)
            fsync(fd)
            close(fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = TextFileReader.describe(errno)
            unlink(temporary)
            throw UsageError("cannot write '\(path)': \(reason)")
        }
    }

    /// Appends `text` to `path`, creating it when missing.
    public static func append(_ text: String, to path: String) throws(UsageError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw UsageError("cannot write '\(path)': \(TextFileReader.describe(errno))") }
        defer { close(fd) }
        try writeAll(fd, Array(text.utf8), path: path)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(UsageError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in systemWrite(fd, buffer.baseAddress! + written, buffer.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UsageError("cannot write '\(path)': \(TextFileReader.describe(errno))")
            }
            written += count
        }
    }
}
