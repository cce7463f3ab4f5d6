/// A script that a command hands to a shell with `-c` (`sh -c "pip install x"`, `bash -lc '…'`,
/// `RUN ["/bin/bash", "-c", "…"]`), read with ``ShellParser`` as a script of its own so that linters
/// see the commands it runs.
///
/// Byte offsets in ``script`` are in the outer script's coordinates (for a Dockerfile: offsets in the
/// file). They are exact when the script word's quoting can be undone byte for byte (quotes, and
/// backslash escapes as the shell reads them); otherwise — ANSI-C quoting `$'…'`, quotes nested inside
/// an expansion, JSON escapes such as `\n` in an exec-form `RUN` — every position is the word's first byte.
public struct ShellInlineScript: Sendable, Hashable {
    /// Maximum nesting of `sh -c` scripts that is read (`sh -c "bash -c '…'"` is two deep).
    public static let maximumDepth = 3

    /// Shells whose `-c` script is read.
    public static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ash", "ksh", "mksh"]

    /// The shell's name (`bash` for `/bin/bash`).
    public var shell: String
    /// The command running the shell, wrappers (`sudo`, `env X=1`…) removed.
    public var command: ShellCommand
    /// The shell's option words before the script (`-o`, `pipefail`, `-c`), as written after quote removal.
    public var options: [String]
    /// The word holding the script.
    public var word: ShellWord
    /// The script, read from the word's text.
    public var script: ShellScript
    /// True when every position in ``script`` is exact (see the type's documentation).
    public var hasExactPositions: Bool
    /// 1 for a script run by a command of the outer script, 2 for one run from inside that one, and so on.
    public var depth: Int
    /// Byte ranges of the command substitutions in ``word`` that the outer shell runs before this shell
    /// starts (`sh -c "echo $(date)"`): their commands belong to the outer script, not to this one.
    public var outerSubstitutions: [Range<Int>]

    /// True when the shell is started with `-o pipefail` (`bash -o pipefail -c`, `bash -eo pipefail -c`).
    public var setsPipefail: Bool {
        for index in options.indices.dropFirst() where options[index] == "pipefail" {
            let option = options[index - 1]
            if option.hasPrefix("-"), !option.hasPrefix("--"), option.hasSuffix("o") { return true }
        }
        return false
    }

    /// True when `substitution`, a command substitution read in ``script``, is one that the outer
    /// shell runs (so its commands are already the outer script's).
    public func isOuterSubstitution(_ substitution: ShellScript) -> Bool {
        guard !outerSubstitutions.isEmpty else { return false }
        guard hasExactPositions else { return true }
        let range = substitution.byteRange
        return outerSubstitutions.contains { $0.overlaps(range) || $0.lowerBound == range.lowerBound }
    }

    /// Every command this shell runs (``ShellScript/allCommands`` of ``script``), without the commands
    /// of substitutions that the outer shell runs.
    public var commands: [ShellCommand] {
        let all = script.allCommands
        guard !outerSubstitutions.isEmpty else { return all }
        return all.filter { command in
            guard command.substitutionDepth > 0 else { return true }
            guard hasExactPositions else { return false }
            return !outerSubstitutions.contains { $0.contains(command.byteRange.lowerBound) }
        }
    }

    /// The scripts run with `-c` by `commands` (read from text whose local byte `i` came from offset
    /// `offsets.absolute(i)`; nil when those positions are not exact), each followed by the scripts run
    /// from inside it, at most ``maximumDepth`` deep.
    static func scripts(runBy commands: [ShellCommand], offsets: ShellOffsetMap?, depth: Int = 1) -> [ShellInlineScript] {
        guard depth <= maximumDepth else { return [] }
        var result: [ShellInlineScript] = []
        for raw in commands {
            let command = raw.withoutWrappers
            guard let invocation = command.inlineScriptInvocation else { continue }
            let word = invocation.script
            let text = Array(word.text.utf8)
            let located = offsets.flatMap { locate(word, in: $0) }
            let start = word.byteRange.lowerBound
            let map = located ?? ShellOffsetMap(table: [Int](repeating: start, count: text.count), endOffset: start)
            let inline = ShellInlineScript(
                shell: invocation.shell, command: command, options: invocation.options.map(\.text), word: word,
                script: ShellParser.parse(bytes: text, offsets: map), hasExactPositions: located != nil, depth: depth,
                outerSubstitutions: word.commandSubstitutions.map(\.byteRange))
            result.append(inline)
            result += scripts(runBy: inline.commands, offsets: located, depth: depth + 1)
        }
        return result
    }

    /// The map from the bytes of `word`'s text to offsets, when its raw form (read through `offsets`)
    /// can be unquoted byte for byte into exactly that text.
    static func locate(_ word: ShellWord, in offsets: ShellOffsetMap) -> ShellOffsetMap? {
        let raw = Array(word.raw.utf8)
        guard !raw.isEmpty, let start = offsets.local(ofAbsolute: word.byteRange.lowerBound),
            offsets.absolute(start..<(start + raw.count)) == word.byteRange
        else { return nil }
        let (text, sources) = unquote(raw)
        guard text.elementsEqual(word.text.utf8) else { return nil }
        let table = sources.map { offsets.absolute(start + $0) }
        return ShellOffsetMap(table: table, endOffset: table.last.map { $0 + 1 } ?? word.byteRange.lowerBound)
    }

