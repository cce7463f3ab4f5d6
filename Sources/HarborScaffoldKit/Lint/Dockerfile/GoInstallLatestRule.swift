/// C105: `go install`, `go get` or `go run` of a remote module at `@latest`, a branch, or no version.
struct GoInstallLatestRule: LintRule {
    static let description = RuleDescription(
        id: "C105", name: "go-install-latest", title: "A Go module is installed at @latest or without a version",
        severity: .error,
        rationale: """
            `go install github.com/org/tool@latest` (or `@master`, `@main`, or no version, which `go get` \
            resolves to the newest release) fetches whatever was published last, so the image — and the task's \
            behaviour — changes from build to build; the pipeline asks for "consistent, reproducible outcomes" and \
            Harbor's rubric for pinned dependencies. Name a release (`@v1.2.3`) or a commit. Local packages \
            (`./cmd/server`, `go install` with no arguments) follow the module's own go.mod and go.sum.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM golang:1.24-bookworm\nRUN go install github.com/air-verse/air@latest\n"]),
            RuleExample(files: ["Dockerfile": "FROM golang:1.24-bookworm\nWORKDIR /src\nRUN go get github.com/jackc/pgx/v5 && go install golang.org/x/tools/cmd/goimports@master\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM golang:1.24-bookworm\nRUN go install github.com/air-verse/air@v1.61.5 \\\n && go get github.com/jackc/pgx/v5@v5.7.1\n"]),
            RuleExample(files: ["Dockerfile": "FROM golang:1.24-bookworm\nWORKDIR /src\nCOPY repo/ .\nRUN go mod download && go install ./cmd/... && go build -o /bin/app . && go install\n"]),
            RuleExample(files: ["Dockerfile": "FROM golang:1.24-bookworm\nRUN go install \"github.com/org/tool@${TOOL_VERSION}\" && go get github.com/org/old@none\n"]),
        ])

    /// Versions that move: the newest release, a branch head or an upgrade query.
    static let movingVersions: Set<String> = ["latest", "master", "main", "head", "upgrade", "patch", "develop", "trunk"]

    /// Build flags whose value is the next word.
    static let valuedFlags: Set<String> = [
        "-o", "-C", "-ldflags", "-gcflags", "-asmflags", "-tags", "-modfile", "-mod", "-p", "-pkgdir", "-toolexec", "-exec",
        "-overlay", "-buildmode", "-compiler", "-gccgoflags", "-installsuffix", "-pgo", "-covermode", "-coverpkg",
    ]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
            for command in instruction.runCommands where command.name == "go" {
                guard let sub = command.subcommand(skipping: Self.valuedFlags), ["install", "get", "run"].contains(sub.word.text) else { continue }
                var operands = command.operands(after: sub.index, valued: Self.valuedFlags)
                if sub.word.text == "run" { operands = Array(operands.prefix(1)) }
                for word in operands where !word.hasExpansion && Self.isRemote(word.text) {
                    let parts = word.text.split(separator: "@", maxSplits: 1)
                    let version = parts.count > 1 ? parts[1].lowercased() : nil
                    if let version, version == "none" || !Self.movingVersions.contains(version) { continue }
                    if version == nil, sub.word.text == "run" { continue }
                    let module = String(parts[0])
                    let what = version.map { "at '@\($0)'" } ?? "without a version"
                    sink.report(
                        "go \(sub.word.text) fetches '\(module)' \(what), so each build may get different code",
                        in: file, at: parsed.range(of: word),
                        hint: "name a release: \(module)@vX.Y.Z (go list -m -versions \(module) lists them)")
                }
            }
        }
    }

    /// True for an import path on a remote host (`github.com/…`, `golang.org/x/…`): its first element has a dot.
    static func isRemote(_ path: String) -> Bool {
        guard !path.hasPrefix("."), !path.hasPrefix("/"), let first = path.split(separator: "/").first else { return false }
        return first.contains(".") && !first.contains("@")
    }
}
