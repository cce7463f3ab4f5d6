/// L001: a suppression comment names a rule that does not exist.
struct UnknownSuppressionRule: LintRule {
    static let description = RuleDescription(
        id: "L001", name: "unknown-suppression", title: "A suppression comment names an unknown rule", severity: .warning,
        rationale: "A typo in `harbor-scaffold: ignore[...]` silently suppresses nothing; the finding it meant to hide still fails the build, and nobody sees why.",
        triggering: [RuleExample(files: ["Dockerfile": "# harbor-scaffold: ignore[C9999]\nFROM python:3.12-slim\n"])],
        nonTriggering: [RuleExample(files: ["Dockerfile": "# harbor-scaffold: ignore[L001]\nFROM python:3.12-slim\n"])])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        let known = RuleCatalog.all
        for (path, parsed) in target.suppressions.sorted(by: { $0.key < $1.key }) {
            for directive in parsed.directives {
                for selector in directive.selectors where !known.contains(where: { RuleSelection.specificity(selector, $0) != nil }) {
                    let guess = RuleCatalog.suggestion(for: selector)
                    sink.report(
                        "suppression names unknown rule '\(selector)'" + (guess.map { "; did you mean '\($0)'?" } ?? ""),
                        path: path, at: .line(directive.line).with(column: directive.column),
                        hint: "see 'harbor-scaffold rules' for ids and names")
                }
            }
        }
    }
}
