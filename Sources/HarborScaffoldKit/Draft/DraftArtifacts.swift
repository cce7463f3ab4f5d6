/// Something a draft names that the tests will touch: an endpoint, a file, a command or a port.
public struct DraftArtifact: Sendable, Equatable, Hashable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable, Comparable {
        case endpoint, file, command, port

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.order < rhs.order }
        private var order: Int {
            switch self {
            case .endpoint: 0
            case .file: 1
            case .command: 2
            case .port: 3
            }
        }
    }

    /// What kind of thing it is.
    public let kind: Kind
    /// How the draft writes it, e.g. `POST /api/orders`, `reports/daily.csv`.
    public let text: String
}

/// Finds the endpoints, files, commands and ports a draft names, so the prompt names them too
/// (Harbor's "file_reference_mentioned").
public enum DraftArtifacts {
    static let extensions: Set<String> = [
        "py", "js", "mjs", "ts", "go", "rs", "java", "kt", "json", "yaml", "yml", "toml", "csv", "sql", "txt", "log",
        "cfg", "ini", "env", "sh", "md", "xml", "html", "parquet", "jsonl", "ndjson", "db", "sqlite", "conf", "lock",
    ]
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// The artifacts named in Instructions, Testing and Environment Setup, in first-appearance order
    /// within each kind, at most 24.
    public static func extract(from draft: DraftSpec) -> [DraftArtifact] {
        var found: [DraftArtifact] = []
        var seen = Set<DraftArtifact>()
        func add(_ kind: DraftArtifact.Kind, _ text: String) {
            let artifact = DraftArtifact(kind: kind, text: text)
            if seen.insert(artifact).inserted { found.append(artifact) }
        }
        for kind in [DraftFieldKind.instructions, .testing, .environmentSetup] {
            for line in draft.field(kind)?.value.split(separator: "\n") ?? [] {
                scan(line, add: add)
            }
        }
        let withMethod = Set(found.filter { $0.kind == .endpoint }.compactMap { $0.text.split(separator: " ").dropFirst().first.map(String.init) })
        found.removeAll { $0.kind == .endpoint && !$0.text.contains(" ") && withMethod.contains($0.text) }
        let ordered = found.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
        return Array(ordered.prefix(24))
    }

    private static func scan(_ line: Substring, add: (DraftArtifact.Kind, String) -> Void) {
        var rest = line[...]
        while let open = rest.firstIndex(of: "`") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "`") else { break }
            let code = String(rest[after..<close]).trimmingSpaces
            if !code.isEmpty, code.count <= 80 { add(code.contains(" ") ? .command : classify(code), code) }
            rest = rest[rest.index(after: close)...]
        }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "`" || $0 == "(" || $0 == ")" || $0 == "\"" || $0 == "'" })
        for (index, raw) in words.enumerated() {
            let word = trimPunctuation(raw)
            guard !word.isEmpty, word.count <= 120 else { continue }
            if methods.contains(word), index + 1 < words.count {
                let path = trimPunctuation(words[index + 1])
                if path.hasPrefix("/") { add(.endpoint, word + " " + path) }
                continue
            }
            if word.lowercased() == "port", index + 1 < words.count {
                let number = trimPunctuation(words[index + 1])
                if let value = Int(number), (1...65535).contains(value) { add(.port, "port \(value)") }
                continue
            }
            if word.hasPrefix("/"), word.count > 1, word.dropFirst().first?.isLetter == true, !word.contains("//") {
                add(isFile(word) ? .file : .endpoint, word)
            } else if isFile(word), !word.contains("://") {
                add(.file, word)
            }
        }
    }

    private static func classify(_ code: String) -> DraftArtifact.Kind {
        if code.hasPrefix("/") && !isFile(code) { return .endpoint }
        return isFile(code) ? .file : .command
    }

    private static func isFile(_ word: String) -> Bool {
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return false }
        let ext = word[word.index(after: dot)...].lowercased()
        let stem = word[..<dot]
        return extensions.contains(ext) && stem.contains(where: { $0.isLetter || $0.isNumber })
            && word.allSatisfy { $0.isLetter || $0.isNumber || "/._-{}:".contains($0) }
    }

    private static func trimPunctuation(_ word: Substring) -> String {
        var view = word
        while let last = view.last, ".,;:!?".contains(last) { view.removeLast() }
        while let first = view.first, ",;".contains(first) { view.removeFirst() }
        return String(view)
    }
}
