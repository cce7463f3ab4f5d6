import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// Every output format of `validate` and `check` on a fixed set of samples matches its golden file;
/// machine formats are also checked for syntax (and SARIF against the 2.1.0 schema).
@Suite struct FormatGoldenTests {
    /// The samples `validate` reports on.
    static let validateIDs = [
        "draft_dp_bad_asks_user", "draft_dp_bad_binary", "draft_dp_bad_difficulty_easy", "draft_dp_bad_language_version",
        "draft_dp_fastapi_invoice_n_plus_one",
    ]
    /// The samples of the workspace `check` runs on: a planted near-duplicate pair, two drafts of one
    /// seed in one category, one bad draft per severity and one hostile draft.
    static let checkIDs = [
        "draft_dp_bad_difficulty_easy", "draft_dp_bad_language_version", "draft_dp_bad_verbose_task", "draft_dp_django_payout_retry_idempotency",
        "draft_dp_fastapi_csv_import_partial_failure", "draft_dp_fastapi_invoice_eager_loading", "draft_dp_fastapi_invoice_n_plus_one",
        "draft_dp_hostile_quotes_escapes",
    ]

    static let extensions: [ReportFormat: String] = [
        .text: "txt", .json: "json", .jsonLines: "jsonl", .sarif: "sarif", .github: "github.txt", .junit: "junit.xml", .gitlab: "gitlab.json",
    ]

    static func validate(_ format: ReportFormat) -> CommandOutcome {
        Fixture.run(["validate"] + validateIDs + ["--format", format.rawValue])
    }

    /// `check` in `format` on a fresh copy of the check samples (removed again; its path is returned
    /// so that outputs can be anonymised).
    static func check(_ format: ReportFormat) -> (outcome: CommandOutcome, workspace: String) {
        let workspace = CheckFixture.workspace(checkIDs)
        defer { try? FileManager.default.removeItem(atPath: (workspace as NSString).deletingLastPathComponent) }
        return (CheckFixture.run(["check", "--format", format.rawValue], in: workspace).outcome, workspace)
    }

    @Test(arguments: ReportFormat.allCases)
    func validateMatchesGolden(_ format: ReportFormat) {
        let outcome = Self.validate(format)
        #expect(outcome.exitCode == .usageOrInputError, "the binary sample is unreadable input")
        Fixture.assertGolden(CheckFixture.anonymised(outcome.standardOutput, Fixture.workspace), "formats/validate.\(Self.extensions[format]!)")
    }

    @Test(arguments: ReportFormat.allCases)
    func checkMatchesGolden(_ format: ReportFormat) {
        let (outcome, workspace) = Self.check(format)
        #expect(outcome.exitCode == .findings)
        #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
        Fixture.assertGolden(CheckFixture.anonymised(outcome.standardOutput, workspace), "formats/check.\(Self.extensions[format]!)")
    }

    /// A skeleton with placeholders left, linted at the final stage with the L rules only (so lint
    /// rules added later do not change these goldens).
    static func lint(_ format: ReportFormat) -> (outcome: CommandOutcome, folder: String) {
        let folder = Fixture.temporaryFolder()
        let files = [
            "Dockerfile": "FROM python:3.12-slim\n# TODO(harbor-scaffold): install the service's dependencies\n",
            "prompt.md": "# Fix the invoice listing\n\nTODO(harbor-scaffold): describe the task for the agent.\n",
            "tests.py": "def test_listing():\n    # noqa: Z999\n    assert True\n",
        ]
        for (name, text) in files {
            try? FileManager.default.createDirectory(atPath: folder + "/draft_dp_skeleton", withIntermediateDirectories: true)
            try? text.write(toFile: folder + "/draft_dp_skeleton/" + name, atomically: true, encoding: .utf8)
        }
        let outcome = Fixture.run(["lint", "draft_dp_skeleton", "--stage", "final", "--select", "L", "--format", format.rawValue], in: folder)
        return (outcome, folder)
    }

    @Test(arguments: ReportFormat.allCases)
    func lintMatchesGolden(_ format: ReportFormat) {
        let (outcome, folder) = Self.lint(format)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(outcome.exitCode == .findings)
        Fixture.assertGolden(CheckFixture.anonymised(outcome.standardOutput, folder), "formats/lint.\(Self.extensions[format]!)")
    }

    @Test func machineFormatsParse() throws {
        let (json, _) = Self.check(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let count = (object["diagnostics"] as? [Any])?.count ?? -1
        let lines = Self.check(.jsonLines).outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == count)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
        let gitlab = try #require(try JSONSerialization.jsonObject(with: Data(Self.check(.gitlab).outcome.standardOutput.utf8)) as? [[String: Any]])
        #expect(gitlab.count == count)
        let fingerprints = gitlab.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == count, "GitLab needs a unique fingerprint per issue")
        let github = Self.check(.github).outcome.standardOutput.split(separator: "\n")
        #expect(github.count == count)
        #expect(github.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
    }

    @Test(.enabled(if: Python.has("xml.etree.ElementTree")))
    func junitIsWellFormedWithUniqueTestCases() {
        let xml = Self.check(.junit).outcome.standardOutput
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            names = [(c.get('classname'), c.get('name')) for c in root.iter('testcase')]
            assert len(names) == len(set(names)), 'duplicate test cases'
            assert int(root.get('failures')) == sum(1 for _ in root.iter('failure'))
            print(len(names))
            """
        let result = Python.run(script, texts: [(xml, ".xml")])
        #expect(result.status == 0, "\(result.output)")
    }

    static let schemaPath = Fixture.root + "/Tests/HarborScaffoldCLITests/Schemas/sarif-schema-2.1.0.json"
    static let sarifCheck = """
        import json, sys, jsonschema
        log = json.load(open(sys.argv[1]))
        jsonschema.validate(log, json.load(open(sys.argv[2])))
        run = log['runs'][0]
        rules = run['tool']['driver']['rules']
        for rule in rules:
            for key in ('id', 'shortDescription', 'fullDescription', 'help'):
                assert key in rule, (rule['id'], key)
        for result in run['results']:
            assert result['message']['text']
            assert len(result['locations']) == 1
            location = result['locations'][0]['physicalLocation']
            assert not location['artifactLocation']['uri'].startswith('/'), 'relative uri'
            assert 'region' in location
            assert result['partialFingerprints']
            assert rules[result['ruleIndex']]['id'] == result['ruleId']
        print(len(run['results']))
        """

    @Test(.enabled(if: Python.has("jsonschema")))
    func sarifValidatesAgainstTheSchema() {
        let (check, _) = Self.check(.sarif)
        let (lint, folder) = Self.lint(.sarif)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sarif in [check.standardOutput, Self.validate(.sarif).standardOutput, lint.standardOutput] {
            let result = Python.run(Self.sarifCheck, texts: [(sarif, ".sarif")], extra: [Self.schemaPath])
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func sarifPathsAreRelativeToTheWorkspaceWhereverTheToolRuns() {
        let fromInside = Fixture.run(["validate", "draft_dp_bad_difficulty_easy", "--format", "sarif"]).standardOutput
        let fromAbove = Fixture.run(["validate", "draft_dp_bad_difficulty_easy", "--format", "sarif", "--workspace", Fixture.workspace], in: Fixture.root).standardOutput
        #expect(fromInside.contains("\"uri\": \"data_points/draft_dp_bad_difficulty_easy/draft_spec.md\""))
        #expect(fromInside == fromAbove)
    }
}
