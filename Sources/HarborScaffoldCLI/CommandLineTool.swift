import HarborScaffoldKit

/// The command-line front end: parses arguments, runs one subcommand and returns its output.
/// It never prints or exits; the executable does.
public enum CommandLineTool {
    /// Every subcommand, in help order.
    static let commands: [any Subcommand.Type] = [ValidateCommand.self, RulesCommand.self]

    /// Runs the tool with `arguments` (without the program name).
    public static func run(_ arguments: [String], environment: Environment) -> CommandOutcome {
        let allOptions = GlobalOptions.all + commands.flatMap { $0.options }
        let names = Set(commands.map { $0.name } + ["help"])
        let errorStyle = TextStyle.resolve(
            preference: "auto", isTerminal: environment.errorIsTerminal, environment: environment.variables)
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(arguments, options: uniqueByName(allOptions), commands: names)
        } catch {
            return .failure(error, style: errorStyle)
        }
        if parsed.has("--version") {
            return CommandOutcome(standardOutput: "harbor-scaffold \(harborScaffoldVersion)\n")
        }
        if parsed.command == "help" {
            guard let topic = parsed.positionals.first else { return CommandOutcome(standardOutput: HelpText.main(commands)) }
            guard let command = commands.first(where: { $0.name == topic }) else {
                return .failure(UsageError("no command '\(topic)'"), style: errorStyle)
            }
            return CommandOutcome(standardOutput: HelpText.command(command))
        }
        guard let name = parsed.command, let command = commands.first(where: { $0.name == name }) else {
            if parsed.has("--help") || parsed.positionals.isEmpty {
                let outcome = CommandOutcome(standardOutput: HelpText.main(commands))
                return parsed.has("--help") ? outcome : CommandOutcome(standardError: outcome.standardOutput, exitCode: .usageOrInputError)
            }
            let guess = EditDistance.suggestion(for: parsed.positionals[0], among: commands.map { $0.name })
            return .failure(
                UsageError("unknown command '\(parsed.positionals[0])'", hint: guess.map { "did you mean '\($0)'?" } ?? "run 'harbor-scaffold --help'"),
                style: errorStyle)
        }
        if parsed.has("--help") { return CommandOutcome(standardOutput: HelpText.command(command)) }
        let accepted = Set((GlobalOptions.all + command.options).map(\.name))
        if let stray = (Array(parsed.values.keys) + Array(parsed.flags)).sorted().first(where: { !accepted.contains($0) }) {
            return .failure(UsageError("option '\(stray)' does not apply to '\(command.name)'", hint: "see 'harbor-scaffold \(command.name) --help'"), style: errorStyle)
        }
        return command.run(Invocation(arguments: parsed, environment: environment))
    }

    private static func uniqueByName(_ options: [OptionSpec]) -> [OptionSpec] {
        var seen = Set<String>()
        return options.filter { seen.insert($0.name).inserted }
    }
}
