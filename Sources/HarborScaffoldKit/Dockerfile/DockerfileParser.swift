/// Entry point of the Dockerfile reader. It follows BuildKit's rules for directives, comments,
/// continuation lines and here-documents, never throws, and reports malformed constructs as
/// ``Dockerfile/issues``.
public enum DockerfileParser {
    /// Instruction keywords Docker knows.
    public static let keywords: Set<String> = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ]

    /// Flags each instruction accepts (instructions not listed accept none).
    public static let knownFlags: [String: Set<String>] = [
        "FROM": ["platform"],
        "RUN": ["mount", "network", "security", "device"],
        "COPY": ["from", "chown", "chmod", "link", "parents", "exclude"],
        "ADD": ["chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"],
        "HEALTHCHECK": ["interval", "timeout", "start-period", "start-interval", "retries"],
    ]

    /// Reads a Dockerfile.
    public static func parse(_ source: SourceText) -> Dockerfile {
        var reader = DockerfileReader(source: source)
        reader.run()
        return reader.makeDockerfile()
    }

    /// Reads Dockerfile `text` (convenience for ``parse(_:)``).
    public static func parse(text: String, path: String = "Dockerfile") -> Dockerfile {
        parse(SourceText(path: path, text: text))
    }

    /// True when `shell` (an exec-form `SHELL` list) is a POSIX-like shell whose commands the shell
    /// reader understands (`sh`, `bash`, `dash`, `ash`, `zsh`, `ksh`, `busybox`).
    public static func isPOSIXShell(_ shell: [String]) -> Bool {
        guard let first = shell.first else { return false }
        return posixShells.contains(ShellByte.basename(first))
    }

    static let posixShells: Set<String> = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"]
}
