extension ShellCommand {
    /// Command names that run another command given as their arguments.
    public static let wrapperNames: Set<String> = [
        "sudo", "doas", "env", "command", "builtin", "exec", "nohup", "time", "nice", "timeout", "stdbuf",
        "eatmydata", "ionice", "chronic",
    ]

    /// The command that actually runs when this one is a wrapper such as `sudo`, `env FOO=1`,
    /// `timeout 60`, `nice -n 5`, `nohup`, `exec` or `command` (applied repeatedly, so
    /// `sudo env X=1 pip install` gives `pip install`).
    ///
    /// The result keeps this command's position and context; its ``words`` start at the wrapped
    /// command, and `env`'s `NAME=value` operands become ``assignments``. Returns `self` when the
    /// command is not a wrapper or the wrapped command is missing.
    public var withoutWrappers: ShellCommand {
        var current = self
        var rounds = 0
        while rounds < 8, let name = current.name, ShellCommand.wrapperNames.contains(name) {
            rounds += 1
            let args = current.arguments
            guard let skip = ShellCommand.wrappedStart(name: name, arguments: args) else { return current }
            var assignments = current.assignments
            var start = skip
            if name == "env" {
                while start < args.count, let assignment = ShellByte.assignment(from: args[start]) {
                    assignments.append(assignment)
                    start += 1
                }
            }
            guard start < args.count else { return current }
            var next = current
            next.assignments = assignments
            next.words = assignments.map(\.word) + Array(args[start...])
            current = next
        }
        return current
    }

    /// Index in `arguments` of the wrapped command for wrapper `name`, or nil when nothing is run.
    static func wrappedStart(name: String, arguments: [ShellWord]) -> Int? {
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
        return index <= arguments.count ? index : nil
    }
}
