/// A Dockerfile a family-C rule checks: the agent's image or the verifier's (`tests/Dockerfile`).
struct CheckedDockerfile {
    /// The file, for reporting.
    let file: LintFile
    /// The parsed Dockerfile (parsed once by ``LintTarget``).
    let parsed: Dockerfile
    /// True for the verifier's Dockerfile.
    let isVerifier: Bool
}

extension LintTarget {
    /// The agent's Dockerfile, followed by the verifier's `tests/Dockerfile` when `includingVerifier`.
    func dockerfiles(includingVerifier: Bool) -> [CheckedDockerfile] {
        var result: [CheckedDockerfile] = []
        if let dockerfile { result.append(CheckedDockerfile(file: dockerfile.file, parsed: dockerfile.parsed, isVerifier: false)) }
        if includingVerifier, let verifierDockerfile {
            result.append(CheckedDockerfile(file: verifierDockerfile.file, parsed: verifierDockerfile.parsed, isVerifier: true))
        }
        return result
    }

    /// The agent image's `.dockerignore`: `Dockerfile.dockerignore` next to the Dockerfile wins over
    /// `.dockerignore` at the root of the build context, as in BuildKit.
    var dockerignore: DockerIgnore? {
        let prefix = buildContext.isEmpty ? "" : buildContext + "/"
        guard let file = files[prefix + "Dockerfile.dockerignore"] ?? files[prefix + ".dockerignore"] else { return nil }
        return DockerIgnore(file.source.text)
    }
}

extension DockerInstruction {
    /// The simple commands a `RUN` runs, with wrappers (`sudo`, `env X=1`, `timeout 60`…) removed and
    /// commands of substitutions included; the exec form (`RUN ["pip", "install", "x"]`) is one command.
    /// The commands of scripts run with a shell's `-c` (``inlineScripts``: `RUN sh -c "pip install x"`,
    /// `RUN ["bash", "-c", "…"]`) follow, each once. Empty for other instructions and for shell-form
    /// commands of non-POSIX shells.
    var runCommands: [ShellCommand] {
        guard keyword == "RUN" else { return [] }
        var commands: [ShellCommand]
        if let shell {
            commands = shell.allCommands.map(\.withoutWrappers)
        } else if let execCommand {
            commands = [execCommand]
        } else {
            return []
        }
        for inline in inlineScripts { commands += inline.commands.map(\.withoutWrappers) }
        return commands
    }

    /// The scripts a `RUN` runs, each with whether `pipefail` is on at its start: the shell-form command
    /// (under the stage's `SHELL`; `inline` is nil), then each script run with a shell's `-c` (under that
    /// shell's options).
    var runScripts: [(script: ShellScript, pipefail: Bool, inline: ShellInlineScript?)] {
        guard keyword == "RUN" else { return [] }
        return (shell.map { [($0, shellHasPipefail, nil)] } ?? []) + inlineScripts.map { ($0.script, $0.setsPipefail, $0) }
    }

    /// The texts that can write an apt setting (`APT::Get::Assume-Yes "true";`): a `RUN`'s command line
    /// and here-documents, and here-documents copied below `/etc/apt`.
    var aptConfigurationTexts: [String] {
        switch keyword {
        case "RUN": return [arguments] + heredocs.map(\.body)
        case "COPY", "ADD": return copy?.destination?.value.hasPrefix("/etc/apt") == true ? heredocs.map(\.body) : []
        default: return []
        }
    }

    /// True when the instruction's shell (set by `SHELL`) enables `pipefail`, as in
    /// `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` or `["/bin/ash", "-eo", "pipefail", "-c"]`.
    var shellHasPipefail: Bool {
        let shell = effectiveShell
        for index in shell.indices.dropFirst() where shell[index] == "pipefail" {
            let option = shell[index - 1]
            if option.hasPrefix("-"), !option.hasPrefix("--"), option.hasSuffix("o") { return true }
        }
        return false
    }
}

extension ShellCommand {
    /// The first argument that is not an option, with its index in ``arguments`` (the subcommand of
    /// `apt-get -y install`, `git -C dir clone`); options listed in `valued` consume the next word.
    func subcommand(skipping valued: Set<String> = []) -> (word: ShellWord, index: Int)? {
        let args = arguments
        var index = 0
        while index < args.count {
            let text = args[index].text
            if text.hasPrefix("-"), text.count > 1 {
                index += valued.contains(text) ? 2 : 1
                continue
            }
            return (args[index], index)
        }
        return nil
    }

