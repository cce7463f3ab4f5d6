#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes generated files into an output folder without ever losing a builder's work:
/// untouched files are regenerated, edited ones are kept (the new version goes beside them as
/// `.new`) unless forced, every write is staged and renamed into place, and a failure rolls back.
public struct ScaffoldWriter: Sendable {
    /// The output folder (absolute).
    public let root: String

    /// Creates a writer for `root`.
    public init(root: String) { self.root = root }

    private struct Planned {
        let file: GeneratedFile
        let destination: String
        let action: FileAction
        let previous: [UInt8]?
        let sidePath: String?
    }

    /// Applies `files` (or with `dryRun`, only reports with diffs) and records `manifest` with the
    /// hashes of what was generated.
    public func apply(
        _ files: [GeneratedFile], manifest: Manifest, force: Bool, dryRun: Bool
    ) throws(ScaffoldError) -> [FileChange] {
        var info = stat()
        let rootExisted = stat(root, &info) == 0
        if !dryRun { try createFolder(root) }
        let base = PathSafety.resolve(root) ?? root
        let stateFolder = base + "/.harbor-scaffold"
        let stateExisted = lstat(stateFolder, &info) == 0
        let lock = dryRun ? nil : try FolderLock.acquire(try prepareStateFolder(base) + "/lock")
        var succeeded = dryRun
        defer {
            lock?.release()
            if !succeeded {
                if !stateExisted { rmdir(stateFolder) }
                if !rootExisted { rmdir(base) }
            }
        }
        let previous = readManifest(base)
        var planned: [Planned] = []
        for file in files { planned.append(try plan(file, base: base, previous: previous, force: force)) }
        if dryRun {
            return planned.map { entry in
                let old = entry.previous.map { String(decoding: $0, as: UTF8.self) } ?? ""
                let diff = LineDiff.unified(
                    old: old, new: entry.file.content, oldName: entry.previous == nil ? "/dev/null" : entry.file.path,
                    newName: entry.sidePath ?? entry.file.path)
                return FileChange(path: entry.file.path, action: entry.action, sidePath: entry.sidePath, diff: diff)
            }
        }
        var recorded = previous?.files ?? [:]
        for entry in planned where entry.action != .keptEdited { recorded[entry.file.path] = SHA256.hex(entry.file.content) }
        var newManifest = manifest
        newManifest.files = recorded.filter { path, _ in files.contains { $0.path == path } }
        let manifestFile = GeneratedFile(path: Manifest.relativePath, content: newManifest.json)
        let writes = planned.filter { $0.action != .unchanged }.map { ($0.file, $0.destination, $0.previous) }
            + [(manifestFile, base + "/" + Manifest.relativePath, nil as [UInt8]?)]
        try commit(writes)
        succeeded = true
        return planned.map { FileChange(path: $0.file.path, action: $0.action, sidePath: $0.sidePath, diff: nil) }
    }

    private func plan(_ file: GeneratedFile, base: String, previous: Manifest?, force: Bool) throws(ScaffoldError) -> Planned {
        let target = try safeTarget(file.path, base: base)
        guard let current = try existingBytes(target, shown: file.path) else {
            return Planned(file: file, destination: target, action: .created, previous: nil, sidePath: nil)
        }
        if current.elementsEqual(file.content.utf8) {
            return Planned(file: file, destination: target, action: .unchanged, previous: current, sidePath: nil)
        }
        if force {
            return Planned(file: file, destination: target, action: .overwritten, previous: current, sidePath: nil)
        }
        if let recorded = previous?.files[file.path], recorded == SHA256.hex(current) {
            return Planned(file: file, destination: target, action: .updated, previous: current, sidePath: nil)
        }
        let side = file.path + ".new"
        let sideTarget = try safeTarget(side, base: base)
        return Planned(file: file, destination: sideTarget, action: .keptEdited, previous: current, sidePath: side)
    }

