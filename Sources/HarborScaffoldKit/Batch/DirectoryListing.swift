#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a folder listing.
struct DirectoryEntry: Sendable {
    /// The entry's name.
    let name: String
    /// True for a folder (not a link to one).
    let isFolder: Bool
    /// True for a symbolic link.
    let isLink: Bool
}

/// Folder listings straight from `readdir`, without Foundation: the batch run lists one folder per
/// data point, so this is on its hot path.
enum DirectoryListing {
    /// The entries of `path` (without `.` and `..`), unsorted; `nil` when it cannot be listed.
    static func entries(_ path: String) -> [DirectoryEntry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                if lstat(path + "/" + name, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFLNK: type = Int32(DT_LNK)
                    default: type = Int32(DT_REG)
                    }
                }
            }
            result.append(DirectoryEntry(name: name, isFolder: type == Int32(DT_DIR), isLink: type == Int32(DT_LNK)))
        }
        return result
    }
}