    /// `raw` with quotes and backslash escapes removed as the shell reader does, with the index in
    /// `raw` of each byte kept. Expansions are kept as written.
    static func unquote(_ raw: [UInt8]) -> (text: [UInt8], sources: [Int]) {
        var text: [UInt8] = []
        var sources: [Int] = []
        func keep(_ index: Int) {
            text.append(raw[index])
            sources.append(index)
        }
        var index = 0
        while index < raw.count {
            switch raw[index] {
            case ShellByte.backslash where index + 1 < raw.count:
                if raw[index + 1] != ShellByte.newline { keep(index + 1) }
                index += 2
            case ShellByte.singleQuote:
                index += 1
                while index < raw.count, raw[index] != ShellByte.singleQuote {
                    keep(index)
                    index += 1
                }
                index += 1
            case ShellByte.doubleQuote:
                index += 1
                while index < raw.count, raw[index] != ShellByte.doubleQuote {
                    if raw[index] == ShellByte.backslash, index + 1 < raw.count {
                        let next = raw[index + 1]
                        switch next {
                        case ShellByte.newline: break
                        case ShellByte.dollar, ShellByte.backtick, ShellByte.doubleQuote, ShellByte.backslash: keep(index + 1)
                        default:
                            keep(index)
                            keep(index + 1)
                        }
                        index += 2
                        continue
                    }
                    keep(index)
                    index += 1
                }
                index += 1
            default:
                keep(index)
                index += 1
            }
        }
        return (text, sources)
    }
}

extension ShellCommand {
    /// For a shell started with a script to run — `sh|bash|dash|zsh|ash|ksh|mksh [options] -c SCRIPT
    /// [name [args…]]`, with the `-c` alone or in a cluster (`-lc`, `-ec`, `-euxc`) and options taking a
    /// value (`-o pipefail`, `-O extglob`, `--rcfile FILE`) skipped — the shell's name, its option words
    /// and the script word. Nil for any other command, and for a shell reading a script file or standard
    /// input. Call it on a command whose wrappers are removed (``withoutWrappers``).
    ///
    /// `su` and `runuser` (without `-u`) count as shells too: `su -c SCRIPT [-] [user]`, `su [-] user -c
    /// SCRIPT`, `--command SCRIPT` or `--session-command SCRIPT` run SCRIPT with the user's shell (the
    /// `su` name is given, with no options), unless `-s`/`--shell` names one that is not a POSIX shell.
    public var inlineScriptInvocation: (shell: String, options: [ShellWord], script: ShellWord)? {
        guard let name else { return nil }
        if name == "su" || name == "runuser" { return userShellInvocation(name) }
        guard ShellInlineScript.shells.contains(name) else { return nil }
        let args = arguments
        var readsScript = false
        var values = 0
        var index = 0
        while index < args.count {
            let text = args[index].text
            if values > 0 {
                values -= 1
                index += 1
                continue
            }
            if text == "--" || text == "-" {
                index += 1
                break
            }
            guard let sign = text.first, sign == "-" || sign == "+", text.count > 1 else { break }
            index += 1
            if text.hasPrefix("--") {
                if text == "--rcfile" || text == "--init-file" { values = 1 }
                continue
            }
            let letters = text.dropFirst()
            guard letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            if sign == "-", letters.contains("c") { readsScript = true }
            values = letters.filter { $0 == "o" || $0 == "O" }.count
        }
        guard readsScript, values == 0, index < args.count else { return nil }
        return (name, Array(args[..<index]), args[index])
    }

    /// `su`/`runuser` with `-c SCRIPT` (options are permuted, so `-c` may follow the user name).
    private func userShellInvocation(_ name: String) -> (shell: String, options: [ShellWord], script: ShellWord)? {
        let args = arguments
        var script: ShellWord?
        var shell: String?
        var index = 0
        while index < args.count {
            let word = args[index]
            let text = word.text
            index += 1
            if text == "--" { break }
            // `-` (a login shell), the user name and the shell's own arguments.
            guard text.hasPrefix("-"), text.count > 1 else { continue }
            if text.hasPrefix("--") {
                let option = text.prefix { $0 != "=" }
                let hasValue = option.count < text.count
                let takesValue = ["--command", "--session-command", "--shell", "--group", "--supp-group", "--whitelist-environment"]
                guard takesValue.contains(String(option)) else { continue }
                var value = hasValue ? nil : (index < args.count ? args[index] : nil)
                if !hasValue { index += 1 }
                if option == "--command" || option == "--session-command" {
                    if hasValue { value = word.droppingLiteralPrefix(option + "=") }
                    guard let value else { return nil }
                    script = value
                } else if option == "--shell" {
                    shell = hasValue ? String(text.dropFirst(option.count + 1)) : value?.text
                }
                continue
            }
            // A cluster of short options: `-lc SCRIPT`, `-s/bin/bash`, `-g grp`.
            var letters = text.dropFirst()
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard "csgGw".contains(letter) else { continue }
                let attached = letters.isEmpty ? nil : String(letters)
                let next = attached == nil && index < args.count ? args[index] : nil
                if attached == nil { index += 1 }
                if letter == "c" {
                    // A script glued to `-c` (`-cls`) is too rare to map back to its bytes.
                    guard let next else { return nil }
                    script = next
                } else if letter == "s" {
                    shell = attached ?? next?.text
                }
                break
            }
        }
        guard let script else { return nil }
        if let shell, !ShellInlineScript.shells.contains(ShellByte.basename(shell)) { return nil }
        return (name, [], script)
    }
}

