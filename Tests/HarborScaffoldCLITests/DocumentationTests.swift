import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// The README documents what the binary does: its rule table is the generated one.
@Suite struct DocumentationTests {
    static let readme = (try? String(contentsOfFile: Fixture.root + "/README.md", encoding: .utf8)) ?? ""

    @Test func readmeRuleTableMatchesTheRules() {
        let table = Fixture.run(["rules", "--format", "markdown"]).standardOutput
        #expect(Self.readme.contains(table), "README's rule table is stale: paste `harbor-scaffold rules --format markdown`")
    }

    @Test func readmeNamesEveryCommand() {
        for command in CommandLineTool.commands {
            #expect(Self.readme.contains("harbor-scaffold \(command.name)"), "README lacks \(command.name)")
        }
    }

    @Test func readmeNamesEveryOptionOfEveryCommand() {
        for command in CommandLineTool.commands {
            for option in command.options + GlobalOptions.all {
                #expect(Self.readme.contains(option.name), "README lacks \(option.name) of \(command.name)")
            }
        }
    }

    @Test func readmeMapsEveryHarborLintRule() {
        for rule in HarborLintEquivalents.all {
            let ids = rule.ruleIDs.map { "`\($0)`" }.joined(separator: ", ")
            #expect(Self.readme.contains("| `\(rule.name)`") && Self.readme.contains(ids), "README's harbor lint table lacks \(rule.name) → \(ids)")
        }
    }
}
