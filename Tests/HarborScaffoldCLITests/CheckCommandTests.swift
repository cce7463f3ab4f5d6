import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

@Suite struct CheckCommandTests {
    static let clean = "draft_dp_fastapi_invoice_n_plus_one"
    static let warning = "draft_dp_bad_language_version"
    static let error = "draft_dp_bad_difficulty_easy"

    static func remove(_ workspace: String) { try? FileManager.default.removeItem(atPath: (workspace as NSString).deletingLastPathComponent) }

    @Test func theSampleWorkspacePrintsTheSummaryAndFindsThePlantedDuplicates() {
        let outcome = Fixture.run(["check"])
        let out = outcome.standardOutput
        #expect(out.contains("\(Fixture.sampleIDs.count) data points checked:"))
        #expect(out.contains("Summary\n  data points     \(Fixture.sampleIDs.count)\n"))
        #expect(out.contains("Findings per rule"))
        #expect(out.contains("warning[X101] draft_dp_fastapi_invoice_eager_loading and draft_dp_fastapi_invoice_n_plus_one are near-duplicates: similarity 0."))
        #expect(out.contains("data_points/draft_dp_fastapi_csv_import_partial_failure/draft_spec.md:3:11: warning[X103] draft_dp_fastapi_csv_import_partial_failure is draft 2 of 2 of seed seed_dp_7c1e9a42 in category error_handling"))
        #expect(!out.contains("draft_dp_python_sensor_ingest_backpressure/draft_spec.md:3"), "same seed, another category")
        #expect(out.contains("  languages       "))
        #expect(outcome.exitCode == .usageOrInputError, "the edge samples are unreadable input")
        #expect(outcome.standardError.isEmpty, "no progress bar off a terminal")
    }

    @Test func checkHonoursFailOnAndExitZero() {
        let quiet = CheckFixture.workspace([Self.clean, Self.warning])
        let loud = CheckFixture.workspace([Self.clean, Self.error])
        defer { Self.remove(quiet); Self.remove(loud) }
        #expect(Fixture.run(["check"], in: quiet).exitCode == .clean)
        #expect(Fixture.run(["check", "--fail-on", "warning"], in: quiet).exitCode == .findings)
        #expect(Fixture.run(["check"], in: loud).exitCode == .findings)
        #expect(Fixture.run(["check", "--exit-zero"], in: loud).exitCode == .clean)
        #expect(Fixture.run(["check", "--fail-on", "never"], in: loud).exitCode == .clean)
        #expect(Fixture.run(["check", "--workspace", loud], in: "/").exitCode == .findings)
    }

    @Test func shardsSplitTheDataPointsDeterministically() {
        var total = 0
        var lines = Set<Substring>()
        for index in 1...3 {
            let outcome = Fixture.run(["check", "--shard", "\(index)/3", "--format", "json-lines"])
            #expect(outcome.exitCode != .clean || index > 0)
            lines.formUnion(outcome.standardOutput.split(separator: "\n"))
            let summary = Fixture.run(["check", "--shard", "\(index)/3"]).standardOutput
            #expect(summary.contains("Summary (shard \(index)/3)"))
            let count = summary.split(separator: "\n").first { $0.hasPrefix("  data points") }.flatMap { Int($0.split(separator: " ").last ?? "") }
            total += count ?? 0
        }
        #expect(total == Fixture.sampleIDs.count)
        #expect(lines == Set(Fixture.run(["check", "--format", "json-lines"]).standardOutput.split(separator: "\n")))
        #expect(Fixture.run(["check", "--shard", "2/3"]) == Fixture.run(["check", "--shard", "2/3"]))
        for bad in ["0/3", "4/3", "x", "1/0"] {
            let outcome = Fixture.run(["check", "--shard", bad])
            #expect(outcome.exitCode == .usageOrInputError)
            #expect(outcome.standardError.contains("invalid shard"))
        }
    }

    @Test func aBaselineHidesKnownFindingsEvenWhenLinesMove() throws {
        let workspace = CheckFixture.workspace([Self.clean, Self.warning, Self.error])
        defer { Self.remove(workspace) }
        let written = Fixture.run(["check", "--write-baseline", "baseline.json"], in: workspace)
        #expect(written.exitCode == .findings)
        #expect(written.standardError.contains("wrote 2 findings to the baseline baseline.json"))
        let baselined = Fixture.run(["check", "--baseline", "baseline.json"], in: workspace)
        #expect(baselined.exitCode == .clean)
        #expect(baselined.standardOutput.hasPrefix("3 data points checked: no findings."))
        #expect(baselined.standardError.contains("2 findings recorded in the baseline baseline.json not shown"))

        let draft = workspace + "/data_points/\(Self.error)/draft_spec.md"
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        try ("\n\n\n" + text).write(toFile: draft, atomically: true, encoding: .utf8)
        #expect(Fixture.run(["check", "--baseline", "baseline.json"], in: workspace).exitCode == .clean, "the finding moved three lines down")

        let other = workspace + "/data_points/\(Self.clean)/draft_spec.md"
        let cleanText = try String(contentsOfFile: other, encoding: .utf8)
        try cleanText.replacingOccurrences(of: "Language: python", with: "Language: cobol").write(toFile: other, atomically: true, encoding: .utf8)
        let fresh = Fixture.run(["check", "--baseline", "baseline.json", "--format", "json-lines"], in: workspace)
        #expect(fresh.exitCode == .findings)
        #expect(fresh.standardOutput.split(separator: "\n").count == 1)
        #expect(fresh.standardOutput.contains("\"rule\": \"D201\""))
    }

