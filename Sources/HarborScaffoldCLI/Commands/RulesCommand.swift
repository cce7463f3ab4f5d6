import HarborScaffoldKit

/// `harbor-scaffold rules [ID]`: lists every rule, or explains one.
enum RulesCommand: Subcommand {
    static let name = "rules"
    static let summary = "List every rule, or explain one: what it checks, why, and examples."
    static let usage = """
        Usage: harbor-scaffold rules [ID|NAME] [--format text|json]

        Without an argument, lists every rule with its id, name, default severity and title.
        With a rule id (D101) or name (missing-field), explains the rule.
        """
    static let options = [OptionSpec("--format", value: "FORMAT", help: "Output format: text (default), json, or markdown (the README's rule table).")]

    static func run(_ invocation: Invocation) -> CommandOutcome {
        let style = invocation.style
        let format = invocation.arguments.value("--format") ?? "text"
        guard ["text", "json", "markdown"].contains(format) else {
            return .failure(UsageError("unknown format '\(format)'", hint: "use text, json or markdown"), style: invocation.errorStyle)
        }
        let json = format == "json"
        let positionals = invocation.arguments.positionals
        guard positionals.count <= 1 else {
            return .failure(UsageError("rules takes at most one rule id"), style: invocation.errorStyle)
        }
        guard let selector = positionals.first else {
            if format == "markdown" { return CommandOutcome(standardOutput: RuleDocumentation.markdownTable()) }
            return CommandOutcome(standardOutput: json ? RuleDocumentation.jsonList() : RuleDocumentation.table(style: style))
        }
        guard let rule = RuleCatalog.rule(named: selector) else {
            let hint = RuleCatalog.suggestion(for: selector).map { "did you mean '\($0)'?" } ?? "run 'harbor-scaffold rules' for the list"
            return .failure(UsageError("no rule '\(selector)'", hint: hint), style: invocation.errorStyle)
        }
        return CommandOutcome(
            standardOutput: json ? RuleDocumentation.json(rule) + "\n" : RuleDocumentation.explain(rule, style: style))
    }
}