    /// The words after the subcommand at `index` that are not options, skipping the values of `valued`
    /// options (`-o Key=value`), and every word after `--`.
    func operands(after index: Int, valued: Set<String>) -> [ShellWord] {
        let args = arguments
        var result: [ShellWord] = []
        var position = index + 1
        var afterMarker = false
        while position < args.count {
            let word = args[position]
            position += 1
            if afterMarker { result.append(word); continue }
            if word.text == "--" { afterMarker = true; continue }
            if word.text.hasPrefix("-"), word.text.count > 1 {
                if valued.contains(word.text) { position += 1 }
                continue
            }
            result.append(word)
        }
        return result
    }
}

extension Dockerfile {
    /// The instructions in file order, each `ONBUILD` followed by the instruction it registers
    /// (``DockerInstruction/trigger``), for the rules that check what an instruction would do wherever it
    /// runs: a trigger runs in every image built from this one, and its text is stored in this one.
    var instructionsWithTriggers: [DockerInstruction] {
        guard instructions.contains(where: { $0.trigger != nil }) else { return instructions }
        return instructions.flatMap { instruction in [instruction] + (instruction.trigger.map { [$0] } ?? []) }
    }

    /// Indices of the stages whose files make up the final image: the last stage and the stages it
    /// builds on with `FROM <stage>`.
    var finalImageStages: Set<Int> {
        var result = Set<Int>()
        var current = stages.indices.last
        while let index = current, result.insert(index).inserted {
            current = stages[index].baseStageIndex
        }
        return result
    }

    /// Indices of the stages a build of the last stage runs: the final image's stages and, transitively,
    /// the stages they copy from (`COPY --from`) or mount (`RUN --mount=from=`). BuildKit skips the rest.
    var builtStages: Set<Int> {
        var result = Set<Int>()
        var pending = stages.indices.last.map { [$0] } ?? []
        while let index = pending.popLast() {
            guard index < stages.count, result.insert(index).inserted else { continue }
            if let base = stages[index].baseStageIndex { pending.append(base) }
            for instruction in instructions(in: stages[index]) {
                if let from = instruction.copy?.from, let stage = stage(named: from), stage.index < index {
                    pending.append(stage.index)
                }
                for mount in instruction.flags(named: "mount") {
                    for field in (mount.value ?? "").split(separator: ",") where field.hasPrefix("from=") {
                        if let stage = stage(named: String(field.dropFirst(5))), stage.index < index { pending.append(stage.index) }
                    }
                }
            }
        }
        return result
    }

    /// The instructions of the stages in `stageIndices`, in file order.
    func instructions(inStages stageIndices: Set<Int>) -> [DockerInstruction] {
        instructions.filter { instruction in instruction.stageIndex.map(stageIndices.contains) ?? false }
    }
}

/// The path rules of a `.dockerignore` file: Go `filepath.Match` patterns with `**`, `!` exceptions,
/// the last matching line winning, and a match on a folder covering everything below it.
struct DockerIgnore {
    /// The patterns in order, cleaned (no leading `/` or `./`), with whether each is an exception.
    let patterns: [(pattern: String, isException: Bool)]

    /// Reads the text of a `.dockerignore` file.
    init(_ text: String) {
        var patterns: [(String, Bool)] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = Substring(ShellByte.trimmingBlanks(rawLine))
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let isException = line.hasPrefix("!")
            if isException { line = Substring(ShellByte.trimmingBlanks(line.dropFirst())) }
            let cleaned = DockerIgnore.clean(String(line))
            if !cleaned.isEmpty { patterns.append((cleaned, isException)) }
        }
        self.patterns = patterns
    }

    /// True when `path` (relative to the build context) is left out of the context.
    func excludes(_ path: String) -> Bool {
        let cleaned = DockerIgnore.clean(path)
        var prefixes: [String] = []
        var current = ""
        for component in cleaned.split(separator: "/") {
            current = current.isEmpty ? String(component) : current + "/" + component
            prefixes.append(current)
        }
        var excluded = false
        for entry in patterns where prefixes.contains(where: { Glob.matches(entry.pattern, $0) }) {
            excluded = !entry.isException
        }
        return excluded
    }

    /// `path` without leading `/` and `./`, trailing `/`, and `.` components.
    static func clean(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}

extension String {
    /// True when the string contains `needle` (written in lowercase ASCII) in any ASCII case, without
    /// copying the string.
    func containsIgnoringASCIICase(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !pattern.isEmpty else { return true }
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) {
                var offset = 0
                while offset < pattern.count {
                    let byte = bytes[start + offset]
                    guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == pattern[offset] else { break }
                    offset += 1
                }
                if offset == pattern.count { return true }
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
