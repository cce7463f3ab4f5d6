import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// `scaffold --layout harbor` and `export`, end to end on a scratch copy of the sample workspace.
@Suite struct HarborLayoutCommandTests {
    static let harborFiles = [
        "task.toml", "instruction.md", "environment/Dockerfile", "tests/Dockerfile", "tests/test.sh", "tests/test_outputs.py",
        "tests/weights.json", "solution/solve.sh", ".harbor-scaffold/manifest.json",
    ]
    static let id = "draft_dp_fastapi_invoice_n_plus_one"

    static func read(_ path: String) -> String { ScaffoldTests.read(path) }

    static func isExecutable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    @Test func everyGoodSampleProducesAHarborDirectoryThatParsesCompilesAndLints() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let ids = ScaffoldTests.goodIDs
        let outcome = Fixture.run(["scaffold"] + ids + ["--layout", "harbor"], in: workspace)
        #expect(outcome.exitCode == .clean, "\(outcome.standardOutput)\(outcome.standardError)")
        var pythonFiles: [String] = []
        var tomlFiles: [String] = []
        let linter = Linter()
        for id in ids {
            let folder = workspace + "/data_points/\(id)/harbor"
            for file in Self.harborFiles {
                #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(id) lacks harbor/\(file)")
            }
            #expect(Self.isExecutable(folder + "/tests/test.sh") && Self.isExecutable(folder + "/solution/solve.sh"), "\(id)")
            let toml = Self.read(folder + "/task.toml")
            let config = try TOMLParser.parse(SourceText(path: "task.toml", text: toml))
            #expect(config.value(at: ["task", "name"])?.stringValue == "harbor-scaffold/" + id.replacingOccurrences(of: "_", with: "-"))
            #expect(config.value(at: ["verifier", "environment_mode"])?.stringValue == "separate")
            tomlFiles.append(folder + "/task.toml")
            pythonFiles.append(folder + "/tests/test_outputs.py")
            let weights = try #require(try JSONSerialization.jsonObject(with: Data(Self.read(folder + "/tests/weights.json").utf8)) as? [String: Double])
            #expect(Set(weights.keys) == Set(PythonOutline.testNames(Self.read(folder + "/tests/test_outputs.py"))), "\(id)")
            let instruction = Self.read(folder + "/instruction.md")
            #expect(!instruction.contains("test_outputs") && !instruction.contains("weights"), "\(id) instruction mentions the tests")
            let target = try #require(LintTargetLoader.load(folder, displayRoot: id + "/harbor", stage: .skeleton))
            #expect(target.layout == .harbor)
            let errors = linter.lint(target).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(id): \(errors.map(\.message))")
        }
        let compiled = try PythonOutline.run(["-c", "import sys\nfor path in sys.argv[1:]: compile(open(path, encoding='utf-8').read(), path, 'exec')"] + pythonFiles)
        #expect(compiled.status == 0, "\(compiled.output)")
        let parsed = try PythonOutline.run(["-c", "import sys, tomllib\nfor path in sys.argv[1:]: tomllib.load(open(path, 'rb'))"] + tomlFiles)
        #expect(parsed.status == 0, "\(parsed.output)")
        let lint = Fixture.run(["lint", "--stage", "skeleton"] + ids.map { "data_points/\($0)/harbor" }, in: workspace)
        #expect(lint.exitCode == .clean, "\(lint.standardOutput)")
        #expect(lint.standardOutput.contains("\(ids.count) tasks checked"), "\(lint.standardOutput)")
    }

    @Test func everyHarborFileOfOneSampleMatchesItsGolden() {
        let workspace = ScaffoldTests.scratchWorkspace()
        #expect(Fixture.run([Self.id, "--layout", "harbor"], in: workspace).exitCode == .clean)
        for file in Self.harborFiles where !file.hasPrefix(".") {
            Fixture.assertGolden(Self.read(workspace + "/data_points/\(Self.id)/harbor/" + file), "harbor/\(Self.id)/\(file)")
        }
    }

    @Test func hostileDraftsStayInsideStringsAndComments() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        for id in ScaffoldTests.hostileIDs {
            #expect(Fixture.run(["scaffold", id, "--layout", "harbor", "--allow-invalid"], in: workspace).exitCode == .clean)
            let folder = workspace + "/data_points/\(id)/harbor"
            let toml = Self.read(folder + "/task.toml")
            let check = try PythonOutline.run(["-c", "import sys, tomllib; c = tomllib.load(open(sys.argv[1], 'rb')); assert set(c) == {'schema_version', 'artifacts', 'task', 'metadata', 'verifier', 'agent', 'environment'}, set(c); assert c['agent']['user'] == 'agent'", folder + "/task.toml"])
            #expect(check.status == 0, "\(id): \(check.output)\n\(toml)")
            let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: Self.read(workspace + "/data_points/\(id)/draft_spec.md")))
            let config = try TOMLParser.parse(SourceText(path: "task.toml", text: toml))
            #expect(config.value(at: ["task", "description"])?.stringValue == draft.value(.task), "\(id)")
            let draftLines = Self.read(workspace + "/data_points/\(id)/draft_spec.md").split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 12 }
            for file in ["tests/test.sh", "solution/solve.sh", "tests/Dockerfile"] {
                let text = Self.read(folder + "/" + file)
                #expect(!draftLines.contains { text.contains($0) }, "\(id): draft text in \(file)")
            }
            for line in Self.read(folder + "/environment/Dockerfile").split(separator: "\n") where !line.hasPrefix("#") {
                let text = line.trimmingCharacters(in: .whitespaces)
                #expect(text.count < 12 || !draftLines.contains { $0.contains(text) }, "\(id): draft text became a Dockerfile line: \(text)")
            }
            let structure = try PythonOutline.run(["-c", PythonOutline.structureCheck, folder + "/tests/test_outputs.py"])
            #expect(structure.status == 0, "\(id): \(structure.output)")
        }
    }

    @Test func aBuildersEditInTheHarborDirectoryIsKeptAndTheNewVersionWrittenBeside() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let dataPoint = workspace + "/data_points/" + Self.id
        let folder = dataPoint + "/harbor"
        #expect(Fixture.run([Self.id, "--layout", "harbor"], in: workspace).exitCode == .clean)
        let edited = Self.read(folder + "/tests/test_outputs.py") + "\n# my edit\n"
        try edited.write(toFile: folder + "/tests/test_outputs.py", atomically: true, encoding: .utf8)
        let draft = Self.read(dataPoint + "/draft_spec.md").replacingOccurrences(of: "Task:", with: "Task: Urgent:")
        try draft.write(toFile: dataPoint + "/draft_spec.md", atomically: true, encoding: .utf8)
        let second = Fixture.run([Self.id, "--layout", "harbor"], in: workspace)
        #expect(second.exitCode == .clean)
        #expect(second.standardOutput.contains("tests/test_outputs.py.new"), "\(second.standardOutput)")
        #expect(Self.read(folder + "/tests/test_outputs.py") == edited, "the edit was lost")
        #expect(Self.read(folder + "/tests/test_outputs.py.new").contains("Urgent"))
        #expect(Self.read(folder + "/task.toml").contains("Urgent"), "untouched files regenerate")
        let manifest = try #require(Manifest.parse(Self.read(folder + "/.harbor-scaffold/manifest.json")))
        #expect(manifest.layout == "harbor")
        #expect(Set(manifest.files.keys) == Set(Self.harborFiles.dropLast()))
        #expect(!FileManager.default.fileExists(atPath: dataPoint + "/prompt.md"), "the builder layout is not written")
        let forced = Fixture.run([Self.id, "--layout", "harbor", "--force"], in: workspace)
        #expect(forced.standardOutput.contains("overwritten"))
        #expect(!Self.read(folder + "/tests/test_outputs.py").contains("# my edit"))
    }

    @Test func dryRunWritesNothingAndShowsADiff() {
        let workspace = ScaffoldTests.scratchWorkspace()
        let before = ScaffoldTests.listing(workspace)
        let outcome = Fixture.run(["scaffold", Self.id, "--layout", "harbor", "--dry-run"], in: workspace)
        #expect(outcome.exitCode == .clean)
        #expect(ScaffoldTests.listing(workspace) == before)
        #expect(outcome.standardOutput.contains("would create"))
        #expect(outcome.standardOutput.contains("+++ task.toml"))
        #expect(outcome.standardOutput.contains("+++ tests/test.sh"))
        let export = Fixture.run(["export", Self.id, "--dry-run"], in: workspace)
        #expect(export.exitCode == .usageOrInputError, "nothing to export yet")
        #expect(ScaffoldTests.listing(workspace) == before)
    }

    @Test func outAndOrgChooseTheFolderAndTheName() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let out = Fixture.temporaryFolder() + "/tasks/invoices"
        let outcome = Fixture.run(["scaffold", Self.id, "--layout", "harbor", "--out", out, "--org", "acme", "--format", "json"], in: workspace)
        #expect(outcome.exitCode == .clean, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\"folder\": \(JSONWriter.quote(out))"), "\(outcome.standardOutput)")
        let config = try TOMLParser.parse(SourceText(path: "task.toml", text: Self.read(out + "/task.toml")))
        #expect(config.value(at: ["task", "name"])?.stringValue == "acme/draft-dp-fastapi-invoice-n-plus-one")
        #expect(FileManager.default.fileExists(atPath: out + "/.harbor-scaffold/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: workspace + "/data_points/\(Self.id)/harbor"))
    }

    @Test(arguments: [
        (["--layout", "nope"], "unknown layout"),
        (["--layout", "harbor", "--org", "a/b"], "not a valid organisation"),
        (["--layout", "harbor", "--org", ""], "not a valid organisation"),
        (["--out", "x"], "apply to --layout harbor"),
        (["--layout", "harbor", "--out", "x", "draft_dp_go_quote_cache_stampede"], "names one folder"),
    ])
    func badHarborOptionsAreUsageErrors(_ extra: [String], _ message: String) {
        let workspace = ScaffoldTests.scratchWorkspace()
        let outcome = Fixture.run(["scaffold", Self.id] + extra, in: workspace)
        #expect(outcome.exitCode == .usageOrInputError)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test func exportOfAFilledInSampleKeepsTheBuildersFiles() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let dataPoint = workspace + "/data_points/" + Self.id
        #expect(Fixture.run([Self.id], in: workspace).exitCode == .clean)
        // The builder fills in the skeleton.
        let prompt = "# Make the invoice listing fast\r\n\r\nGET /v1/accounts/{account_id}/invoices issues one query per invoice. Fix it.\n"
        let tests = """
            import os


            def test_listing_uses_few_queries():
                \"\"\"The listing issues at most five statements.\"\"\"
                assert os.path.isdir(os.environ.get("APP_WORKDIR", "/app")) or True


            def test_listing_is_unchanged():
                \"\"\"The JSON body is byte-for-byte identical.\"\"\"
                assert True

            """
        let weights = "{\n  \"test_listing_uses_few_queries\": 0.6,\n  \"test_listing_is_unchanged\": 0.4\n}\n"
        let dockerfile = Self.read(dataPoint + "/Dockerfile").replacingOccurrences(
            of: "# TODO(harbor-scaffold): COPY the repository under test, e.g. COPY repo/ /app/", with: "COPY repo/ /app/")
        for (name, text) in [("prompt.md", prompt), ("tests.py", tests), ("weights.json", weights), ("Dockerfile", dockerfile)] {
            try text.write(toFile: dataPoint + "/" + name, atomically: true, encoding: .utf8)
        }
        let outcome = Fixture.run(["export", Self.id, "--org", "billing"], in: workspace)
        #expect(outcome.exitCode == .clean, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("test_listing_uses_few_queries (0.60), test_listing_is_unchanged (0.40)"), "\(outcome.standardOutput)")
        let folder = dataPoint + "/harbor"
        #expect(Self.read(folder + "/instruction.md") == prompt)
        #expect(Self.read(folder + "/tests/test_outputs.py") == tests)
        #expect(Self.read(folder + "/tests/weights.json") == weights)
        let agentImage = Self.read(folder + "/environment/Dockerfile")
        #expect(agentImage.hasPrefix(dockerfile), "the builder's Dockerfile is kept, the user block follows it")
        #expect(agentImage.contains("useradd --create-home --shell /bin/bash agent"))
        for file in Self.harborFiles { #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "lacks \(file)") }
        let config = try TOMLParser.parse(SourceText(path: "task.toml", text: Self.read(folder + "/task.toml")))
        #expect(config.value(at: ["task", "name"])?.stringValue == "billing/draft-dp-fastapi-invoice-n-plus-one")
        #expect(Self.read(dataPoint + "/prompt.md") == prompt, "export leaves the data point alone")
        // test.sh scores the builder's tests with their weights.
        let logs = Fixture.temporaryFolder()
        let run = try Self.runTestScript(folder, logs: logs)
        #expect(run.status == 0, "\(run.output)")
        let reward = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: logs + "/reward.json"))) as? [String: Double]
        #expect(reward == ["test_listing_uses_few_queries": 1, "test_listing_is_unchanged": 1, "reward": 1], "\(run.output)")
        // Exporting again after the builder changes prompt.md updates the untouched instruction.md.
        try (prompt + "One more line.\n").write(toFile: dataPoint + "/prompt.md", atomically: true, encoding: .utf8)
        let again = Fixture.run(["export", Self.id, "--org", "billing"], in: workspace)
        #expect(again.standardOutput.contains("updated") && Self.read(folder + "/instruction.md").hasSuffix("One more line.\n"))
    }

    @Test func exportNeedsTheBuildersFiles() {
        let workspace = ScaffoldTests.scratchWorkspace()
        let before = ScaffoldTests.listing(workspace)
        let outcome = Fixture.run(["export", Self.id], in: workspace)
        #expect(outcome.exitCode == .usageOrInputError)
        #expect(outcome.standardOutput.contains("export needs the builder's prompt.md, Dockerfile, tests.py, weights.json"), "\(outcome.standardOutput)")
        #expect(ScaffoldTests.listing(workspace) == before, "a refused export writes nothing")
        #expect(Fixture.run(["export"], in: workspace).exitCode == .usageOrInputError)
    }

    @Test func bothLayoutsLiveSideBySideAndLintFindsBoth() {
        let workspace = ScaffoldTests.scratchWorkspace()
        #expect(Fixture.run([Self.id], in: workspace).exitCode == .clean)
        #expect(Fixture.run([Self.id, "--layout", "harbor"], in: workspace).exitCode == .clean)
        let lint = Fixture.run(["lint", Self.id], in: workspace)
        #expect(lint.exitCode == .clean, "\(lint.standardOutput)")
        #expect(lint.standardOutput.contains("2 tasks checked"), "\(lint.standardOutput)")
        #expect(Fixture.run(["help", "export"]).standardOutput.contains("Usage: harbor-scaffold export"))
    }

    /// Runs a task directory's tests/test.sh outside a container.
    static func runTestScript(_ folder: String, logs: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [folder + "/tests/test.sh"]
        var environment = ProcessInfo.processInfo.environment
        environment["HARBOR_TESTS_DIR"] = folder + "/tests"
        environment["HARBOR_VERIFIER_LOGS"] = logs
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
