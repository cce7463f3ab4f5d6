import Testing
@testable import HarborScaffoldKit

/// Every rule's documented examples are its tests: triggering ones must fire, the others must not.
@Suite struct RuleExampleTests {
    static let ruleIDs = RuleCatalog.all.map(\.id)

    private func findings(of rule: RuleDescription, on example: RuleExample) -> [Diagnostic] {
        let selection = RuleSelection(select: [rule.id])
        if rule.family == "D" {
            let text = example.files["draft_spec.md"] ?? ""
            let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: text))
            return DraftValidator(selection: selection).validate(draft)
        }
        if rule.family == "X" { return WorkspaceChecker(selection: selection).check(WorkspaceDrafts(files: example.files)) }
        let harbor = example.files.keys.contains { $0 == "task.toml" || $0 == "instruction.md" || $0.contains("/") }
        let target = LintTarget(
            layout: harbor ? .harbor : .builder, stage: example.stage ?? .skeleton, displayRoot: "", contents: example.files,
            links: example.links)
        return Linter(selection: selection).lint(target)
    }

    @Test(arguments: ruleIDs)
    func triggeringExamplesFire(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(named: id))
        #expect(!rule.triggeringExamples.isEmpty, "\(id) has no triggering example")
        for example in rule.triggeringExamples {
            let found = findings(of: rule, on: example)
            #expect(found.contains { $0.ruleID == id }, "\(id) did not fire on:\n\(example.displayText)")
            #expect(found.allSatisfy { $0.severity == rule.defaultSeverity })
        }
    }

    @Test(arguments: ruleIDs)
    func nonTriggeringExamplesStayQuiet(_ id: String) throws {
        let rule = try #require(RuleCatalog.rule(named: id))
        #expect(!rule.nonTriggeringExamples.isEmpty, "\(id) has no non-triggering example")
        for example in rule.nonTriggeringExamples {
            let found = findings(of: rule, on: example)
            #expect(found.isEmpty, "\(id) fired on:\n\(example.displayText)\n\(found.map(\.message))")
        }
    }

    @Test func theBaseExampleDraftIsCleanUnderEveryRule() {
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))
        let found = DraftValidator().validate(draft)
        #expect(found.isEmpty, "\(found.map { "\($0.ruleID) \($0.message)" })")
    }

    @Test func ruleIDsAndNamesAreUniqueAndWellFormed() {
        let rules = RuleCatalog.all
        #expect(Set(rules.map(\.id)).count == rules.count)
        #expect(Set(rules.map(\.name)).count == rules.count)
        for rule in rules {
            #expect(rule.id.wholeMatch(of: /[A-Z]+[0-9]{3}/) != nil, "bad id \(rule.id)")
            #expect(rule.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "bad name \(rule.name)")
            #expect(!rule.rationale.isEmpty && !rule.title.isEmpty)
        }
    }
}
