/// D502: a field holds Dockerfile instructions.
struct DockerfileInstructionRule: DraftRule {
    static let description = RuleDescription(
        id: "D502", name: "dockerfile-instruction", title: "Draft contains Dockerfile instructions", severity: .error,
        rationale: """
            The pipeline's "Important Reminders": "No Implementation Details: Don't write actual code, \
            Dockerfiles, or test functions", and Environment Setup is a "High-level description of Docker \
            environment needed". The builder writes the Dockerfile.
            """,
        triggering: [
            DraftExample.with([
                .environmentSetup: "Built from these lines:\nFROM python:3.12-slim\nRUN pip install fastapi redis\nEXPOSE 8000",
            ]),
            DraftExample.with([.environmentSetup: "WORKDIR /app with FastAPI and Redis"]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI and Redis; fixtures need\nUSER root, to seed Redis, and\nCOPY . /src is used for the sources.",
            ]),
            DraftExample.with([.environmentSetup: "Python 3.12 with FastAPI and Redis.\n- `ENV RATE_LIMIT_WINDOW=60`"]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI and Redis.\nFROM the repository root the service starts with its defaults.\nRUN the migrations before the first request.\nUSER accounts are created per tenant by the fixtures.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI and Redis.\nCOPY the fixtures into place at build time.\nENTRYPOINT starts Uvicorn on port 8000.\nRun the migrations from the repository root.",
            ]),
        ])

    /// The argument an instruction takes.
    private enum Shape {
        case image, command, paths, directory, execOrCommand, variable, ports, user, argument, volume, label,
            healthcheck, exec, signal
    }

    private static let instructions: [(keyword: [UInt8], shape: Shape)] = ([
        ("FROM", .image), ("RUN", .command), ("COPY", .paths), ("ADD", .paths), ("WORKDIR", .directory),
        ("ENTRYPOINT", .execOrCommand), ("CMD", .execOrCommand), ("ENV", .variable), ("EXPOSE", .ports),
        ("USER", .user), ("ARG", .argument), ("VOLUME", .volume), ("LABEL", .label), ("HEALTHCHECK", .healthcheck),
        ("SHELL", .exec), ("STOPSIGNAL", .signal),
    ] as [(String, Shape)]).map { (Array($0.0.utf8), $0.1) }

    /// Base images written without a tag.
    private static let images: Set<String> = [
        "ubuntu", "debian", "alpine", "python", "node", "golang", "rust", "openjdk", "eclipse-temurin", "scratch",
        "busybox", "centos", "fedora", "nginx", "postgres", "redis", "mysql", "mongo", "amazonlinux", "ruby", "php",
        "gcc", "buildpack-deps", "maven", "gradle",
    ]

    /// Programs a RUN, CMD or ENTRYPOINT line starts with.
    private static let commands: Set<String> = [
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "pip", "pip3", "pipx", "python", "python3", "npm", "npx",
        "yarn", "pnpm", "node", "go", "cargo", "rustup", "curl", "wget", "git", "mkdir", "chmod", "chown", "useradd",
        "adduser", "groupadd", "addgroup", "cd", "echo", "rm", "cp", "mv", "ln", "tar", "unzip", "sh", "bash", "set",
        "export", "make", "gem", "bundle", "poetry", "uv", "corepack", "sed", "touch", "cat", "ls", "install",
        "update-ca-certificates", "locale-gen", "ldconfig", "mvn", "gradle", "java", "composer", "su", "sudo", "env",
        "gosu", "tini", "uvicorn", "gunicorn", "flask", "celery", "pytest", "supervisord", "nginx", "redis-server",
        "docker-entrypoint.sh",
    ]

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let bytes = draft.source.bytes
        for field in draft.fields {
            var run: [Range<Int>] = []
            for line in LineScan.proseLines(draft, field) {
                if Self.isInstruction(bytes, line) {
                    run.append(line)
                } else if !line.isEmpty {
                    report(run, field, draft, into: &sink)
                    run = []
                }
            }
            report(run, field, draft, into: &sink)
        }
    }

    private func report(_ run: [Range<Int>], _ field: DraftField, _ draft: DraftSpec, into sink: inout FindingSink) {
        guard let first = run.first, let last = run.last else { return }
        let start = LineScan.contentStart(draft.source.bytes, first)
        let more = run.count > 1 ? " and \(run.count - 1) more line\(run.count == 2 ? "" : "s")" : ""
        sink.report(
            "\(FlagContext.name(field)) contains the Dockerfile instruction '\(FlagContext.quote(draft, start..<first.upperBound, limit: 40))'\(more); drafts describe the environment, the builder writes the Dockerfile",
            at: draft.range(first.lowerBound..<last.upperBound),
            hint: "say what the environment needs in prose (base image, packages, services, ports)")
    }

    /// True when the line starts with an uppercase Dockerfile keyword followed by an argument of its shape.
    static func isInstruction(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        let start = LineScan.contentStart(bytes, line)
        var end = line.upperBound
        while end > start, bytes[end - 1] == UInt8(ascii: "`") || bytes[end - 1] == 0x20 { end -= 1 }
        var keywordEnd = start
        while keywordEnd < end, LineScan.isUpper(bytes[keywordEnd]) { keywordEnd += 1 }
        guard keywordEnd > start, keywordEnd < end, bytes[keywordEnd] == 0x20,
            let instruction = instructions.first(where: { keyword, _ in
                keyword.count == keywordEnd - start && LineScan.has(keyword, at: start, in: bytes, limit: keywordEnd)
            })
        else { return false }
        let argumentStart = LineScan.skipSpaces(bytes, from: keywordEnd, limit: end)
        guard argumentStart < end else { return false }
        return fits(instruction.shape, words(bytes, argumentStart..<end))
    }

    /// The words of an instruction's arguments (built only for lines that start with a keyword).
    private static func words(_ bytes: [UInt8], _ range: Range<Int>) -> [Substring] {
        String(decoding: bytes[range], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: true)
    }

    /// True when the leading `words` read as the arguments of an instruction of `shape`: `FROM the
    /// repository root` and `RUN the migrations` are prose, `USER root, to seed…` and `COPY . / …` are not.
    private static func fits(_ shape: Shape, _ words: [Substring]) -> Bool {
        let arguments = Array(words.drop { $0.hasPrefix("--") })
        guard let first = arguments.first else { return false }
        switch shape {
        case .image:
            guard isImage(first) else { return false }
            let tagged = first.contains(":") || first.contains("/") || first.contains("@")
            return tagged || arguments.count == 1 || (arguments.count == 3 && arguments[1].lowercased() == "as")
        case .command:
            return first.hasPrefix("[") || first.hasPrefix("./") || first.hasPrefix("/") || commands.contains(String(first))
        case .paths:
            return first.hasPrefix("[") || (arguments.count >= 2 && isPath(first) && isPath(arguments[1]))
        case .directory:
            return first.hasPrefix("/") || first.hasPrefix("$") || first.hasPrefix("~")
        case .execOrCommand:
            return first.hasPrefix("[") || first.hasPrefix("./") || first.hasPrefix("/") || commands.contains(String(first))
        case .variable:
            let name = first.prefix { $0 != "=" }
            guard isConstantName(name) else { return false }
            if name.count < first.count { return true }
            return arguments.count >= 2 && arguments[1].contains { $0 == "/" || $0 == "=" || $0 == "$" || $0.isNumber }
        case .ports:
            let port = first.prefix { $0 != "/" }
            return !port.isEmpty && port.allSatisfy(\.isNumber)
        case .user:
            let name = first.reversed().drop { ",.;".contains($0) }.reversed()
            guard !name.isEmpty, name.allSatisfy({ $0.isLowercase || $0.isNumber || "_-:".contains($0) }) else { return false }
            return arguments.count == 1 || systemUsers.contains(String(name))
                || name.contains { $0.isNumber || "_-:".contains($0) }
        case .argument:
            return isConstantName(first.prefix { $0 != "=" }) && (arguments.count == 1 || first.contains("="))
        case .volume:
            return first.hasPrefix("[") || first.hasPrefix("/")
        case .label:
            return first.contains("=") && !first.hasPrefix("=")
        case .healthcheck:
            return first == "CMD" || first == "NONE"
        case .exec:
            return first.hasPrefix("[")
        case .signal:
            return first.hasPrefix("SIG") || first.allSatisfy(\.isNumber)
        }
    }

    /// Accounts a `USER` line names even when prose follows.
    private static let systemUsers: Set<String> = [
        "root", "nobody", "node", "app", "appuser", "www-data", "postgres", "nonroot", "daemon", "worker", "service",
    ]

    /// `python:3.12-slim`, `ghcr.io/org/app@sha256:…`, or a known image name; lowercase.
    private static func isImage(_ word: Substring) -> Bool {
        guard word.allSatisfy({ $0.isLowercase || $0.isNumber || "._-/:@$".contains($0) }),
            word.first?.isLetter == true || word.first == "$"
        else { return false }
        return word.contains(":") || word.contains("/") || word.contains("@") || images.contains(String(word))
    }

    /// `.`, `./app`, `/src`, `requirements.txt`, `*.py`, `$HOME/x`.
    private static func isPath(_ word: Substring) -> Bool {
        word == "." || word.contains("/") || word.contains("*") || word.hasPrefix("$")
            || (word.contains(".") && word.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) })
    }

    /// `RATE_LIMIT`, `PYTHONUNBUFFERED`: uppercase letters, digits and underscores, two or more.
    private static func isConstantName(_ name: Substring) -> Bool {
        name.count >= 2 && name.first?.isNumber == false
            && name.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }
    }
}
