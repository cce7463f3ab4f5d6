import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// End-to-end scaffolding on a scratch copy of the sample workspace.
@Suite struct ScaffoldTests {
    static let goodIDs = Fixture.sampleIDs.filter { !$0.hasPrefix("draft_dp_bad_") && !$0.hasPrefix("draft_dp_hostile_") }
    static let hostileIDs = Fixture.sampleIDs.filter { $0.hasPrefix("draft_dp_hostile_") }
    static let generated = ["prompt.md", "Dockerfile", "tests.py", "weights.json", "tasks.md", ".harbor-scaffold/manifest.json"]

    /// A scratch copy of the sample workspace.
    static func scratchWorkspace() -> String {
        let folder = Fixture.temporaryFolder()
        try? FileManager.default.copyItem(atPath: Fixture.workspace, toPath: folder + "/shared_workspace")
        return folder + "/shared_workspace"
    }

    static func listing(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func everyGoodAndHostileSampleScaffoldsIntoParseableFailingTests() throws {
        let workspace = Self.scratchWorkspace()
        let ids = Self.goodIDs + Self.hostileIDs
        let outcome = Fixture.run(ids + ["--allow-invalid"], in: workspace)
        #expect(outcome.exitCode == .clean, "\(outcome.standardOutput)\(outcome.standardError)")
        let collected = Fixture.temporaryFolder()
        for id in ids {
            let folder = workspace + "/data_points/" + id
            for file in Self.generated {
                #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(id) lacks \(file)")
            }
            try FileManager.default.copyItem(atPath: folder + "/tests.py", toPath: collected + "/test_\(id).py")
            let tests = PythonOutline.testNames(Self.read(folder + "/tests.py"))
            let weights = try #require(try JSONSerialization.jsonObject(with: Data(Self.read(folder + "/weights.json").utf8)) as? [String: Double])
            #expect((1...3).contains(tests.count), "\(id): \(tests)")
            #expect(Set(weights.keys) == Set(tests), "\(id): weights \(weights.keys.sorted()) vs tests \(tests)")
            #expect(weights.values.allSatisfy { $0 > 0 })
            #expect(abs(weights.values.reduce(0, +) - 1.0) < 1e-9, "\(id) weights sum to \(weights.values.reduce(0, +))")
            let prompt = Self.read(folder + "/prompt.md")
            #expect(!prompt.contains("tests.py") && !prompt.contains("weights"), "\(id) prompt mentions the tests")
        }
        let pytest = try PythonOutline.run(["-m", "pytest", "-q", "-p", "no:cacheprovider", collected])
        let expectedFailures = ids.reduce(0) { $0 + PythonOutline.testNames(Self.read(workspace + "/data_points/\($1)/tests.py")).count }
        let summary = pytest.output.split(separator: "\n").last { $0.contains(" in ") && $0.contains("failed") }.map(String.init) ?? ""
        #expect(summary.hasPrefix("\(expectedFailures) failed in "), "\(pytest.output.suffix(600))")
    }

    @Test func aBuildersEditIsKeptAndTheNewVersionWrittenBeside() throws {
        let workspace = Self.scratchWorkspace()
        let id = "draft_dp_fastapi_invoice_n_plus_one"
        let folder = workspace + "/data_points/" + id
        #expect(Fixture.run([id], in: workspace).exitCode == .clean)
        let edited = Self.read(folder + "/tests.py") + "\n# my edit\n"
        try edited.write(toFile: folder + "/tests.py", atomically: true, encoding: .utf8)
        let draft = Self.read(folder + "/draft_spec.md").replacingOccurrences(of: "Task:", with: "Task: Urgent:")
        try draft.write(toFile: folder + "/draft_spec.md", atomically: true, encoding: .utf8)
        let second = Fixture.run([id], in: workspace)
        #expect(second.exitCode == .clean)
        #expect(second.standardOutput.contains("kept"))
        #expect(second.standardOutput.contains("tests.py.new"))
        #expect(Self.read(folder + "/tests.py") == edited, "the edit was lost")
        #expect(FileManager.default.fileExists(atPath: folder + "/tests.py.new"))
        #expect(second.standardOutput.contains("updated") && Self.read(folder + "/prompt.md").contains("Urgent"), "untouched files regenerate")
        let third = Fixture.run([id], in: workspace)
        #expect(Self.read(folder + "/tests.py") == edited, "an edit is kept on every later run too")
        #expect(third.standardOutput.contains("kept"))
        let forced = Fixture.run([id, "--force"], in: workspace)
        #expect(forced.standardOutput.contains("overwritten"))
        #expect(!Self.read(folder + "/tests.py").contains("# my edit"))
    }

    @Test func dryRunWritesNothingAndShowsADiff() {
        let workspace = Self.scratchWorkspace()
        let id = "draft_dp_go_quote_cache_stampede"
        let before = Self.listing(workspace)
        let outcome = Fixture.run(["scaffold", id, "--dry-run"], in: workspace)
        #expect(outcome.exitCode == .clean)
        #expect(Self.listing(workspace) == before)
        #expect(outcome.standardOutput.contains("would created") == false)
        #expect(outcome.standardOutput.contains("would create"))
        #expect(outcome.standardOutput.contains("+++ Dockerfile"))
    }

    @Test func anInvalidDraftIsRefusedAndNothingIsWritten() {
        let workspace = Self.scratchWorkspace()
        let id = "draft_dp_bad_difficulty_easy"
        let before = Self.listing(workspace)
        let refused = Fixture.run([id], in: workspace)
        #expect(refused.exitCode == .findings)
        #expect(refused.standardOutput.contains("error[D203]"))
        #expect(refused.standardOutput.contains("not scaffolded"))
        #expect(Self.listing(workspace) == before)
        #expect(Fixture.run([id, "--allow-invalid"], in: workspace).exitCode == .clean)
    }

    @Test func unreadableDraftsAndMissingFoldersFailWithExitTwo() {
        let workspace = Self.scratchWorkspace()
        #expect(Fixture.run(["draft_dp_bad_binary"], in: workspace).exitCode == .usageOrInputError)
        #expect(Fixture.run(["draft_dp_bad_nodraft"], in: workspace).exitCode == .usageOrInputError)
    }

    @Test func symlinksLeavingTheFolderAreRefusedAndNothingChanges() throws {
        let workspace = Self.scratchWorkspace()
        let id = "draft_dp_flask_sqlite_regression_suite"
        let folder = workspace + "/data_points/" + id
        let outside = Fixture.temporaryFolder() + "/victim.md"
        try "keep me\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/prompt.md", withDestinationPath: outside)
        let before = Self.listing(folder)
        let outcome = Fixture.run([id], in: workspace)
        #expect(outcome.exitCode == .usageOrInputError)
        #expect(outcome.standardOutput.contains("symbolic link"))
        #expect(Self.read(outside) == "keep me\n")
        #expect(Self.listing(folder) == before)
    }

