import Testing
@testable import HarborScaffoldKit

/// Harbor's own rule names and `[metadata.harbor.lint]` work here as in `harbor lint`.
@Suite struct HarborLintParityTests {
    @Test func everyHarborRuleMapsToRulesThatExist() {
        #expect(HarborLintEquivalents.all.count == 17, "harbor lint 0.25 has 17 rules")
        for rule in HarborLintEquivalents.all {
            #expect(!rule.ruleIDs.isEmpty, "\(rule.name)")
            for id in rule.ruleIDs { #expect(RuleCatalog.rule(named: id) != nil, "\(rule.name) → \(id)") }
        }
        #expect(HarborLintEquivalents.names(of: "C103") == ["unpinned-python-dependency"])
        #expect(HarborLintEquivalents.names(of: "D101").isEmpty)
    }

    @Test func harborNamesAreSelectors() throws {
        let leak = try #require(RuleCatalog.rule(named: "C301"))
        let pip = try #require(RuleCatalog.rule(named: "C103"))
        #expect(!RuleSelection(ignore: ["agent-image-test-leak"]).isEnabled(leak))
        #expect(RuleSelection(ignore: ["agent-image-test-leak"]).isEnabled(pip))
        #expect(RuleSelection(select: ["unpinned-python-dependency"]).isEnabled(pip))
        #expect(RuleSelection(select: ["invalid-task-files"]).unknownSelectors(among: RuleCatalog.all).isEmpty)
    }

    private let leakyTask = [
        "task.toml": "[agent]\ntimeout_sec = 600.0\n[metadata.harbor.lint]\nignore = [\"verifier-network-download\"]\nextend-select = [\"root-agent\"]\n",
        "instruction.md": "Fix it.\n", "environment/Dockerfile": "FROM python:3.12-slim\n",
        "tests/test.sh": "#!/bin/bash\ncurl -fsSL https://example.com/expected.json -o /tmp/expected.json\necho 1 > /logs/verifier/reward.txt\n",
    ]

    @Test func aTasksOwnSettingsIgnoreRulesAndTurnOptInRulesOn() {
        let target = LintTarget(layout: .harbor, stage: .skeleton, displayRoot: "", contents: leakyTask)
        let ids = Set(Linter().lint(target).map(\.ruleID))
        #expect(!ids.contains("S105"), "ignored by the task as verifier-network-download")
        #expect(ids.contains("T108"), "root-agent turned on by the task")
        var plain = leakyTask
        plain["task.toml"] = "[agent]\ntimeout_sec = 600.0\n"
        let plainIDs = Set(Linter().lint(LintTarget(layout: .harbor, stage: .skeleton, displayRoot: "", contents: plain)).map(\.ruleID))
        #expect(plainIDs.contains("S105") && !plainIDs.contains("T108"))
        let ignoredOnTheCommandLine = Linter(selection: RuleSelection(ignore: ["T108"])).lint(target)
        #expect(!ignoredOnTheCommandLine.contains { $0.ruleID == "T108" }, "the command line's --ignore wins")
    }
}
