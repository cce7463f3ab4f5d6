import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct LintFrameworkTests {
    @Test func layoutsAreDetectedFromTheirMarkerFiles() {
        #expect(TaskLayout.detect(["task.toml", "tests/test.sh"]) == .harbor)
        #expect(TaskLayout.detect(["environment/Dockerfile"]) == .harbor)
        #expect(TaskLayout.detect(["draft_spec.md"]) == .builder)
        #expect(TaskLayout.detect(["tests.py", "weights.json"]) == .builder)
        #expect(TaskLayout.detect(["README.md", "src/app.py"]) == nil)
    }

    @Test func suppressionsCoverTheirLineTheNextLineOrTheFile() {
        let source = SourceText(path: "Dockerfile", text: """
            # harbor-scaffold: ignore[L001, C1]
            FROM x
            RUN y  # harbor-scaffold: ignore[missing-field]
            <!-- harbor-scaffold: ignore-file[D2] -->
            echo "harbor-scaffold: ignore[D101]"
            """)
        let suppressions = Suppressions(source)
        #expect(suppressions.directives.count == 3, "a marker outside a comment is not a directive")
        let l001 = UnknownSuppressionRule.description
        #expect(suppressions.suppresses(l001, line: 1) && suppressions.suppresses(l001, line: 2))
        #expect(!suppressions.suppresses(l001, line: 3))
        let missing = MissingFieldRule.description
        #expect(suppressions.suppresses(missing, line: 3) && suppressions.suppresses(missing, line: 4))
        #expect(suppressions.suppresses(InvalidDifficultyRule.description, line: 99), "file-wide by prefix")
    }

    @Test func globsMatchSegmentsAndDeepPaths() {
        #expect(Glob.matches("data_points/*/Dockerfile", "data_points/a/Dockerfile"))
        #expect(!Glob.matches("data_points/*/Dockerfile", "data_points/a/b/Dockerfile"))
        #expect(Glob.matches("**/Dockerfile", "data_points/a/b/Dockerfile"))
        #expect(Glob.matches("**/Dockerfile", "Dockerfile"))
        #expect(Glob.matches("draft_dp_?", "draft_dp_a"))
        #expect(!Glob.matches("*.py", "a/b.py"))
    }

    @Test func configurationFilesAreReadWithPositionsInErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hs-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/data_points/x", withIntermediateDirectories: true)
        let path = folder + "/" + LintConfiguration.fileName
        try """
            select = ["D", "L"]
            ignore = ["D305"]
            [per-file-ignores]
            "data_points/*/Dockerfile" = ["L001"]
            [severity]
            D206 = "error"
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(LintConfiguration.find(from: folder + "/data_points/x") == path)
        let configuration = try LintConfiguration.load(path)
        let selection = configuration.selection(overriddenBy: RuleSelection(ignore: ["D101"]))
        #expect(selection.select == ["D", "L"] && selection.ignore == ["D305", "D101"])
        #expect(selection.severity(of: VerboseTaskRule.description) == .error)
        #expect(configuration.ignores(UnknownSuppressionRule.description, absolutePath: folder + "/data_points/x/Dockerfile"))
        #expect(!configuration.ignores(UnknownSuppressionRule.description, absolutePath: folder + "/data_points/x/tests.py"))
        try "select = [\"D\"\nignore = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: UsageError.self) { try LintConfiguration.load(path) }
        try "selct = [\"D\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try LintConfiguration.load(path)
        } catch {
            #expect(error.message.contains(":1:1: unknown setting 'selct'; did you mean 'select'?"))
        }
    }

    @Test func suppressedFindingsDisappearAndUnknownIDsAreReported() {
        let target = LintTarget(layout: .builder, stage: .skeleton, displayRoot: "dp", contents: [
            "Dockerfile": "# harbor-scaffold: ignore[L001]\n# harbor-scaffold: ignore[C9999]\nFROM python:3.12-slim\n",
        ])
        let findings = Linter().lint(target)
        #expect(findings.filter { $0.ruleID == "L001" }.isEmpty, "the first line suppresses the L001 of the second")
        let unsuppressed = LintTarget(layout: .builder, stage: .skeleton, displayRoot: "dp", contents: [
            "Dockerfile": "FROM python:3.12-slim\n# harbor-scaffold: ignore[C9999]\n",
        ])
        let found = Linter().lint(unsuppressed).filter { $0.ruleID == "L001" }
        #expect(found.map(\.path) == ["dp/Dockerfile"])
        #expect(found.first?.line == 2 && found.first?.column == 3)
    }

    @Test func optInRulesRunOnlyWhenASelectorNamesThem() throws {
        let rootAgent = try #require(RuleCatalog.rule(named: "root-agent"))
        #expect(rootAgent.isOptIn)
        #expect(!RuleSelection.all.isEnabled(rootAgent))
        #expect(!RuleSelection(ignore: ["C"]).isEnabled(rootAgent))
        for selection in [
            RuleSelection(select: ["ALL"]), RuleSelection(select: ["T"]), RuleSelection(select: ["T108"]),
            RuleSelection(extendSelect: ["root-agent"]), RuleSelection(select: ["D"], extendSelect: ["T1"]),
        ] {
            #expect(selection.isEnabled(rootAgent), "\(selection.select) \(selection.extendSelect)")
        }
        #expect(!RuleSelection(select: ["ALL"], ignore: ["T108"]).isEnabled(rootAgent))
        let target = LintTarget(layout: .builder, stage: .skeleton, displayRoot: "dp", contents: ["Dockerfile": "FROM python:3.12-slim\n"])
        #expect(!Linter().lint(target).contains { $0.ruleID == "T108" })
        #expect(Linter(selection: RuleSelection(extendSelect: ["T108"])).lint(target).map(\.ruleID).contains("T108"))
    }
}
