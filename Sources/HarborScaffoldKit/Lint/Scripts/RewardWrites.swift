/// Recognises where a verifier script writes Harbor's reward: `/logs/verifier/reward.txt` or
/// `reward.json`, possibly through a variable (`"$LOGS/reward.txt"` with
/// `LOGS="${HARBOR_VERIFIER_LOGS:-/logs/verifier}"`), by redirection, `tee`, `cp`, an embedded
/// program (`python3 - <<'PY' … open(…"reward.json"…) … PY`), or a command of a script run with
/// `bash -c "…"` (analysed as a script of its own, see ``Inline``).
struct RewardWrites: Sendable {
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

    /// How surely a command writes the reward itself (by its redirections or the program it runs;
    /// the writes of a `bash -c` script it runs are followed by ``RewardFlow``) when it runs.
    enum Coverage: Sendable {
        /// It does not write it.
        case never
        /// Only sometimes: through a wrapper that may run nothing (`find … -exec`, `xargs -r`).
        case sometimes
        /// Every time.
        case always
    }

    /// A script run with a shell's `-c` (`bash -c "pytest && echo 1 > …"`, `su -c '…' app`), analysed
    /// as a script of its own: a new shell, starting without `set -e` or traps unless its options set
    /// them, seeing the outer script's variables.
    struct Inline: Sendable {
        /// The script.
        let script: ShellInlineScript
        /// Its reward writes.
        let writes: RewardWrites
        /// How control flows through it: where it can end without the reward (when ``writesReward``)
        /// and whether it can fail.
        let flow: RewardFlow
        /// True when it writes the reward on at least one path.
        let writesReward: Bool

        /// How it is named in messages: "the `bash -c` script".
        var shown: String { "the `\(script.shell) -c` script" }
    }

    /// What the script running a `-c` script passes on to it.
    private struct Context: Sendable {
        let variables: ShellVariables
        let entersLogFolder: Bool
        let rewardScripts: Set<String>
    }

    /// The writes of one command, by who makes them.
    private struct CommandWrites: Sendable {
        /// By the command's own redirections, which the shell makes whenever the command runs.
        var redirections: [Write] = []
        /// By the program the command runs (`tee`, `cp`, an embedded program…).
        var program: [Write] = []
        /// By the commands of the `-c` script it runs.
        var inline: [Write] = []
        var coverage = Coverage.never

        var all: [Write] { redirections + program + inline }
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
    /// The `-c` scripts run by the script's commands, analysed.
    private var inlines: [ShellCommand: Inline] = [:]
    /// The writes of every command of the script, computed once (rules ask for them repeatedly).
    private var writesByCommand: [ShellCommand: CommandWrites] = [:]
    /// Every reward-like write of the script: of its commands (``ShellScript/allCommands``), the
    /// scripts they run with `-c`, and its compounds.
    private(set) var allWrites: [Write] = []

    /// Prepares recognition for `script`, and for the scripts its commands run with `-c`.
    init(_ script: ShellScript) {
        self.init(script, runs: ShellInlineRuns(script), outer: nil)
    }

