/// Recognises where a verifier script writes Harbor's reward: `/logs/verifier/reward.txt` or
/// `reward.json`, possibly through a variable (`"$LOGS/reward.txt"` with
/// `LOGS="${HARBOR_VERIFIER_LOGS:-/logs/verifier}"`), by redirection, `tee`, `cp`, or an embedded
/// program (`python3 - <<'PY' … open(…"reward.json"…) … PY`).
struct RewardWrites {
    /// Where Harbor reads rewards.
    static let folder = "/logs/verifier"
    /// The file names Harbor reads in ``folder``.
    static let names = ["reward.txt", "reward.json"]

    /// What a written path is.
    enum Target: Equatable {
        /// The reward file (or a path that may be it).
        case reward
        /// A reward-like file Harbor does not read (`/logs/reward.txt`, `rewards.json`), with its path.
        case misplaced(String)
        /// Anything else.
        case other
    }

    /// One write of a reward-like file.
    struct Write {
        /// Where to report it: the target word, or the command's name for embedded programs.
        let byteRange: Range<Int>
        /// What is written.
        let target: Target
        /// The fixed text written (`echo 1 > …` gives "1"), or nil when it is computed.
        let constant: String?
    }

    /// Commands that only read, test or delete the paths they are given.
    private static let readers: Set<String> = [
        "cat", "head", "tail", "less", "more", "ls", "stat", "test", "[", "[[", "grep", "egrep", "fgrep", "rg", "wc", "rm",
        "unlink", "echo", "printf", "file", "du", "jq", "chmod", "chown", "touch", "mkdir", "realpath", "readlink",
        "basename", "dirname", "diff", "cmp", "md5sum", "sha256sum", "cd", "pushd", "trap",
    ]
    /// Commands whose last operand is the file they write.
    private static let copiers: Set<String> = ["cp", "mv", "install", "ln", "rsync"]
    /// Commands that write nothing to their standard output.
    private static let silent: Set<String> = [":", "true", "false", "touch"]

    /// The script's variables, for resolving paths.
    let variables: ShellVariables
    private let entersLogFolder: Bool
    private var rewardScripts: Set<String> = []
    /// The writes of every command of the script, computed once (rules ask for them repeatedly).
    private var writesByCommand: [Range<Int>: [Write]] = [:]

    /// Prepares recognition for `script`.
    init(_ script: ShellScript) {
        let variables = ShellVariables(script)
        self.variables = variables
        let all = script.allCommands
        entersLogFolder = all.contains { command in
            guard command.name == "cd" || command.name == "pushd", let folder = command.operands.first?.text,
                let resolved = variables.resolve(folder)
            else { return false }
            return ContainerPath.normalize(resolved) == Self.folder
        }
        // Files written from a here-document that mentions the reward are programs that write it.
        for command in all where command.heredocs.contains(where: { Self.mentionsReward($0.body) }) {
            for redirection in command.redirections where redirection.operator.writes && !redirection.operator.isHereDocument {
                guard let text = redirection.target?.text else { continue }
                rewardScripts.insert(variables.resolve(text).map(ContainerPath.normalize) ?? text)
            }
        }
        var computed: [Range<Int>: [Write]] = [:]
        for command in all { computed[command.byteRange] = computeWrites(of: command) }
        writesByCommand = computed
    }

    /// True when `text` names a reward file (`reward.txt`, `reward.json`).
    static func mentionsReward(_ text: String) -> Bool {
        names.contains { text.contains($0) }
    }

    /// What the path `text` (a word's text, expansions unexpanded) is.
    func classify(_ text: String) -> Target {
        if let resolved = variables.resolve(text) {
            let path = ContainerPath.normalize(resolved)
            let base = ContainerPath.basename(path)
            if Self.names.contains(where: { path == Self.folder + "/" + $0 }) { return .reward }
            if !path.hasPrefix("/"), Self.names.contains(base), !path.contains("/"), entersLogFolder { return .reward }
            return Self.isRewardLike(base) ? .misplaced(path) : .other
        }
        let base = ContainerPath.basename(text)
        if !base.contains("$") {
            if Self.names.contains(base) { return .reward }
            return Self.isRewardLike(base) ? .misplaced(text) : .other
        }
        // An unresolvable variable: give it the benefit of the doubt when it is about the reward.
        return text.lowercased().contains("reward") ? .reward : .other
    }

    /// `reward*.txt` / `reward*.json`: meant as a reward file, whatever its exact name.
    private static func isRewardLike(_ base: String) -> Bool {
        let lowered = base.lowercased()
        return lowered.hasPrefix("reward") && (lowered.hasSuffix(".txt") || lowered.hasSuffix(".json"))
    }

    /// The reward-like files `command` writes.
    func writes(of command: ShellCommand) -> [Write] {
        writesByCommand[command.byteRange] ?? computeWrites(of: command)
    }

