import HarborScaffoldKit

/// The command-line front end: parses arguments, runs one subcommand and returns its output.
/// It never prints or exits; the executable does.
public enum CommandLineTool {
    /// Every subcommand, in help order. `scaffold` is also the default command.
    static let commands: [any Subcommand.Type] = [
        ScaffoldCommand.self, ExportCommand.self, ValidateCommand.self, LintCommand.self, CheckCommand.self, BlueprintsCommand.self,
        RulesCommand.self,
    ]

    /// Runs the tool with `arguments` (without the program name).
    public static func run(_ arguments: [String], environment: Environment) -> CommandOutcome {
        let errorStyle = TextStyle.resolve(preference: "auto", isTerminal: environment.errorIsTerminal, environment: environment.variables)
        var parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(
                arguments, options: uniqueByName(GlobalOptions.all + commands.flatMap { $0.options }),
                commands: Set(commands.map { $0.name } + ["help"]))
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
        if parsed.command == nil {
            guard let first = parsed.positionals.first, !parsed.has("--help") else {
                let help = HelpText.main(commands)
                return parsed.has("--help")
                    ? CommandOutcome(standardOutput: help) : CommandOutcome(standardError: help, exitCode: .usageOrInputError)
            }
            if let guess = EditDistance.suggestion(for: first, among: commands.map { $0.name }), !first.contains("_"), !first.contains("/") {
                return .failure(UsageError("unknown command '\(first)'", hint: "did you mean '\(guess)'?"), style: errorStyle)
            }
            parsed.command = ScaffoldCommand.name
        }
        guard let command = commands.first(where: { $0.name == parsed.command }) else {
            return .failure(UsageError("unknown command"), style: errorStyle)
        }
        if parsed.has("--help") { return CommandOutcome(standardOutput: HelpText.command(command)) }
        let accepted = Set((GlobalOptions.all + command.options).map(\.name))
        if let stray = (Array(parsed.values.keys) + Array(parsed.flags)).sorted().first(where: { !accepted.contains($0) }) {
            return .failure(
                UsageError("option '\(stray)' does not apply to '\(command.name)'", hint: "see 'harbor-scaffold \(command.name) --help'"),
                style: errorStyle)
        }
        return command.run(Invocation(arguments: parsed, environment: environment))
    }

    private static func uniqueByName(_ options: [OptionSpec]) -> [OptionSpec] {
        var seen = Set<String>()
        return options.filter { seen.insert($0.name).inserted }
    }
}
