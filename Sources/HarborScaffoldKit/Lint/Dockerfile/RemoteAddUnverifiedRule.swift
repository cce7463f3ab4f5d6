/// C107: `ADD` of a URL without `--checksum`, or of a Git repository at a moving ref.
struct RemoteAddUnverifiedRule: LintRule {
    static let description = RuleDescription(
        id: "C107", name: "remote-add-unverified", title: "ADD downloads a URL without --checksum", severity: .warning,
        rationale: """
            `ADD https://…` puts whatever the server returns into the image: when the file changes or the host is \
            compromised, the build silently changes with it. BuildKit's `ADD --checksum=sha256:…` fails the build \
            instead; a Git source (`ADD https://github.com/org/repo.git#<ref>`) is fixed only by a full commit id. \
            The pipeline's Constraints ask for consistent, reproducible builds.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nADD https://example.com/releases/tool-1.4.2-linux-amd64.tar.gz /opt/\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nADD https://github.com/org/service.git#main /app\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "# syntax=docker/dockerfile:1.7\nFROM debian:bookworm-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.4.2.tar.gz /opt/\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nADD https://github.com/org/service.git#8c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c /app\nADD repo.tar.gz /app/\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "ADD" {
            guard let copy = instruction.copy, copy.checksum == nil else { continue }
            for source in copy.sources {
                if source.isGitRepository {
                    let ref = source.value.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init)
                    if let ref, GitCloneUnpinnedRule.isCommitID(ref.split(separator: ":").first.map(String.init) ?? ref) { continue }
                    sink.report(
                        "ADD clones '\(Excerpt.short(source.value, limit: 60))' at \(ref.map { "the moving ref '\($0)'" } ?? "its default branch")",
                        in: file, at: source.range,
                        hint: "name a full commit id after '#', e.g. \(source.value.split(separator: "#").first ?? "")#<40-hex commit>")
                } else if source.isRemoteURL {
                    sink.report(
                        "ADD downloads '\(Excerpt.short(source.value, limit: 60))' without --checksum, so a changed file goes unnoticed",
                        in: file, at: source.range,
                        hint: "add --checksum=sha256:<digest> (sha256sum of the file), or download with curl and verify with sha256sum -c")
                }
            }
        }
    }
}
