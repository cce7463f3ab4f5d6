/// C106: a script downloaded with curl or wget and run straight away (`curl … | sh`, `bash -c "$(curl …)"`).
struct RemoteScriptPipeRule: LintRule {
    static let description = RuleDescription(
        id: "C106", name: "remote-script-pipe", title: "A downloaded script is executed without verification",
        severity: .error,
        rationale: """
            `curl -fsSL https://… | sh` runs whatever the server returns on the day of the build: an installer \
            that changes upstream changes the image, and a compromised or unavailable host breaks or poisons it, \
            with no checksum to notice. The pipeline's tasks must build reproducibly ("consistent, reproducible \
            outcomes") within 5 minutes. Download to a file, check it with `sha256sum -c`, then run it — or install \
            a pinned package instead. Also catches `bash -c "$(curl …)"`, `sh <(wget -O- …)` and `eval "$(curl …)"`, \
            and pipelines inside a script run with `sh -c`, an exec-form `RUN ["bash", "-c", …]` or `ONBUILD RUN`.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nRUN curl -fsSL https://get.pnpm.io/install.sh | sh -\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN wget -qO- https://astral.sh/uv/install.sh | env UV_INSTALL_DIR=/usr/local/bin sh\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN bash -c \"$(curl -fsSL https://raw.githubusercontent.com/org/tool/main/install.sh)\"\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN [\"/bin/bash\", \"-c\", \"curl -fsSL https://get.example.com/install.sh | bash\"]\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/install-1.4.2.sh \\\n && echo \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  /tmp/install.sh\" | sha256sum -c - \\\n && sh /tmp/install.sh\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN curl -fsSL https://www.mongodb.org/static/pgp/server-7.0.asc | gpg --dearmor -o /usr/share/keyrings/mongodb.gpg \\\n && curl -fsSL https://example.com/tool-1.2.3.tar.gz | tar -xz -C /opt\n"]),
        ])

    /// Programs that execute a script read from standard input or named by an argument.
    static let interpreters: Set<String> = [
        "sh", "bash", "dash", "zsh", "ksh", "ash", "python", "python3", "python2", "perl", "ruby", "node", "php", "eval", "source", ".",
    ]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
            // `curl … | sh`: a download writing to standard output, later in the same pipeline an
            // interpreter — in the RUN's own script or in one it runs with `sh -c`.
            for (script, _, _) in instruction.runScripts {
                var downloader: ShellCommand?
                for raw in script.commands {
                    let command = raw.withoutWrappers
                    if let source = downloader, let name = command.name, Self.isInterpreter(name) {
                        report(source, runBy: name, file: file, parsed: parsed, into: &sink)
                        downloader = nil
                    }
                    if raw.followingOperator?.isPipe == true {
                        if downloader == nil, Self.writesDownloadToStandardOutput(command) { downloader = command }
                    } else {
                        downloader = nil
                    }
                }
            }
            // `bash -c "$(curl …)"`, `sh <(curl …)`, `eval "$(curl …)"`.
            for command in instruction.runCommands {
                guard let name = command.name, Self.isInterpreter(name), let fetched = Self.substitutedDownload(in: command) else { continue }
                report(fetched, runBy: name, file: file, parsed: parsed, into: &sink)
            }
        }
    }

    /// Reports a download executed by `interpreter`, at the download command.
    private func report(_ download: ShellCommand, runBy interpreter: String, file: LintFile, parsed: Dockerfile, into sink: inout FindingSink) {
        guard let word = download.nameWord else { return }
        let url = download.arguments.first { $0.text.contains("://") }?.text
        sink.report(
            "\(download.name ?? "the download") output\(url.map { " from \(Excerpt.short($0, limit: 60))" } ?? "") is executed by \(interpreter) without any checksum",
            in: file, at: parsed.range(of: word),
            hint: "download to a file, verify it with sha256sum -c against a known digest, then run it; or install a pinned package")
    }

    /// `python3.12` counts as `python3`.
    static func isInterpreter(_ name: String) -> Bool {
        interpreters.contains(name) || (name.hasPrefix("python") && name.dropFirst(6).allSatisfy { $0.isNumber || $0 == "." })
    }

    /// True for `curl` (without `-o`/`-O`, which write files) and `wget -O -` / `wget -qO-`.
    static func writesDownloadToStandardOutput(_ command: ShellCommand) -> Bool {
        switch command.name {
        case "curl": return !command.hasOption("-o", "--output", "-O", "--remote-name", "--remote-name-all")
        case "wget":
            if command.optionValue("-O") == "-" || command.optionValue("--output-document") == "-" { return true }
            return command.argumentTexts.contains { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.hasSuffix("O-") }
        default: return false
        }
    }

    /// A download inside a substitution in the interpreter's words (`bash -c "$(curl …)"`, `sh <(curl …)`).
    static func substitutedDownload(in command: ShellCommand) -> ShellCommand? {
        for word in command.words {
            for script in word.commandSubstitutions {
                if let found = script.allCommands.map(\.withoutWrappers).first(where: writesDownloadToStandardOutput) { return found }
            }
        }
        return nil
    }
}