    /// The absolute target for a relative path, refusing anything that could leave `base`.
    private func safeTarget(_ relative: String, base: String) throws(ScaffoldError) -> String {
        let parts = relative.split(separator: "/")
        guard !relative.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw ScaffoldError("refusing to write '\(relative)': not a plain relative path")
        }
        var folder = base
        for part in parts.dropLast() {
            folder += "/" + part
            var info = stat()
            if lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                throw ScaffoldError("refusing to write through symbolic link '\(folder)'")
            }
        }
        return base + "/" + relative
    }

    private func existingBytes(_ path: String, shown: String) throws(ScaffoldError) -> [UInt8]? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw ScaffoldError("'\(shown)' is a symbolic link; refusing to replace it")
        case S_IFREG: break
        default: throw ScaffoldError("'\(shown)' exists and is not a regular file")
        }
        do {
            return try TextFileReader(sizeLimit: 64 << 20).readBytes(path, shown: shown)
        } catch {
            throw ScaffoldError("cannot read '\(shown)': \(error.message)")
        }
    }

    private func readManifest(_ base: String) -> Manifest? {
        guard let source = try? TextFileReader().read(base + "/" + Manifest.relativePath) else { return nil }
        return Manifest.parse(source.text)
    }

    private func prepareStateFolder(_ base: String) throws(ScaffoldError) -> String {
        let folder = base + "/.harbor-scaffold"
        var info = stat()
        if lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw ScaffoldError("refusing to use '\(folder)': it is a symbolic link")
        }
        try createFolder(folder)
        return folder
    }

    private func createFolder(_ path: String) throws(ScaffoldError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw ScaffoldError("'\(path)' exists and is not a folder") }
            return
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty { try createFolder(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw ScaffoldError("cannot create folder '\(path)': \(TextFileReader.describe(errno))")
        }
    }

    /// Stages every file as a temporary beside its destination, then renames them all into place;
    /// on any failure removes the temporaries and restores what was already replaced.
    private func commit(_ writes: [(GeneratedFile, String, [UInt8]?)]) throws(ScaffoldError) {
        var staged: [(temporary: String, destination: String, previous: [UInt8]?, existed: Bool)] = []
        do throws(ScaffoldError) {
            for (index, (file, destination, previous)) in writes.enumerated() {
                let folder = String(destination[..<(destination.lastIndex(of: "/") ?? destination.endIndex)])
                try createFolder(folder)
                let temporary = folder + "/.hs-tmp-\(getpid())-\(index)"
                try writeFile(temporary, Array(file.content.utf8), executable: file.executable)
                var info = stat()
                staged.append((temporary, destination, previous, lstat(destination, &info) == 0))
            }
        } catch {
            for entry in staged { unlink(entry.temporary) }
            throw error
        }
        var renamed: [(destination: String, previous: [UInt8]?, existed: Bool)] = []
        for entry in staged {
            if rename(entry.temporary, entry.destination) != 0 {
                let reason = TextFileReader.describe(errno)
                for done in renamed.reversed() {
                    if done.existed, let old = done.previous { try? writeFile(done.destination, old, executable: false) } else { unlink(done.destination) }
                }
                for pending in staged { unlink(pending.temporary) }
                throw ScaffoldError("cannot write '\(entry.destination)': \(reason); nothing was changed")
            }
            renamed.append((entry.destination, entry.previous, entry.existed))
        }
    }

    private func writeFile(_ path: String, _ bytes: [UInt8], executable: Bool) throws(ScaffoldError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard fd >= 0 else { throw ScaffoldError("cannot write '\(path)': \(TextFileReader.describe(errno))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in write(fd, buffer.baseAddress! + written, buffer.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = TextFileReader.describe(errno)
                unlink(path)
                throw ScaffoldError("cannot write '\(path)': \(reason)")
            }
            written += count
        }
        if executable { fchmod(fd, 0o755) }
        fsync(fd)
    }
}