    private init(_ script: ShellScript, runs: ShellInlineRuns, outer: Context?) {
        let variables = outer.map { ShellVariables(script, inheriting: $0.variables) } ?? ShellVariables(script)
        self.variables = variables
        let all = script.allCommands
        // A script run with `bash -c` starts in the folder of the script running it.
        entersLogFolder = outer?.entersLogFolder == true || all.contains { command in
            guard command.name == "cd" || command.name == "pushd", let folder = command.operands.first?.text,
                let resolved = variables.resolve(folder)
            else { return false }
            return ContainerPath.normalize(resolved) == Self.folder
        }
        rewardScripts = outer?.rewardScripts ?? []
        // Files written from a here-document that mentions the reward are programs that write it.
        for command in all where command.heredocs.contains(where: { Self.mentionsReward($0.body) }) {
            for redirection in command.redirections where redirection.operator.writes && !redirection.operator.isHereDocument {
                guard let text = redirection.target?.text else { continue }
                rewardScripts.insert(variables.resolve(text).map(ContainerPath.normalize) ?? text)
            }
        }
        if !runs.isEmpty {
            let context = Context(variables: variables, entersLogFolder: entersLogFolder, rewardScripts: rewardScripts)
            for command in all {
                guard inlines[command] == nil, let run = runs.run(of: command) else { continue }
                let writes = RewardWrites(run.script.script, runs: run.nested, outer: context)
                let flow = RewardFlow(run.script.script, rewards: writes, shellOptions: run.script.options)
                let writesReward = writes.allWrites.contains { $0.target == .reward }
                inlines[command] = Inline(script: run.script, writes: writes, flow: flow, writesReward: writesReward)
            }
        }
        var computed: [ShellCommand: CommandWrites] = [:]
        for command in all where computed[command] == nil { computed[command] = computeWrites(of: command) }
        writesByCommand = computed
        allWrites = all.flatMap { computed[$0]?.all ?? [] } + script.compounds.flatMap(writes(of:))
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

    /// The reward-like files `command` writes, including those written by the `-c` script it runs.
    func writes(of command: ShellCommand) -> [Write] {
        (writesByCommand[command] ?? computeWrites(of: command)).all
    }

    /// The reward-like files `command` writes itself: by its redirections or the program it runs, not
    /// by the commands of its `-c` script (see ``inline(of:)``).
    func ownWrites(of command: ShellCommand) -> [Write] {
        let writes = writesByCommand[command] ?? computeWrites(of: command)
        return writes.redirections + writes.program
    }

    /// How surely `command` writes the reward itself when it runs (see ``Coverage``).
    func coverage(of command: ShellCommand) -> Coverage {
        (writesByCommand[command] ?? computeWrites(of: command)).coverage
    }

    /// The `-c` script `command` runs (`bash -c "…"`), analysed; nil for other commands and for
    /// scripts nested deeper than ``ShellInlineScript/maximumDepth``.
    func inline(of command: ShellCommand) -> Inline? {
        inlines.isEmpty ? nil : inlines[command]
    }

    private func computeWrites(of command: ShellCommand) -> CommandWrites {
        let unwrapped = command.withoutWrappers
        let name = unwrapped.name
        var result = CommandWrites()
        let producesOutput = (name != nil || !unwrapped.heredocs.isEmpty) && !Self.silent.contains(name ?? "")
        if producesOutput {
            result.redirections = redirectionWrites(command.redirections, constant: Self.constantOutput(of: unwrapped))
        }
        let operands = unwrapped.operands
        if let inline = inline(of: command) {
            result.inline = inline.writes.allWrites
            // The script's own arguments (`bash -c '…' _ /logs/verifier/reward.txt`) may name the reward.
            if let script = unwrapped.inlineScriptInvocation?.script, let index = unwrapped.arguments.firstIndex(of: script) {
                result.program = programWrites(unwrapped, arguments: Array(unwrapped.arguments[(index + 1)...]))
            }
        } else if name == "tee" {
            result.program = operands.compactMap { write($0, constant: nil) }
        } else if let name, Self.copiers.contains(name), operands.count >= 2, let last = operands.last {
            result.program = [write(last, constant: nil)].compactMap { $0 }
        } else if name == "dd" {
            for word in unwrapped.arguments where word.text.hasPrefix("of=") {
                let target = classify(String(word.text.dropFirst(3)))
                if target != .other { result.program.append(Write(byteRange: word.byteRange, target: target, constant: nil)) }
            }
        } else if let name, !Self.readers.contains(name) {
            result.program = programWrites(unwrapped, arguments: unwrapped.arguments)
        }
        func writesReward(_ writes: [Write]) -> Bool { writes.contains { $0.target == .reward } }
        if writesReward(result.redirections) {
            result.coverage = .always
        } else if writesReward(result.program) {
            result.coverage = command.wrapperThatMayNotRun != nil ? .sometimes : .always
        }
        return result
    }

    /// The reward-like files the redirections of a compound (`{ …; } > reward.txt`) write.
    func writes(of compound: ShellCompound) -> [Write] {
        redirectionWrites(compound.redirections, constant: nil)
    }

    /// True when `command` writes the reward file (on at least one path, for a `bash -c` script).
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
    private func programWrites(_ command: ShellCommand, arguments: [ShellWord]) -> [Write] {
        guard let nameWord = command.nameWord else { return [] }
        for word in arguments {
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
