import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

@Suite struct CommandLineTests {
    @Test func optionsMayStandBeforeOrAfterPositionals() {
        let id = "draft_dp_bad_difficulty_easy"
        let before = Fixture.run(["--workspace", Fixture.workspace, "validate", id], in: "/")
        let after = Fixture.run(["validate", id, "--workspace=\(Fixture.workspace)"], in: "/")
        #expect(before == after)
        #expect(before.exitCode == .findings)
        #expect(before.standardOutput.contains("error[D203]"))
    }

    @Test func exitCodesSeparateCleanFindingsAndInputErrors() {
        #expect(Fixture.run(["validate", "draft_dp_fastapi_invoice_n_plus_one"]).exitCode == .clean)
        #expect(Fixture.run(["validate", "draft_dp_bad_difficulty_easy"]).exitCode == .findings)
        #expect(Fixture.run(["validate", "draft_dp_bad_binary"]).exitCode == .usageOrInputError)
        #expect(Fixture.run(["validate", "draft_dp_bad_language_version"]).exitCode == .clean, "warnings do not fail by default")
        #expect(Fixture.run(["validate", "draft_dp_bad_language_version", "--fail-on", "warning"]).exitCode == .findings)
        #expect(Fixture.run(["validate", "draft_dp_bad_difficulty_easy", "--exit-zero"]).exitCode == .clean)
        #expect(Fixture.run(["validate"]).exitCode == .usageOrInputError)
    }

    @Test func unsafeTaskIDsAreRefused() {
        for id in ["../etc", ".hidden", "-x", "a\\b", "x/../../y"] {
            let outcome = Fixture.run(["validate", "--", id])
            #expect(outcome.exitCode == .usageOrInputError, "\(id)")
            #expect(outcome.standardError.hasPrefix("error: "), "\(id): \(outcome.standardError)")
        }
        let missingPath = Fixture.run(["validate", "no/such/draft_spec.md"])
        #expect(missingPath.standardError.contains("no such file or folder"))
    }

    @Test func unknownIDsSuggestTheClosestDataPoint() {
        let outcome = Fixture.run(["validate", "draft_dp_bad_difficulty_eazy"])
        #expect(outcome.exitCode == .usageOrInputError)
        #expect(outcome.standardError.contains("did you mean 'draft_dp_bad_difficulty_easy'?"))
    }

    @Test func workspaceIsFoundFromTheEnvironmentOrByWalkingUp() {
        let id = "draft_dp_bad_difficulty_easy"
        let viaEnvironment = Fixture.run(["validate", id], in: "/", variables: ["HARBOR_SCAFFOLD_WORKSPACE": Fixture.workspace])
        #expect(viaEnvironment.exitCode == .findings)
        let fromInside = Fixture.run(["validate", id], in: Fixture.workspace + "/data_points/" + id)
        #expect(fromInside.exitCode == .findings)
        let nowhere = Fixture.run(["validate", id], in: "/")
        #expect(nowhere.standardError.contains("no workspace found"))
    }

    @Test func pathsMayNameADraftFileOrADataPointFolder() {
        let folder = Fixture.run(["validate", "data_points/draft_dp_bad_difficulty_easy"])
        let file = Fixture.run(["validate", "data_points/draft_dp_bad_difficulty_easy/draft_spec.md"])
        #expect(folder == file)
        #expect(folder.exitCode == .findings)
    }

    @Test func unknownOptionsAndSelectorsSuggestFixes() {
        let option = Fixture.run(["validate", "x", "--formt", "json"])
        #expect(option.exitCode == .usageOrInputError)
        #expect(option.standardError.contains("did you mean '--format'?"))
        let selector = Fixture.run(["validate", "draft_dp_bad_difficulty_easy", "--select", "D2033"])
        #expect(selector.standardError.contains("unknown rule selector 'D2033'"))
        let format = Fixture.run(["validate", "draft_dp_bad_difficulty_easy", "--format", "xml"])
        #expect(format.standardError.contains("unknown format 'xml'"))
    }

    @Test func selectAndIgnoreChooseRulesByIDPrefixOrName() {
        let id = "draft_dp_bad_difficulty_easy"
        #expect(Fixture.run(["validate", id, "--ignore", "D203"]).exitCode == .clean)
        #expect(Fixture.run(["validate", id, "--ignore", "invalid-difficulty"]).exitCode == .clean)
        #expect(Fixture.run(["validate", id, "--select", "D1"]).exitCode == .clean)
        #expect(Fixture.run(["validate", id, "--select", "D", "--ignore", "D2", "--extend-select", "D203"]).exitCode == .findings)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        let id = "draft_dp_bad_difficulty_easy"
        #expect(!Fixture.run(["validate", id]).standardOutput.contains("\u{1B}["))
        #expect(Fixture.run(["validate", id], terminal: true).standardOutput.contains("\u{1B}["))
        #expect(!Fixture.run(["validate", id], variables: ["NO_COLOR": "1"], terminal: true).standardOutput.contains("\u{1B}["))
        #expect(!Fixture.run(["validate", id, "--color", "always"], variables: ["NO_COLOR": "1"]).standardOutput.contains("\u{1B}["))
        #expect(Fixture.run(["validate", id, "--color", "always"]).standardOutput.contains("\u{1B}["))
    }

    @Test func helpAndVersionWork() {
        #expect(Fixture.run(["--version"]).standardOutput == "harbor-scaffold \(harborScaffoldVersion)\n")
        let help = Fixture.run(["--help"])
        #expect(help.exitCode == .clean && help.standardOutput.contains("validate"))
        let validateHelp = Fixture.run(["validate", "--help"])
        #expect(validateHelp.standardOutput.contains("Usage: harbor-scaffold validate"))
        #expect(Fixture.run(["help", "rules"]).standardOutput.contains("Usage: harbor-scaffold rules"))
        let bare = Fixture.run([])
        #expect(bare.exitCode == .usageOrInputError && bare.standardError.contains("Commands:"))
        #expect(Fixture.run(["valdate"]).standardError.contains("did you mean 'validate'?"))
    }

    @Test func rulesListsAndExplains() {
        let list = Fixture.run(["rules"])
        for rule in RuleCatalog.all { #expect(list.standardOutput.contains("\(rule.id)  \(rule.name)")) }
        let explain = Fixture.run(["rules", "missing-field"])
        #expect(explain.standardOutput.hasPrefix("D101 missing-field"))
        #expect(explain.standardOutput.contains("Triggers on"))
        #expect(Fixture.run(["rules", "D999"]).exitCode == .usageOrInputError)
        let json = Fixture.run(["rules", "--format", "json"]).standardOutput
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == RuleCatalog.all.count)
    }

    @Test func jsonOutputIsValidAndOrdered() throws {
        let outcome = Fixture.run(["validate", "draft_dp_bad_missing_environment_setup", "draft_dp_bad_difficulty_easy", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["rule"] as? String } == ["D203", "D101"])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["checked"] as? Int == 2)
        #expect(summary["errors"] as? Int == 2)
    }
}