    private func computeWrites(of command: ShellCommand) -> [Write] {
        let unwrapped = command.withoutWrappers
        let name = unwrapped.name
        var result: [Write] = []
        let producesOutput = (name != nil || !unwrapped.heredocs.isEmpty) && !Self.silent.contains(name ?? "")
        if producesOutput {
            result += redirectionWrites(command.redirections, constant: Self.constantOutput(of: unwrapped))
        }
        let operands = unwrapped.operands
        if name == "tee" {
            result += operands.compactMap { write($0, constant: nil) }
        } else if let name, Self.copiers.contains(name), operands.count >= 2, let last = operands.last {
            result += [write(last, constant: nil)].compactMap { $0 }
        } else if name == "dd" {
            for word in unwrapped.arguments where word.text.hasPrefix("of=") {
                let target = classify(String(word.text.dropFirst(3)))
                if target != .other { result.append(Write(byteRange: word.byteRange, target: target, constant: nil)) }
            }
        } else if let name, !Self.readers.contains(name) {
            result += programWrites(unwrapped)
        }
        return result
    }

    /// The reward-like files the redirections of a compound (`{ …; } > reward.txt`) write.
    func writes(of compound: ShellCompound) -> [Write] {
        redirectionWrites(compound.redirections, constant: nil)
    }

    /// True when `command` writes the reward file itself.
    func writesReward(_ command: ShellCommand) -> Bool {
        writes(of: command).contains { $0.target == .reward }
    }

    /// Reward-like files written by output redirections (not standard error, not descriptor copies).
    private func redirectionWrites(_ redirections: [ShellRedirection], constant: String?) -> [Write] {
        redirections.compactMap { redirection in
            guard redirection.operator.writes, redirection.fileDescriptor != 2, let target = redirection.target else { return nil }
            if redirection.operator == .duplicateOutput, target.text.allSatisfy({ $0.isNumber || $0 == "-" }) { return nil }
            return write(target, constant: constant)
        }
    }

    /// A write of the file `word` names, when it is reward-like.
    private func write(_ word: ShellWord, constant: String?) -> Write? {
        let target = classify(word.text)
        return target == .other ? nil : Write(byteRange: word.byteRange, target: target, constant: constant)
    }

    /// Programs that write the reward themselves: arguments naming it, here-documents or `-c` code
    /// mentioning it, scripts written earlier from such a here-document, or scripts named after it.
    private func programWrites(_ command: ShellCommand) -> [Write] {
        guard let nameWord = command.nameWord else { return [] }
        for word in command.arguments {
            let text = word.text
            if Self.mentionsReward(text) {
                let target = classify(text)
                return [Write(byteRange: word.byteRange, target: target == .other ? .reward : target, constant: nil)]
            }
            let base = ContainerPath.basename(text).lowercased()
            let isScript = [".py", ".sh", ".js", ".rb", ".pl"].contains { base.hasSuffix($0) }
            let isRewardScript = !rewardScripts.isEmpty && rewardScripts.contains(variables.resolve(text).map(ContainerPath.normalize) ?? text)
            if isRewardScript || (isScript && base.contains("reward")) {
                return [Write(byteRange: word.byteRange, target: .reward, constant: nil)]
            }
        }
        if command.heredocs.contains(where: { Self.mentionsReward($0.body) }) {
            return [Write(byteRange: nameWord.byteRange, target: .reward, constant: nil)]
        }
        return []
    }

    /// The fixed text `command` prints (`echo 1`, `printf '%s\n' 0.5`, `cat <<'EOF'` with a literal
    /// body), or nil when the output is computed.
    static func constantOutput(of command: ShellCommand) -> String? {
        let arguments = command.arguments
        guard command.commandSubstitutions.isEmpty, arguments.allSatisfy({ !$0.hasExpansion }) else { return nil }
        switch command.name {
        case "echo":
            let values = arguments.drop { ["-n", "-e", "-E", "-ne", "-en"].contains($0.text) }.map(\.text)
            return values.joined(separator: " ")
        case "printf":
            guard let format = arguments.first?.text else { return nil }
            let rest = arguments.dropFirst().map(\.text)
            return format.contains("%") ? rest.joined(separator: " ") : format.replacingEscapedNewlines
        case "cat", nil:
            guard arguments.isEmpty, let heredoc = command.heredocs.first else { return nil }
            let isLiteral = heredoc.isQuoted || !(heredoc.body.contains("$") || heredoc.body.contains("`"))
            return isLiteral ? heredoc.body.trimmingSpaces : nil
        default:
            return nil
        }
    }
}

extension String {
    /// The text with a trailing `\n` escape (as written in a printf format) removed.
    fileprivate var replacingEscapedNewlines: String {
        var text = Substring(self)
        while text.hasSuffix("\\n") { text = text.dropLast(2) }
        return String(text)
    }
}
