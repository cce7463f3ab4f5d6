extension ShellCommand {
    /// Command names that run another command given as their arguments.
    public static let wrapperNames: Set<String> = [
        "sudo", "doas", "env", "command", "builtin", "exec", "nohup", "time", "nice", "timeout", "stdbuf",
        "eatmydata", "ionice", "chronic", "runuser", "xargs", "find",
    ]

    /// The command that actually runs when this one is a wrapper such as `sudo`, `env FOO=1`,
    /// `timeout 60`, `nice -n 5`, `nohup`, `exec`, `command`, `runuser -u USER --`, `xargs -0` or
    /// `find … -exec CMD … \;` (applied repeatedly, so `sudo env X=1 pip install` gives `pip install`).
    /// For `find`, the first `-exec`, `-execdir`, `-ok` or `-okdir` is taken, up to its `;` or `{} +`.
    /// `su` and `runuser` without `-u` are not wrappers: they hand a script to the user's shell
    /// (see ``inlineScriptInvocation``).
    ///
    /// The result keeps this command's position and context; its ``words`` start at the wrapped
    /// command, and `env`'s `NAME=value` operands become ``assignments``. Returns `self` when the
    /// command is not a wrapper or the wrapped command is missing.
    public var withoutWrappers: ShellCommand {
        unwrapped { _, _, _ in }
    }

    /// The wrapper between this command and ``withoutWrappers`` that may run the wrapped command no
    /// times at all, if any: `find` (`find … -exec`, when nothing is found) or `xargs` (`xargs -r` or
    /// `xargs -I {}`, when there is no input). The wrapped command's effects are not certain even when
    /// this one runs.
    public var wrapperThatMayNotRun: String? {
        var result: String?
        _ = unwrapped { name, arguments, start in
            if result == nil, name == "find" || (name == "xargs" && Self.xargsSkipsEmptyInput(arguments[..<start])) {
                result = name
            }
        }
        return result
    }

    /// Removes wrappers one at a time, telling `visit` each wrapper's name, arguments and the index in
    /// them where the wrapped command starts.
    private func unwrapped(_ visit: (String, [ShellWord], Int) -> Void) -> ShellCommand {
        var current = self
        var rounds = 0
        while rounds < 8, let name = current.name, ShellCommand.wrapperNames.contains(name) {
            rounds += 1
            let args = current.arguments
            guard let wrapped = ShellCommand.wrappedRange(name: name, arguments: args) else { return current }
            var assignments = current.assignments
            var start = wrapped.lowerBound
            if name == "env" {
                while start < wrapped.upperBound, let assignment = ShellByte.assignment(from: args[start]) {
                    assignments.append(assignment)
                    start += 1
                }
            }
            guard start < wrapped.upperBound else { return current }
            visit(name, args, start)
            var next = current
            next.assignments = assignments
            next.words = assignments.map(\.word) + Array(args[start..<wrapped.upperBound])
            current = next
        }
        return current
    }

    /// The words of `arguments` that are the wrapped command for wrapper `name`, or nil when nothing is run.
    static func wrappedRange(name: String, arguments: [ShellWord]) -> Range<Int>? {
        if name == "find" { return findExecRange(arguments) }
        let withValue: Set<String>
        var positionalToSkip = 0
        switch name {
        case "sudo": withValue = ["-u", "-g", "-C", "-D", "-p", "-r", "-t", "-U", "-T", "-h", "-R"]
        case "doas": withValue = ["-u", "-C"]
        case "env": withValue = ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"]
        case "exec": withValue = ["-a"]
        case "nice": withValue = ["-n", "--adjustment"]
        case "ionice": withValue = ["-c", "-n", "-p", "-P", "-u"]
        case "timeout":
            withValue = ["-s", "-k", "--signal", "--kill-after"]
            positionalToSkip = 1
        case "stdbuf": withValue = ["-i", "-o", "-e", "--input", "--output", "--error"]
        case "runuser":
            // Only `runuser -u USER [--] command` runs a command; otherwise it starts a shell like `su`.
            guard arguments.contains(where: { $0.text == "-u" || $0.text == "--user" || $0.text.hasPrefix("--user=") }) else {
                return nil
            }
            withValue = ["-u", "--user", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment"]
        case "xargs":
            withValue = [
                "-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs",
                "--max-chars", "--process-slot-var",
            ]
        default: withValue = []
        }
        var index = 0
        while index < arguments.count {
            let text = arguments[index].text
            if text == "--" { index += 1; break }
            guard text.hasPrefix("-"), text.count > 1 else { break }
            // `command -v x` / `-V` only looks the name up; nothing is run.
            if name == "command", text == "-v" || text == "-V" { return nil }
            index += withValue.contains(text) ? 2 : 1
        }
        index += positionalToSkip
        return index <= arguments.count ? index..<arguments.count : nil
    }

    /// The command of `find`'s first `-exec`, `-execdir`, `-ok` or `-okdir`: the words after it up to
    /// `;` (written `\;` or `';'`) or a `+` right after `{}`.
    private static func findExecRange(_ arguments: [ShellWord]) -> Range<Int>? {
        let actions: Set<String> = ["-exec", "-execdir", "-ok", "-okdir"]
        guard let action = arguments.firstIndex(where: { actions.contains($0.text) }) else { return nil }
        let start = action + 1
        var end = start
        while end < arguments.count {
            let text = arguments[end].text
            if text == ";" || (text == "+" && end > start && arguments[end - 1].text == "{}") { break }
            end += 1
        }
        return start < end ? start..<end : nil
    }

    /// True when xargs options skip the command when the input is empty: `-r`/`--no-run-if-empty`,
    /// and `-I`/`-i`/`--replace`, which run it once per input line (also in clusters such as `-0r`).
    private static func xargsSkipsEmptyInput(_ options: ArraySlice<ShellWord>) -> Bool {
        options.contains { word in
            let text = word.text
            if text == "--no-run-if-empty" || text == "--replace" || text.hasPrefix("--replace=") { return true }
            guard text.hasPrefix("-"), !text.hasPrefix("--") else { return false }
            for letter in text.dropFirst() {
                if letter == "r" || letter == "I" || letter == "i" { return true }
                // The rest of the word is this option's value.
                if "adEeLlnPs".contains(letter) { return false }
            }
            return false
        }
    }
}
