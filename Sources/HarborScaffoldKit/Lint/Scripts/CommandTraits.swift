/// What common commands do, as far as the script rules need to know: whether they can fail,
/// whether they run tests, install packages or download files.
enum CommandTraits {
    /// Commands that practically never fail in a verifier, so `set -e` is not expected to stop there.
    static let reliable: Set<String> = [
        "cd", "mkdir", "echo", "printf", "export", "set", "unset", "trap", "local", "declare", "typeset", "readonly",
        "shift", "true", ":", "source", ".", "chmod", "touch", "sleep", "rm", "umask", "shopt", "pushd", "popd", "pwd",
        "date", "mktemp", "tee", "hash", "alias", "ulimit", "exit", "return", "break", "continue",
    ]

    /// True when `command` (already unwrapped) can end with a non-zero status in a working verifier.
    static func mayFail(_ command: ShellCommand) -> Bool {
        guard let name = command.name else {
            // `X=$(cmd)` has the substitution's status; plain assignments succeed.
            return !command.commandSubstitutions.isEmpty
        }
        return !reliable.contains(name)
    }

    /// True for Python interpreters (`python`, `python3`, `python3.12`).
    static func isPython(_ name: String?) -> Bool {
        guard let name else { return false }
        return name == "python" || name.hasPrefix("python3") || name.hasPrefix("python2")
    }

    /// Test runners whose status is the verdict.
    private static let runnerNames: Set<String> = [
        "pytest", "py.test", "tox", "nox", "jest", "vitest", "mocha", "ava", "bats", "rspec", "phpunit", "ctest", "prove",
        "behave", "nosetests", "nose2",
    ]

    /// True when `command` runs a test suite (pytest in any of its spellings, jest, `go test`, `npm test`…).
    static func isTestRunner(_ command: ShellCommand) -> Bool {
        let command = command.withoutWrappers
        if PytestInvocation(command) != nil { return true }
        guard let name = command.name else { return false }
        if runnerNames.contains(name) { return true }
        let operands = command.operands.map(\.text)
        switch name {
        case "go", "cargo", "dotnet", "swift", "deno", "mvn", "gradle", "gradlew":
            return operands.first.map { $0 == "test" || $0 == "nextest" || $0 == "verify" } ?? false
        case "npm", "pnpm", "yarn", "bun":
            return operands.first == "test" || (operands.first == "run" && operands.dropFirst().first?.hasPrefix("test") == true)
        case "make":
            return operands.contains { $0.contains("test") || $0 == "check" }
        case "node":
            return command.hasOption("--test")
        default:
            return isPython(name) && command.optionValue("-m").map { ["unittest", "nose", "nose2"].contains($0) } == true
        }
    }

    /// What `command` installs at run time, named for messages (`pip install`, `uvx`), or nil.
    static func installation(_ command: ShellCommand) -> String? {
        let command = command.withoutWrappers
        guard let name = command.name, !command.hasOption("--offline", "--no-index") else { return nil }
        let operands = command.operands.map(\.text)
        let first = operands.first ?? ""
        let second = operands.dropFirst().first ?? ""
        switch name {
        case "pip", "pip3":
            return first == "install" ? "\(name) install" : nil
        case "uv":
            if first == "pip", second == "install" || second == "sync" { return "uv pip \(second)" }
            if first == "add" || first == "sync" { return "uv \(first)" }
            if first == "tool", second == "install" { return "uv tool install" }
            if first == "run", command.hasOption("--with", "-w") { return "uv run --with" }
            return nil
        case "uvx":
            return "uvx"
        case "pipx":
            return first == "install" || first == "run" ? "pipx \(first)" : nil
        case "apt-get", "apt", "aptitude":
            return ["install", "update", "upgrade", "dist-upgrade"].contains(first) ? "\(name) \(first)" : nil
        case "apk":
            return first == "add" ? "apk add" : nil
        case "yum", "dnf", "microdnf", "zypper":
            return first == "install" ? "\(name) install" : nil
        case "npm":
            return ["install", "i", "ci", "add"].contains(first) ? "npm \(first)" : nil
        case "pnpm", "bun":
            return ["install", "i", "add"].contains(first) ? "\(name) \(first)" : nil
        case "yarn":
            return first.isEmpty || first == "install" || first == "add" ? "yarn \(first.isEmpty ? "install" : first)" : nil
        case "gem", "cargo":
            return first == "install" ? "\(name) install" : nil
        case "go":
            return first == "install" || first == "get" ? "go \(first)" : nil
        case "conda", "mamba", "micromamba":
            return first == "install" || first == "create" ? "\(name) \(first)" : nil
        case "poetry", "pdm":
            return ["install", "add", "sync"].contains(first) ? "\(name) \(first)" : nil
        case "bundle", "composer":
            return first == "install" || first == "require" ? "\(name) \(first)" : nil
        default:
            guard isPython(name), command.optionValue("-m") == "pip" else { return nil }
            return operands.contains("install") ? "\(name) -m pip install" : nil
        }
    }

