/// D504: a field smuggles in shell commands.
struct ShellCommandRule: DraftRule {
    static let description = RuleDescription(
        id: "D504", name: "shell-command", title: "Draft contains shell commands", severity: .warning,
        rationale: """
            The pipeline's "Important Reminders": "No Implementation Details"; Environment Setup is a "High-level \
            description of Docker environment needed". Command lines (`pip install …`, `curl … | sh`, `&&` \
            chains) are Dockerfile and script content in disguise and pin the builder to one way of doing it.
            """,
        triggering: [
            DraftExample.with([
                .environmentSetup: "Python 3.12; run sudo apt-get install -y redis-server && pip install fastapi before starting.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI; Redis is installed with curl -fsSL https://get.example.sh | sh at build time.",
            ]),
            DraftExample.with([
                .testing: "Tests clear state with `redis-cli FLUSHALL` and verify that requests beyond the tenant's limit return 429.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI and Redis; dependencies are pinned with pip-tools and installed at build time, npm workspaces are not used.",
            ]),
            DraftExample.with([
                .instructions: "Tenants can name limits in templates such as ${TENANT} or $(rm -rf /); the gateway must treat them literally and apply limits per tenant.",
            ]),
        ])

    /// Command lines that install, fetch, escalate or delete.
    private static let installs = [
        "apt-get install", "apt-get update", "apt install", "apk add", "yum install", "dnf install", "pip install",
        "pip3 install", "npm install", "npm ci", "yarn add", "pnpm add", "go get ", "go install ", "cargo install",
        "gem install", "brew install", "curl -", "curl http", "wget http", "wget -", "sudo ", "rm -rf", "rm -fr",
        "rm -r ", "chmod 7", "chmod 6", "chmod +x", "chmod -R", "chown -R", "2>&1",
    ].map { Array($0.utf8) }

    private static let installTable = LiteralTable(installs)

    /// Commands that, with an argument inside backticks, are a command line.
    private static let backtickCommands: Set<String> = [
        "cd", "export", "source", "docker", "docker-compose", "kubectl", "helm", "git", "mkdir", "cp", "mv", "ln",
        "tar", "unzip", "echo", "cat", "grep", "sed", "awk", "find", "xargs", "systemctl", "service", "chmod",
        "chown", "rm", "curl", "wget", "bash", "sh", "make", "psql", "mysql", "redis-cli", "mongosh", "pg_ctl",
        "pg_dump", "pg_restore", "apt-get", "apt", "pip", "pip3", "npm", "yarn", "pnpm", "sudo",
    ]

    private static let pipeTargets = ["sh", "bash", "zsh", "sudo", "python", "python3", "tee", "xargs"].map { Array($0.utf8) }
    private static let devNull = Array("/dev/null".utf8)

    /// Sentences that quote such strings as data (templates, payloads) are fine.
    private static let dataWords = PhraseSet([
        "template", "templates", "templating", "payload", "payloads", "literally", "literal", "literals", "string",
        "strings", "injection", "injections", "inject", "injected", "malicious", "hostile", "attacker", "attackers",
        "attack", "attacks", "escape", "escapes", "escaped", "escaping", "sanitize", "sanitizes", "sanitise",
        "sanitises", "sanitized", "reject", "rejects", "rejected",
    ])

