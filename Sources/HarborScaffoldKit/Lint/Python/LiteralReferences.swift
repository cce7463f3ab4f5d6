/// What the string literals of test code point at: URLs and their hosts, files and endpoints.
/// f-string fields stay verbatim in literal values (`http://{APP_HOST}:8000/api`), so a host or
/// path segment written as a field is unknown and never judged.
enum LiteralReferences {
    /// The host and path of a URL literal (`https://api.example.com:443/v1?q` → `api.example.com`,
    /// `/v1?q`); nil when `value` is not a `scheme://…` URL or is a `file://` one.
    static func url(_ value: Substring) -> (host: Substring, path: Substring)? {
        guard let separator = value.firstRange(of: "://") else { return nil }
        let scheme = value[..<separator.lowerBound]
        guard !scheme.isEmpty, scheme.first?.isLetter == true,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }),
            scheme.lowercased() != "file"
        else { return nil }
        let rest = value[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<authorityEnd]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.first == "[", let close = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.firstIndex(of: ":") {
            host = host[..<colon]
        }
        return (host, rest[authorityEnd...])
    }

    /// True for a host the tests may reach from inside the container: loopback, `0.0.0.0`, a
    /// service name without dots (`redis`, `app`), or a host written as an f-string field.
    static func isLocalHost(_ host: Substring) -> Bool {
        let lower = host.lowercased()
        if lower.isEmpty || lower.contains("{") { return true }
        if lower == "localhost" || lower.hasSuffix(".localhost") || lower.hasPrefix("127.") { return true }
        if lower == "::1" || lower == "::" || lower == "0.0.0.0" { return true }
        return !lower.contains(".") && !lower.contains(":")
    }

    /// True when `value` is a bare host name or IP address with a dot (`pypi.org`, `8.8.8.8`).
    static func looksLikeHost(_ value: Substring) -> Bool {
        guard value.contains("."), !value.hasPrefix("."), !value.hasSuffix("."),
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
        else { return false }
        let labels = value.split(separator: ".")
        if labels.count == 4, labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return true }
        return labels.last?.allSatisfy(\.isLetter) == true && (labels.last?.count ?? 0) >= 2
    }

    /// Extensions that make a relative name a file the task works with (`report.json`).
    private static let fileExtensions: Set<Substring> = [
        "json", "jsonl", "ndjson", "csv", "tsv", "txt", "log", "yaml", "yml", "toml", "ini", "cfg", "conf", "db",
        "sqlite", "sqlite3", "xml", "html", "md", "parquet", "py", "js", "ts", "go", "rs", "java", "sh", "sql",
        "env", "out", "pdf", "png", "jpg", "xlsx", "gz", "zip", "tar", "pem", "key", "crt",
    ]

    /// Top-level folders that are the system's or the verifier's, not the task's.
    private static let ignoredRoots: Set<Substring> = [
        "tests", "logs", "tmp", "dev", "proc", "sys", "usr", "bin", "sbin", "lib", "lib64", "solution", "oracle", "run",
    ]

    /// The file or endpoint a literal names, for comparison with the prompt: an absolute path
    /// (`/app/output.csv`, `/api/tenants` cut before a `{field}` or query), the path of a URL to
    /// a local host, or a relative file name with a known extension (`report.json`). Nil for
    /// prose, MIME types, module names, system paths and the verifier's own folders.
    static func referencedPath(_ value: String) -> Substring? {
        var text = Substring(value)
        if let parts = url(text) {
            guard isLocalHost(parts.host) else { return nil }
            text = parts.path
        } else if text.first == "{" {
            guard let close = text.firstIndex(of: "}") else { return nil }
            text = text[text.index(after: close)...]
            guard text.first == "/" else { return nil }
        }
        guard !text.contains(where: { $0.isWhitespace }) else { return nil }
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" || $0 == "%" || $0 == "{" || $0 == "<" }) {
            text = text[..<cut]
        }
        while text.count > 1, text.last == "/" { text = text.dropLast() }
        guard text.allSatisfy(isPathCharacter) else { return nil }
        if text.first == "/" {
            guard text.count >= 2, !text.hasPrefix("//") else { return nil }
            let root = text.dropFirst().prefix { $0 != "/" }
            return ignoredRoots.contains(root) ? nil : text
        }
        guard let dot = text.lastIndex(of: "."), text.first?.isLetter == true || text.first?.isNumber == true,
            fileExtensions.contains(text[text.index(after: dot)...].lowercased()[...]), !text.hasPrefix("tests/"),
            !text.contains(":"), !text.contains("@")
        else { return nil }
        return text
    }

    /// Characters of file paths and URL paths (not of regexes, format strings or prose).
    private static func isPathCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "/._-~+@:=,".contains(character))
    }

    /// True when `path` (from ``referencedPath(_:)``) names a file rather than a folder or endpoint.
    static func isFile(_ path: Substring) -> Bool {
        let last = path.split(separator: "/").last ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return false }
        return fileExtensions.contains(last[last.index(after: dot)...].lowercased()[...])
    }
}