    @Test func aLockHeldByALiveRunStopsASecondRun() throws {
        let workspace = Self.scratchWorkspace()
        let id = "draft_dp_flask_sqlite_regression_suite"
        let state = workspace + "/data_points/\(id)/.harbor-scaffold"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try "\(ProcessInfo.processInfo.processIdentifier)\n".write(toFile: state + "/lock", atomically: true, encoding: .utf8)
        let blocked = Fixture.run([id], in: workspace)
        #expect(blocked.exitCode == .usageOrInputError)
        #expect(blocked.standardOutput.contains("another harbor-scaffold run"))
        try "999999999\n".write(toFile: state + "/lock", atomically: true, encoding: .utf8)
        #expect(Fixture.run([id], in: workspace).exitCode == .clean, "a stale lock is taken over")
        #expect(!FileManager.default.fileExists(atPath: state + "/lock"), "the lock is released")
    }

    @Test func hostileDraftsOnlyReachCommentsAndStrings() throws {
        let workspace = Self.scratchWorkspace()
        let parentBefore = Self.listing(workspace + "/..")
        for id in Self.hostileIDs {
            #expect(Fixture.run([id, "--allow-invalid"], in: workspace).exitCode == .clean)
            let folder = workspace + "/data_points/" + id
            let dockerfile = Self.read(folder + "/Dockerfile")
            let draft = Self.read(folder + "/draft_spec.md")
            for line in dockerfile.split(separator: "\n") where !line.hasPrefix("#") {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.count >= 12 else { continue }
                #expect(!draft.contains(text), "\(id): draft text became a Dockerfile line: \(text)")
            }
            let check = try PythonOutline.run(["-c", PythonOutline.structureCheck, folder + "/tests.py"])
            #expect(check.status == 0, "\(id): \(check.output)")
        }
        #expect(Self.listing(workspace + "/..").filter { !$0.hasPrefix("shared_workspace") } == parentBefore.filter { !$0.hasPrefix("shared_workspace") })
    }