    /// Reports the first command of each line; Dockerfile lines are left to ``DockerfileInstructionRule``.
    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let bytes = draft.source.bytes
        for field in draft.fields {
            for line in LineScan.proseLines(draft, field) where !DockerfileInstructionRule.isInstruction(bytes, line) {
                guard let command = Self.firstCommand(bytes, line, field.tokens) else { continue }
                if let token = FlagContext.token(atOrAfter: command.lowerBound, in: field.tokens),
                    Self.dataWords.occurs(in: field.tokens, tokens: field.tokens.sentence(containing: token))
                {
                    continue
                }
                sink.report(
                    "\(FlagContext.name(field)) contains the shell command '\(FlagContext.quote(draft, command, limit: 40))'; drafts describe what is needed, not how to type it",
                    at: draft.range(command),
                    hint: "name the packages, services or steps in prose and leave the commands to the builder")
            }
        }
    }

    /// The first shell-command fragment in `line` of a field tokenised as `text`: from its start to the end
    /// of the line or backtick span. Words are judged at their token start and skipped whole; only the bytes
    /// between words are read one by one.
    static func firstCommand(_ bytes: [UInt8], _ line: Range<Int>, _ text: TokenizedText) -> Range<Int>? {
        let commands = installTable
        var token = FlagContext.token(atOrAfter: line.lowerBound, in: text) ?? text.count
        var index = line.lowerBound
        var openTick: Int?
        while index < line.upperBound {
            if token < text.count, text.ranges[token].lowerBound <= index {
                if commands.starts(with: bytes[index]), commands.match(at: index, in: bytes, limit: line.upperBound) != nil {
                    return index..<line.upperBound
                }
                index = text.ranges[token].upperBound
                token += 1
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                if let open = openTick {
                    openTick = nil
                    if isBacktickCommand(bytes, (open + 1)..<index) { return open..<(index + 1) }
                } else {
                    openTick = index
                }
            } else if byte == UInt8(ascii: "$") {
                if index + 2 < line.upperBound, bytes[index + 1] == UInt8(ascii: "("), LineScan.isLower(bytes[index + 2]) {
                    return index..<line.upperBound
                }
            } else if byte == UInt8(ascii: "/") {
                if LineScan.has(devNull, at: index, in: bytes, limit: line.upperBound),
                    redirects(bytes, before: index, from: line.lowerBound)
                {
                    return index..<line.upperBound
                }
            } else if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|") {
                if index + 2 < line.upperBound, bytes[index + 1] == byte, index > line.lowerBound,
                    bytes[index - 1] == 0x20, bytes[index + 2] == 0x20
                {
                    return chainStart(bytes, before: index, from: line.lowerBound)..<line.upperBound
                }
                if byte == UInt8(ascii: "|"), isPipeToShell(bytes, at: index, line) { return index..<line.upperBound }
            }
            index += 1
        }
        return nil
    }

    /// The start of the word before a `&&` or `||` at `index`.
    private static func chainStart(_ bytes: [UInt8], before index: Int, from lower: Int) -> Int {
        var start = index - 1
        while start > lower, bytes[start - 1] == 0x20 { start -= 1 }
        while start > lower, bytes[start - 1] != 0x20 { start -= 1 }
        return start
    }

    /// `| sh`, `|bash`, `| sudo …`, not `||` or a Markdown table cell.
    private static func isPipeToShell(_ bytes: [UInt8], at index: Int, _ line: Range<Int>) -> Bool {
        guard index > line.lowerBound, bytes[index - 1] != UInt8(ascii: "|"), index + 1 < line.upperBound,
            bytes[index + 1] != UInt8(ascii: "|")
        else { return false }
        let target = LineScan.skipSpaces(bytes, from: index + 1, limit: line.upperBound)
        return pipeTargets.contains { name in
            LineScan.has(name, at: target, in: bytes, limit: line.upperBound)
                && LineScan.endsWord(bytes, at: target + name.count, limit: line.upperBound)
        }
    }

    /// True when `>` (or `2>`, `&>`) stands just before `index`, spaces allowed.
    private static func redirects(_ bytes: [UInt8], before index: Int, from lower: Int) -> Bool {
        var cursor = index
        while cursor > lower, bytes[cursor - 1] == 0x20 { cursor -= 1 }
        return cursor > lower && bytes[cursor - 1] == UInt8(ascii: ">")
    }

    /// True when a backtick span holds a known command followed by an argument.
    private static func isBacktickCommand(_ bytes: [UInt8], _ span: Range<Int>) -> Bool {
        let nameEnd = LineScan.wordEnd(bytes, from: span.lowerBound, limit: span.upperBound)
        guard nameEnd < span.upperBound, nameEnd - span.lowerBound <= 16 else { return false }
        let argument = LineScan.skipSpaces(bytes, from: nameEnd, limit: span.upperBound)
        guard argument < span.upperBound else { return false }
        return backtickCommands.contains(String(decoding: bytes[span.lowerBound..<nameEnd], as: UTF8.self))
    }
}
