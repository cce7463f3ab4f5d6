import HarborScaffoldKit

/// The text of `--help`.
enum HelpText {
    static func main(_ commands: [any Subcommand.Type]) -> String {
        var out = """
            harbor-scaffold \(harborScaffoldVersion) — validate task drafts, scaffold Harbor tasks, lint them.

            Usage: harbor-scaffold <command> [arguments] [options]

            Commands:

            """
        for command in commands {
            out += "  " + command.name.padding(to: 12) + command.summary + "\n"
        }
        out += "  " + "help".padding(to: 12) + "Show help for a command.\n\nGlobal options:\n"
        out += GlobalOptions.all.map { $0.helpLine(width: 22) }.joined(separator: "\n") + "\n"
        out += "\nRun 'harbor-scaffold <command> --help' for a command's options.\n"
        return out
    }

    static func command(_ command: any Subcommand.Type) -> String {
        var out = command.usage + "\n\nOptions:\n"
        out += (command.options + GlobalOptions.all).map { $0.helpLine(width: 22) }.joined(separator: "\n") + "\n"
        return out
    }
}