    /// Interpreters that run what is piped into them (`curl … | sh`).
    static let shells: Set<String> = ["sh", "bash", "zsh", "dash", "ksh", "python", "python3", "perl", "ruby", "node"]

    /// The external URL `command` downloads at run time (curl, wget, git clone), or nil. A curl or
    /// wget whose response is neither saved nor piped into an interpreter is a service probe and is
    /// not a download; so are requests to localhost, loopback addresses and dot-less service names.
    static func download(_ command: ShellCommand, pipedInto next: ShellCommand?) -> String? {
        let command = command.withoutWrappers
        guard let name = command.name, ["curl", "wget", "git", "aria2c"].contains(name) else { return nil }
        let texts = command.argumentTexts
        guard let url = texts.lazy.compactMap({ externalURL($0) }).first else { return nil }
        if name == "git" { return command.operands.first?.text == "clone" ? url : nil }
        if name == "aria2c" { return url }
        if let next = next?.withoutWrappers.name, shells.contains(next) { return url }
        if name == "wget" {
            if command.hasOption("--spider") { return nil }
            let target = command.optionValue("-O") ?? command.optionValue("--output-document")
            return target == "-" ? (savesStandardOutput(command) ? url : nil) : url
        }
        if command.hasOption("-O", "--remote-name", "--remote-name-all") { return url }
        if let output = command.optionValue("-o") ?? command.optionValue("--output"), output != "-", output != "/dev/null" {
            return url
        }
        return savesStandardOutput(command) ? url : nil
    }

    /// True when standard output goes to a file other than /dev/null.
    private static func savesStandardOutput(_ command: ShellCommand) -> Bool {
        command.redirections.contains { redirection in
            guard redirection.operator.writes, redirection.operator != .duplicateOutput,
                redirection.fileDescriptor == nil || redirection.fileDescriptor == 1,
                let target = redirection.target?.text
            else { return false }
            return target != "/dev/null"
        }
    }

    /// The URL in `text` when it names a host outside the container's own network.
    static func externalURL(_ text: String) -> String? {
        var candidate = Substring(text)
        if candidate.hasPrefix("--url=") { candidate = candidate.dropFirst(6) }
        if candidate.hasPrefix("git@") {
            let host = candidate.dropFirst(4).prefix { $0 != ":" }
            return isExternal(host) ? String(candidate) : nil
        }
        guard let scheme = candidate.firstRange(of: "://") else { return nil }
        var host = candidate[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("[") { return nil }  // IPv6 literals: loopback or link-local in verifiers
        host = host.prefix { $0 != ":" }
        return isExternal(host) ? String(candidate) : nil
    }

    private static func isExternal(_ host: Substring) -> Bool {
        let lowered = host.lowercased()
        guard lowered.contains("."), !lowered.contains("$") else { return false }
        return !(lowered.hasPrefix("127.") || lowered == "0.0.0.0" || lowered.hasSuffix(".localhost")
            || lowered == "host.docker.internal")
    }
}