    @Test func blueprintsListAndExplain() {
        let list = Fixture.run(["blueprints"])
        for stack in ["python-fastapi", "python-django", "python-flask", "python-plain", "node-express", "node-nestjs", "node-plain", "go-plain", "rust-plain", "java-spring", "java-plain"] {
            #expect(list.standardOutput.contains(stack), "missing \(stack)")
        }
        let explain = Fixture.run(["blueprints", "--explain", "draft_dp_fastapi_invoice_n_plus_one"])
        #expect(explain.standardOutput.contains("python-fastapi"))
        #expect(explain.standardOutput.contains("(line "))
    }
}

/// Python helpers: collecting test names and running python3.
enum PythonOutline {
    /// Top-level `def test_…` names in order.
    static func testNames(_ source: String) -> [String] {
        source.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("def test_"), let paren = line.firstIndex(of: "(") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 4)..<paren])
        }
    }

    /// Asserts a generated tests.py has only the expected top-level structure.
    static let structureCheck = """
        import ast, sys
        tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
        allowed = {"wait_for_port", "http_request", "run_command", "base_url"}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                assert node.name in allowed or node.name.startswith("test_"), node.name
                if node.name.startswith("test_"):
                    last = node.body[-1]
                    assert isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and last.value.func.attr == "fail", node.name
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = {alias.name for alias in node.names}
                assert names <= {"json", "os", "socket", "subprocess", "time", "urllib.error", "urllib.request", "pytest"}, names
            elif isinstance(node, ast.Assign):
                pass
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                pass
            else:
                raise AssertionError(f"unexpected top-level {type(node).__name__}")
        """

    /// Runs python3 with `arguments`; returns exit status and combined output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// `--blueprints DIR` overlays the built-in blueprints file by file.
@Suite struct BlueprintOverrideTests {
    @Test func aUserFolderOverridesOneFileAndKeepsTheRest() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let overrides = Fixture.temporaryFolder()
        try FileManager.default.createDirectory(atPath: overrides + "/stacks/go-plain", withIntermediateDirectories: true)
        let original = try #require(EmbeddedBlueprints.files["stacks/go-plain/Dockerfile.tmpl"])
        try (original + "# our house rule\n").write(toFile: overrides + "/stacks/go-plain/Dockerfile.tmpl", atomically: true, encoding: .utf8)
        let id = "draft_dp_go_quote_cache_stampede"
        #expect(Fixture.run([id, "--blueprints", overrides], in: workspace).exitCode == .clean)
        let dockerfile = ScaffoldTests.read(workspace + "/data_points/\(id)/Dockerfile")
        #expect(dockerfile.hasSuffix("# our house rule\n"))
        #expect(ScaffoldTests.read(workspace + "/data_points/\(id)/tests.py").contains("def test_"), "other files still come from the built-in blueprints")
        let list = Fixture.run(["blueprints", "--blueprints", overrides]).standardOutput
        #expect(!list.contains("(overridden)"), "only a blueprint.json override marks a stack as overridden")
    }

    @Test func aBrokenUserTemplateIsAClearErrorAndWritesNothing() throws {
        let workspace = ScaffoldTests.scratchWorkspace()
        let overrides = Fixture.temporaryFolder()
        try FileManager.default.createDirectory(atPath: overrides + "/common", withIntermediateDirectories: true)
        try "# {{title}}\n".write(toFile: overrides + "/common/prompt.md.tmpl", atomically: true, encoding: .utf8)
        let id = "draft_dp_go_quote_cache_stampede"
        let before = ScaffoldTests.listing(workspace + "/data_points/" + id)
        let outcome = Fixture.run([id, "--blueprints", overrides], in: workspace)
        #expect(outcome.exitCode == .usageOrInputError)
        #expect(outcome.standardOutput.contains("common/prompt.md.tmpl:1: 'title' holds draft text and needs a filter"), "\(outcome.standardOutput)")
        #expect(ScaffoldTests.listing(workspace + "/data_points/" + id) == before)
        let missing = Fixture.run([id, "--blueprints", "/no/such/folder"], in: workspace)
        #expect(missing.exitCode == .usageOrInputError && missing.standardError.contains("is not a folder"))
    }
}
