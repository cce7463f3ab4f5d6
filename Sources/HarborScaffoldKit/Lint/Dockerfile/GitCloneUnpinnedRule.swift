/// C108: `git clone` of a moving branch, not followed by a checkout of a fixed commit or tag in the same `RUN`.
struct GitCloneUnpinnedRule: LintRule {
    static let description = RuleDescription(
        id: "C108", name: "git-clone-unpinned", title: "git clone fetches a moving branch", severity: .warning,
        rationale: """
            `git clone https://github.com/org/repo` (or `--branch main`) takes whatever the branch holds on the day \
            of the build, so the repository under test — and whether the task's tests pass — can change between \
            builds; the pipeline asks for "consistent, reproducible outcomes". Clone a release tag \
            (`--branch v1.4.2`) or check out a commit id in the same `RUN` (`git checkout 3f2c1e9…`, \
            `git reset --hard <commit>`, `git fetch origin <commit>`). Best of all, vendor the repository into the \
            build context and `COPY` it.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN git clone https://github.com/org/service.git /app\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN git clone --depth 1 --branch main https://github.com/org/service.git /app && cd /app && git checkout develop\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN git clone --depth 1 --branch v2.31.0 https://github.com/psf/requests.git /src/requests\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN git clone https://github.com/org/service.git /app \\\n && git -C /app checkout 8c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN git clone --filter=blob:none https://github.com/org/service.git /app \\\n && cd /app && git reset --hard 8c7b1d2\n"]),
        ])

    /// Git's global options whose value is the next word (`git -C dir clone`).
    static let globalOptions: Set<String> = ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path"]
    /// `git clone` options whose value is the next word.
    static let cloneOptions: Set<String> = [
        "-b", "--branch", "--depth", "-o", "--origin", "-u", "--upload-pack", "--reference", "--reference-if-able",
        "--separate-git-dir", "-c", "--config", "--shallow-since", "--shallow-exclude", "--filter", "-j", "--jobs",
        "--template", "--bundle-uri", "--server-option", "--ref-format",
    ]
    /// Branch names that move.
    static let movingBranches: Set<String> = ["main", "master", "develop", "dev", "trunk", "next", "head", "latest", "nightly", "stable", "release"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
            var pendingClone: (word: ShellWord, branch: String?)?
            for command in instruction.runCommands where command.name == "git" {
                guard let sub = command.subcommand(skipping: Self.globalOptions) else { continue }
                let operands = command.operands(after: sub.index, valued: Self.cloneOptions)
                switch sub.word.text {
                case "clone":
                    if let pending = pendingClone { report(pending, file: file, parsed: parsed, into: &sink) }
                    let branch = command.optionValue("--branch") ?? command.optionValue("-b")
                    if let branch, Self.isFixedRef(branch) { pendingClone = nil; continue }
                    pendingClone = (operands.first ?? sub.word, branch)
                case "checkout", "switch", "reset", "fetch":
                    if operands.contains(where: { Self.isFixedRef($0.text) }) { pendingClone = nil }
                default:
                    break
                }
            }
            if let pending = pendingClone { report(pending, file: file, parsed: parsed, into: &sink) }
        }
    }

    /// Reports a clone left at a moving ref.
    private func report(_ clone: (word: ShellWord, branch: String?), file: LintFile, parsed: Dockerfile, into sink: inout FindingSink) {
        let what = clone.branch.map { "the moving branch '\($0)'" } ?? "its default branch"
        sink.report(
            "git clone of '\(Excerpt.short(clone.word.text, limit: 60))' takes \(what), which changes between builds",
            in: file, at: parsed.range(of: clone.word),
            hint: "clone a release tag (--branch vX.Y.Z) or add '&& git checkout <commit>' in the same RUN")
    }

    /// A ref that does not move: a commit id (7–40 hex digits) or a version-like tag (`v1.4.2`, `2.31.0`, `release-1.2`).
    static func isFixedRef(_ ref: String) -> Bool {
        if isCommitID(ref) { return true }
        let lower = ref.lowercased()
        if movingBranches.contains(lower) || lower.hasPrefix("origin/") || lower.hasPrefix("-") || ref.contains("$") { return false }
        return lower.contains(where: \.isNumber) && lower.contains(".")
    }

    /// 7 to 40 hexadecimal digits with at least one digit (so that words such as `deadbeef`… still count, but `develop` does not).
    static func isCommitID(_ ref: String) -> Bool {
        (7...40).contains(ref.count) && ref.allSatisfy(\.isHexDigit) && ref.contains(where: \.isNumber)
    }
}