    @Test func baselinesWorkForValidateAndLintToo() {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let baseline = folder + "/validate-baseline.json"
        #expect(Fixture.run(["validate", Self.error, "--write-baseline", baseline]).exitCode == .findings)
        #expect(Fixture.run(["validate", Self.error, "--baseline", baseline]).exitCode == .clean)
        let broken = folder + "/broken.json"
        try? "{\"findings\": 3}".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = Fixture.run(["validate", Self.error, "--baseline", broken])
        #expect(refused.exitCode == .usageOrInputError)
        #expect(refused.standardError.contains("no \"findings\" list"))
        #expect(Fixture.run(["validate", Self.error, "--baseline", folder + "/missing.json"]).standardError.contains("cannot read the baseline"))
    }

    @Test func outputGoesToAFileAtomically() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for format in ["text", "sarif"] {
            let outcome = Fixture.run(["validate", Self.error, "--format", format, "--output", folder + "/report.\(format)", "--color", "never"])
            #expect(outcome.standardOutput.isEmpty)
            let written = try String(contentsOfFile: folder + "/report.\(format)", encoding: .utf8)
            #expect(written == Fixture.run(["validate", Self.error, "--format", format]).standardOutput)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("hs-tmp") }
        #expect(leftovers.isEmpty)
        let unwritable = Fixture.run(["validate", Self.error, "--output", "/nonexistent-hs/report.txt"])
        #expect(unwritable.exitCode == .usageOrInputError)
        #expect(unwritable.standardError.contains("cannot write"))
    }

    @Test func githubFormatAppendsAStepSummary() throws {
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = folder + "/step-summary.md"
        let variables = ["GITHUB_STEP_SUMMARY": summary]
        _ = Fixture.run(["check", "--format", "github", "--select", "D2,X"], variables: variables)
        _ = Fixture.run(["validate", Self.error, "--format", "github"], variables: variables)
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(text.components(separatedBy: "## harbor-scaffold").count == 3, "appended, not replaced")
        #expect(text.contains("| data points | clean | with errors | with warnings |"))
        #expect(text.contains("| `X101` | near-duplicate-drafts | 1 |"))
        #expect(!Fixture.run(["check", "--format", "text"], variables: variables).standardOutput.isEmpty)
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == text, "only the github format writes the summary")
    }

    @Test func aProgressBarOnlyOnATerminalOutsideCI() {
        let workspace = CheckFixture.workspace([Self.clean, Self.warning])
        defer { Self.remove(workspace) }
        let terminal = CheckFixture.run(["check"], in: workspace, terminal: true)
        #expect(terminal.stream.contains("checking ["))
        #expect(terminal.stream.contains("100%"))
        #expect(terminal.stream.contains("checked 2 data points in "))
        #expect(CheckFixture.run(["check"], in: workspace, variables: ["CI": "true"], terminal: true).stream.isEmpty)
        #expect(CheckFixture.run(["check"], in: workspace).stream.isEmpty)
        #expect(ProgressBar.text(label: "checking", done: 5_200, total: 10_000, width: 10) == "checking [#####-----]  52%  5,200/10,000")
    }

    @Test func usageErrors() {
        #expect(Fixture.run(["check", "draft_dp_x"]).standardError.contains("check takes no arguments"))
        #expect(Fixture.run(["check"], in: "/").standardError.contains("no workspace found"))
        #expect(Fixture.run(["check", "--workspace", "/"]).standardError.contains("no data_points folder"))
        #expect(Fixture.run(["check", "--stage", "done"]).exitCode == .usageOrInputError)
        #expect(Fixture.run(["check", "--format", "xml"]).standardError.contains("json-lines, sarif, github, junit, gitlab"))
        let scaffold = Fixture.run(["scaffold", Self.clean, "--format", "sarif"])
        #expect(scaffold.exitCode == .usageOrInputError, "scaffold keeps text and json")
        #expect(scaffold.standardError.contains("use one of: text, json"))
        #expect(Fixture.run(["check", "--help"]).standardOutput.contains("Usage: harbor-scaffold check"))
    }

    @Test func workspaceRulesAreListedAndExplained() {
        let list = Fixture.run(["rules"]).standardOutput
        #expect(list.contains("Workspace rules (check)"))
        for id in ["X101", "X102", "X103", "X104"] { #expect(list.contains(id)) }
        let explained = Fixture.run(["rules", "seed-category-repeat"]).standardOutput
        #expect(explained.contains("metadata.json"))
        #expect(Fixture.run(["check", "--select", "X101", "--format", "json-lines"]).standardOutput.contains("near-duplicate-drafts"))
    }
}
