import HarborScaffoldKit

/// Arguments split into a command, positionals and option values. Options may stand before or
/// after positionals; `--` ends options; `--name=value` and `--name value` are the same.
struct ParsedArguments: Sendable {
    /// The subcommand named, if any.
    var command: String?
    /// Arguments that are not options, in order.
    var positionals: [String] = []
    /// Option values by long name, in the order given.
    var values: [String: [String]] = [:]
    /// Flags given, by long name.
    var flags: Set<String> = []

    /// The last value of `name`, if given.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of `name`, comma-separated lists split.
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters() } }
            .filter { !$0.isEmpty }
    }

    /// True when flag `name` was given.
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Splits `arguments`, using `options` to know which options take values and `commands` to
    /// recognise the subcommand (the first positional that names one).
    static func parse(
        _ arguments: [String], options: [OptionSpec], commands: Set<String>
    ) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                if parsed.command == nil, parsed.positionals.isEmpty, commands.contains(argument), !optionsEnded {
                    parsed.command = argument
                } else {
                    parsed.positionals.append(argument)
                }
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name || $0.short == name }) else {
                let guess = EditDistance.suggestion(for: name, among: options.map(\.name))
                throw UsageError("unknown option '\(name)'", hint: guess.map { "did you mean '\($0)'?" })
            }
            if spec.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw UsageError("option '\(spec.name)' needs a value (\(spec.valueName ?? "value"))")
                }
                parsed.values[spec.name, default: []].append(value)
            } else {
                guard inline == nil else { throw UsageError("option '\(spec.name)' takes no value") }
                parsed.flags.insert(spec.name)
            }
        }
        return parsed
    }
}

extension String {
    /// The string without leading and trailing white space.
    func trimmingCharacters() -> String {
        var view = Substring(self)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
