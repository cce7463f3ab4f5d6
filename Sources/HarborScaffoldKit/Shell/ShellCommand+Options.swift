extension ShellCommand {
    /// True when any of `options` appears among the arguments, before a `--` end-of-options marker.
    ///
    /// - `--long` matches `--long` and `--long=value`.
    /// - A short option `-y` matches `-y` and combined short flags such as `-qy` (a single dash followed
    ///   only by letters and digits).
    /// - Any other single-dash spelling (`-qq`, `-name`) matches exactly or as `-name=value`.
    public func hasOption(_ options: String...) -> Bool {
        hasOption(in: options)
    }

    /// Array form of ``hasOption(_:)``.
    public func hasOption(in options: [String]) -> Bool {
        for argument in arguments {
            let text = argument.text
            if text == "--" { return false }
            for option in options where ShellCommand.argument(text, matches: option) { return true }
        }
        return false
    }

    /// The value of the first occurrence of `option`: `--name=value`, `--name value`, `-xvalue`, `-x value`,
    /// or a cluster ending in the option followed by its value (`set -euo pipefail` gives `-o` → `pipefail`).
    /// Returns nil when the option is absent or has no value.
    public func optionValue(_ option: String) -> String? {
        optionValues(option).first
    }

    /// The values of every occurrence of `option` (for repeatable options such as `pip install -r a -r b`).
    public func optionValues(_ option: String) -> [String] {
        let args = arguments
        var values: [String] = []
        var index = 0
        while index < args.count {
            let text = args[index].text
            if text == "--" { break }
            if text == option {
                if index + 1 < args.count { values.append(args[index + 1].text) }
                index += 2
                continue
            }
            if ShellCommand.isShortOption(option), text.count > 2, text.hasPrefix("-"), !text.hasPrefix("--"),
                text.hasSuffix(String(option.dropFirst())), text.dropFirst().allSatisfy(\.isLetter)
            {
                if index + 1 < args.count { values.append(args[index + 1].text) }
                index += 2
                continue
            }
            if text.hasPrefix(option + "=") {
                values.append(String(text.dropFirst(option.count + 1)))
            } else if ShellCommand.isShortOption(option), text.hasPrefix(option), !text.hasPrefix("--"),
                text.count > option.count
            {
                values.append(String(text.dropFirst(option.count)))
            }
            index += 1
        }
        return values
    }

    /// Arguments that are not options (do not start with `-`, or come after `--`).
    /// Option values given as separate words (`-o file`) cannot be told apart and are included.
    public var operands: [ShellWord] {
        var result: [ShellWord] = []
        var afterMarker = false
        for argument in arguments {
            if afterMarker { result.append(argument); continue }
            if argument.text == "--" { afterMarker = true; continue }
            if argument.text.hasPrefix("-"), argument.text.count > 1 { continue }
            result.append(argument)
        }
        return result
    }

    static func isShortOption(_ option: String) -> Bool {
        let bytes = Array(option.utf8)
        return bytes.count == 2 && bytes[0] == ShellByte.minus && bytes[1] != ShellByte.minus
    }

    static func argument(_ text: String, matches option: String) -> Bool {
        if text == option { return true }
        if option.hasPrefix("--") { return text.hasPrefix(option + "=") }
        if isShortOption(option) {
            let textBytes = Array(text.utf8)
            guard textBytes.count > 2, textBytes[0] == ShellByte.minus, textBytes[1] != ShellByte.minus,
                let letter = option.utf8.last
            else { return false }
            let flags = textBytes.dropFirst()
            return flags.allSatisfy(ShellByte.isAlphanumeric) && flags.contains(letter)
        }
        return option.hasPrefix("-") && text.hasPrefix(option + "=")
    }
}
