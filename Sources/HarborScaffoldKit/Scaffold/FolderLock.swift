#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock file so two runs never write one data point at once. A lock left by a process
/// that no longer runs is taken over.
struct FolderLock {
    let path: String

    /// Takes the lock at `path` or explains who holds it.
    static func acquire(_ path: String) throws(ScaffoldError) -> FolderLock {
        for _ in 0..<2 {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                let pid = "\(getpid())\n"
                _ = pid.withCString { write(fd, $0, strlen($0)) }
                close(fd)
                return FolderLock(path: path)
            }
            guard errno == EEXIST else {
                throw ScaffoldError("cannot create lock \(path): \(TextFileReader.describe(errno))")
            }
            let holder = (try? TextFileReader().read(path))?.text.trimmingSpaces ?? ""
            if let pid = Int32(holder), pid > 0, kill(pid, 0) == 0 || errno == EPERM {
                throw ScaffoldError("another harbor-scaffold run (pid \(pid)) is writing this folder; lock: \(path)")
            }
            unlink(path)
        }
        throw ScaffoldError("cannot take lock \(path)")
    }

    /// Releases the lock.
    func release() { unlink(path) }
}
