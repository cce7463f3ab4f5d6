import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// docs/ci.md's workflow and hook definitions are valid YAML of the right shape, and every
/// harbor-scaffold command they run is accepted by the tool.
@Suite struct CIDocsTests {
    static let document = (try? String(contentsOfFile: Fixture.root + "/docs/ci.md", encoding: .utf8)) ?? ""

    /// The ```yaml blocks of the document.
    static var yamlBlocks: [String] {
        document.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    static let shapeCheck = """
        import sys, yaml
        workflow, gitlab, hooks, config = [yaml.safe_load(open(path)) for path in sys.argv[1:5]]
        job = workflow['jobs']['check']
        assert job['strategy']['matrix']['shard'] == [1, 2, 3, 4]
        steps = job['steps']
        upload = [s for s in steps if s.get('uses', '').startswith('github/codeql-action/upload-sarif')]
        assert upload and upload[0]['with']['sarif_file'] == 'harbor-scaffold.sarif'
        assert 'matrix.shard' in upload[0]['with']['category']
        assert any('--format sarif' in s.get('run', '') and '--shard' in s.get('run', '') for s in steps)
        assert workflow['permissions']['security-events'] == 'write'
        assert True in workflow or 'on' in workflow
        assert 'codequality' in gitlab['harbor-scaffold']['artifacts']['reports']
        assert isinstance(hooks, list) and len(hooks) == 2
        for hook in hooks:
            for key in ('id', 'name', 'entry', 'language'):
                assert key in hook, (hook, key)
            assert hook['entry'].startswith('harbor-scaffold ')
        assert config['repos'][0]['hooks'][0]['id'] == hooks[0]['id']
        print('ok')
        """

    @Test func theDocumentHoldsTheWorkflowGitLabJobHooksAndConfig() {
        #expect(Self.yamlBlocks.count == 4)
        #expect(Self.document.contains("upload-sarif"))
    }

    @Test(.enabled(if: Python.has("yaml")))
    func everyYAMLBlockParsesWithTheExpectedShape() {
        let result = Python.run(Self.shapeCheck, texts: Self.yamlBlocks.map { ($0, ".yaml") })
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theRepositoryHookFileIsTheDocumentedOne() throws {
        let file = try String(contentsOfFile: Fixture.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        #expect(Self.yamlBlocks.contains(file))
    }

    /// Every `harbor-scaffold …` command line of the YAML blocks, with GitHub expressions filled in.
    static var commands: [[String]] {
        let text = yamlBlocks.joined(separator: "\n").replacingOccurrences(of: ">-\n", with: "")
        var joined: [String] = []
        var current = ""
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            var cleaned = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
            if cleaned.hasPrefix("run:") { cleaned = cleaned.dropFirst(4).trimmingCharacters(in: .whitespaces) }
            if cleaned.hasPrefix("harbor-scaffold ") || cleaned.hasPrefix("entry: harbor-scaffold ") {
                if !current.isEmpty { joined.append(current) }
                current = cleaned.replacingOccurrences(of: "entry: ", with: "")
            } else if !current.isEmpty, cleaned.hasPrefix("--") {
                current += " " + cleaned
            } else if !current.isEmpty {
                joined.append(current)
                current = ""
            }
        }
        if !current.isEmpty { joined.append(current) }
        return joined.map { line in
            line.replacingOccurrences(of: "${{ matrix.shard }}", with: "1").split(separator: " ").dropFirst().map(String.init)
        }
    }

    @Test func everyDocumentedCommandIsAcceptedByTheTool() throws {
        let commands = Self.commands
        #expect(commands.count >= 6)
        let folder = Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let workspace = CheckFixture.workspace(["draft_dp_fastapi_invoice_n_plus_one", "draft_dp_bad_language_version"])
        defer { try? FileManager.default.removeItem(atPath: (workspace as NSString).deletingLastPathComponent) }
        try "{\"version\": 1, \"findings\": []}".write(toFile: workspace + "/.harbor-scaffold-baseline.json", atomically: true, encoding: .utf8)
        for command in commands {
            var arguments = command
            if arguments.first == "validate" { arguments.append("data_points/draft_dp_fastapi_invoice_n_plus_one/draft_spec.md") }
            let outcome = Fixture.run(arguments, in: workspace)
            #expect(outcome.exitCode != .usageOrInputError, "\(command): \(outcome.standardError)")
        }
    }
}