extension ShellWord {
    /// The rest of the word after `prefix`, when the word starts with exactly that unquoted text
    /// (`--command=` of `--command='ls -l'`); nil otherwise.
    func droppingLiteralPrefix(_ prefix: some StringProtocol) -> ShellWord? {
        let count = prefix.utf8.count
        guard raw.hasPrefix(prefix), text.hasPrefix(prefix), byteRange.count >= count else { return nil }
        let rest = raw.utf8.dropFirst(count)
        let lower = byteRange.lowerBound + count
        return ShellWord(
            text: String(decoding: text.utf8.dropFirst(count), as: UTF8.self), raw: String(decoding: rest, as: UTF8.self),
            byteRange: lower..<byteRange.upperBound, isQuoted: isQuoted, hasExpansion: hasExpansion,
            commandSubstitutions: commandSubstitutions)
    }
}

extension ShellScript {
    /// The scripts this script's commands (``allCommands``) run with a shell's `-c`, each followed by the
    /// scripts run from inside it, at most ``ShellInlineScript/maximumDepth`` deep. Positions are exact
    /// for a script read by ``ShellParser/parse(_:baseOffset:)`` or ``ShellParser/parse(bytes:baseOffset:)``
    /// (a Dockerfile's `RUN` has its own: ``DockerInstruction/inlineScripts``).
    public var inlineScripts: [ShellInlineScript] {
        ShellInlineScript.scripts(runBy: allCommands, offsets: ShellOffsetMap(base: byteRange.lowerBound))
    }
}

/// The `-c` scripts that a list of commands runs, looked up by the command running each, with the
/// scripts nested inside each one: the shape the rules that follow a script's control flow need
/// (``ShellScript/inlineScripts`` lists them flat).
struct ShellInlineRuns: Sendable {
    /// A command's script and the scripts its own commands run.
    struct Run: Sendable {
        /// The script.
        let script: ShellInlineScript
        /// The scripts run by ``script``'s commands (``ShellInlineScript/commands``).
        let nested: ShellInlineRuns
    }

    private var runs: [ShellCommand: Run] = [:]

    /// The scripts run by the commands of `script` (``ShellScript/inlineScripts``).
    init(_ script: ShellScript) {
        self.init(commands: script.allCommands, scripts: script.inlineScripts)
    }

    /// `scripts` as ``ShellInlineScript/scripts(runBy:offsets:depth:)`` listed them for `commands`:
    /// each command with an ``ShellCommand/inlineScriptInvocation`` ran the next script of the
    /// shallowest depth, and the deeper scripts after it are nested in it.
    init(commands: [ShellCommand], scripts: [ShellInlineScript]) {
        guard let depth = scripts.map(\.depth).min() else { return }
        var groups: [(script: ShellInlineScript, nested: [ShellInlineScript])] = []
        for inline in scripts {
            if inline.depth == depth {
                groups.append((inline, []))
            } else if !groups.isEmpty {
                groups[groups.count - 1].nested.append(inline)
            }
        }
        var next = 0
        for command in commands where next < groups.count && command.withoutWrappers.inlineScriptInvocation != nil {
            let group = groups[next]
            next += 1
            if runs[command] == nil {
                runs[command] = Run(script: group.script, nested: ShellInlineRuns(commands: group.script.commands, scripts: group.nested))
            }
        }
    }

    /// True when no command runs a script.
    var isEmpty: Bool { runs.isEmpty }

    /// The script `command` (one of the commands given) runs, if any.
    func run(of command: ShellCommand) -> Run? {
        runs.isEmpty ? nil : runs[command]
    }

    /// `commands`, each one that runs a `-c` script replaced by the commands of that script (nested
    /// scripts likewise, up to ``ShellInlineScript/maximumDepth``).
    func expanding(_ commands: [ShellCommand]) -> [ShellCommand] {
        guard !runs.isEmpty else { return commands }
        return commands.flatMap { command -> [ShellCommand] in
            guard let run = runs[command] else { return [command] }
            return run.nested.expanding(run.script.commands)
        }
    }
}
