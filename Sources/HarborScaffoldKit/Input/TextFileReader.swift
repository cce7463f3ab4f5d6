#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads input files as text, refusing what is not text with a clear ``InputProblem``.
public struct TextFileReader: Sendable {
    /// Files larger than this many bytes are refused.
    public var sizeLimit: Int
    /// When set, a symbolic link is followed only if its target lies inside this folder.
    public var confinedTo: String?

    /// The default size limit: 1 MiB.
    public static let defaultSizeLimit = 1 << 20

    /// Creates a reader.
    public init(sizeLimit: Int = TextFileReader.defaultSizeLimit, confinedTo: String? = nil) {
        self.sizeLimit = sizeLimit
        self.confinedTo = confinedTo
    }

    /// Reads `path` (reported as `displayPath`) and returns its normalised text.
    public func read(_ path: String, displayPath: String? = nil) throws(InputProblem) -> SourceText {
        let shown = displayPath ?? path
        let bytes = try readBytes(path, shown: shown)
        return try Self.decode(bytes, path: shown)
    }

    /// Turns raw bytes into text, or says why they are not text.
    public static func decode(_ bytes: [UInt8], path: String) throws(InputProblem) -> SourceText {
        if let nul = bytes.firstIndex(of: 0) {
            throw InputProblem(
                .binary, path: path, message: "binary content (NUL byte at offset \(nul)); a draft must be UTF-8 text",
                line: lineNumber(of: nul, in: bytes))
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            throw InputProblem(
                .invalidUTF8, path: path,
                message: "not valid UTF-8 (invalid byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)); save the file as UTF-8",
                line: lineNumber(of: bad, in: bytes))
        }
        let source = SourceText(path: path, text: String(decoding: bytes, as: UTF8.self))
        if source.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            throw InputProblem(.empty, path: path, message: bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
        }
        return source
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes[..<offset] where byte == 0x0A { line += 1 }
        return line
    }

    /// Reads `path`'s bytes as they are on disk (size limit and link confinement apply).
    public func readBytes(_ path: String, shown: String) throws(InputProblem) -> [UInt8] {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw InputProblem(.unreadable, path: shown, message: "cannot read: \(Self.describe(errno))")
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            try checkLink(path, shown: shown)
            guard stat(path, &info) == 0 else {
                throw InputProblem(.unreadable, path: shown, message: "broken symbolic link")
            }
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputProblem(.unreadable, path: shown, message: "is a directory, not a file")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw InputProblem(.unreadable, path: shown, message: "not a regular file")
        }
        if Int(info.st_size) > sizeLimit {
            throw InputProblem(
                .tooLarge, path: shown,
                message: "file is \(info.st_size) bytes, over the \(sizeLimit)-byte limit")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw InputProblem(.unreadable, path: shown, message: "cannot open: \(Self.describe(errno))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while total < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputProblem(.unreadable, path: shown, message: "read failed: \(Self.describe(errno))")
            }
            if got == 0 { break }
            total += got
        }
        if total < bytes.count { bytes.removeLast(bytes.count - total) }
        return bytes
    }

    private func checkLink(_ path: String, shown: String) throws(InputProblem) {
        guard let root = confinedTo else { return }
        guard let target = PathSafety.resolve(path) else {
            throw InputProblem(.unreadable, path: shown, message: "broken symbolic link")
        }
        guard let base = PathSafety.resolve(root), PathSafety.isInside(target, base) else {
            throw InputProblem(
                .unreadable, path: shown,
                message: "symbolic link to '\(target)', outside the data point; refusing to follow it")
        }
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
