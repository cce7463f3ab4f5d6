import Foundation
import Testing
@testable import HarborScaffoldKit

/// The Harbor task directory: its files, frozen in goldens, and the settings of task.toml.
@Suite struct HarborLayoutTests {
    static let library = try! BlueprintLibrary.builtIn()
    static let baseDraft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))

    static func draft(_ fields: [DraftFieldKind: String]) -> DraftSpec {
        DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.with(fields).files["draft_spec.md"] ?? ""))
    }

    static func plan(_ draft: DraftSpec = baseDraft, taskID: String = "draft_dp_base", org: String = HarborTaskName.defaultOrg) throws -> ScaffoldPlan {
        try HarborLayoutScaffolder(library: library, org: org).plan(draft, taskID: taskID)
    }

    static func file(_ plan: ScaffoldPlan, _ path: String) throws -> String {
        try #require(plan.files.first { $0.path == path }, "no \(path)").content
    }

    static func config(_ plan: ScaffoldPlan) throws -> TOMLTable {
        try TOMLParser.parse(SourceText(path: "task.toml", text: try file(plan, "task.toml")))
    }

    @Test func everyFileOfTheBaseDraftMatchesItsGolden() throws {
        let plan = try Self.plan()
        #expect(plan.files.map(\.path) == [
            "task.toml", "instruction.md", "environment/Dockerfile", "tests/Dockerfile", "tests/test.sh",
            "tests/test_outputs.py", "tests/weights.json", "solution/solve.sh",
        ])
        #expect(plan.files.filter(\.executable).map(\.path) == ["tests/test.sh", "solution/solve.sh"])
        #expect(plan.manifest.layout == "harbor")
        for file in plan.files { Golden.check(file.content, "harbor/draft_dp_base/\(file.path)") }
    }

    @Test func theOutlineIsTheBuilderLayoutsOutline() throws {
        let harbor = try Self.plan()
        let builder = try Scaffolder(library: Self.library).plan(Self.baseDraft, taskID: "draft_dp_base")
        func builderFile(_ path: String) -> String? { builder.files.first { $0.path == path }?.content }
        #expect(try Self.file(harbor, "instruction.md") == builderFile("prompt.md"))
        #expect(try Self.file(harbor, "tests/test_outputs.py") == builderFile("tests.py"))
        #expect(try Self.file(harbor, "tests/weights.json") == builderFile("weights.json"))
        let agentImage = try Self.file(harbor, "environment/Dockerfile")
        #expect(agentImage.hasPrefix(try #require(builderFile("Dockerfile")).components(separatedBy: "\nENTRYPOINT")[0]))
    }

    @Test func taskTomlHasTheSettingsHarborNeeds() throws {
        let config = try Self.config(try Self.plan())
        #expect(config["schema_version"]?.stringValue == "1.4")
        #expect(config.value(at: ["task", "name"])?.stringValue == "harbor-scaffold/draft-dp-base")
        #expect(config.value(at: ["task", "description"])?.stringValue == "Fix per-tenant rate limiting in a FastAPI billing gateway")
        #expect(config.value(at: ["task", "keywords"])?.arrayValue?.compactMap(\.stringValue) == ["FastAPI", "Redis", "PostgreSQL", "pytest"])
        #expect(config.value(at: ["metadata", "difficulty"])?.stringValue == "hard")
        #expect(config.value(at: ["metadata", "category"])?.stringValue == "api_security")
        #expect(config.value(at: ["metadata", "language"])?.stringValue == "python")
        #expect(config.value(at: ["metadata", "core_skills"])?.arrayValue?.count == 3)
        #expect(config.value(at: ["metadata", "author_name"])?.stringValue == "harbor-scaffold")
        #expect(config.value(at: ["metadata", "draft_id"])?.stringValue == "draft_dp_base")
        #expect(config.value(at: ["metadata", "draft_sha256"])?.stringValue == SHA256.hex(Self.baseDraft.source.bytes))
        #expect(config.value(at: ["verifier", "environment_mode"])?.stringValue == "separate")
        #expect(config.value(at: ["verifier", "timeout_sec"])?.doubleValue == 600)
        #expect(config.value(at: ["verifier", "environment", "network_mode"])?.stringValue == "no-network")
        #expect(config.value(at: ["agent", "user"])?.stringValue == "agent")
        #expect(config.value(at: ["agent", "timeout_sec"])?.doubleValue == 3600)
        #expect(config.value(at: ["environment", "build_timeout_sec"])?.doubleValue == 300)
        #expect(config.value(at: ["environment", "network_mode"])?.stringValue == "public")
        #expect(config.value(at: ["environment", "cpus"])?.intValue == 2)
        #expect(config.value(at: ["environment", "memory_mb"])?.intValue == 3328, "2048 for Python, 1024 for PostgreSQL, 256 for Redis")
        #expect(config["artifacts"]?.arrayValue?.compactMap(\.stringValue) == ["/app"])
    }

    @Test func databaseServicesGetMoreMemoryAndHarderTasksMoreTime() throws {
        let plain = try Self.config(try Self.plan(Self.draft([
            .keyTechnologies: "FastAPI, pytest", .environmentSetup: "Python 3.12 with FastAPI; the service listens on port 8000.",
            .difficulty: "medium",
        ])))
        #expect(plain.value(at: ["environment", "memory_mb"])?.intValue == 2048)
        #expect(plain.value(at: ["agent", "timeout_sec"])?.doubleValue == 1800)
        let heavy = try Self.config(try Self.plan(Self.draft([
            .language: "java", .keyTechnologies: "Spring Boot, PostgreSQL, MongoDB", .difficulty: "Extremely-Hard",
            .environmentSetup: "Java 17 with Spring Boot, PostgreSQL and MongoDB.",
        ])))
        #expect(heavy.value(at: ["environment", "memory_mb"])?.intValue == 6144, "4096 for Java, 1024 each for PostgreSQL and MongoDB")
        #expect(heavy.value(at: ["agent", "timeout_sec"])?.doubleValue == 5400)
        #expect(heavy.value(at: ["metadata", "difficulty"])?.stringValue == "extremely hard")
        #expect(heavy.value(at: ["metadata", "language"])?.stringValue == "java")
    }

    @Test func hostileDraftTextReadsBackExactlyFromTaskToml() throws {
        let task = "Fix \"quoted\" \\ back\\slash \u{7F} del \u{1B}[31m and ''' \"\"\" [[x]] = 1 # not a comment \u{202E} {{title}}"
        let plan = try Self.plan(Self.draft([
            .task: task, .category: "api\"security\n[task]", .keyTechnologies: "FastAPI, \"Redis\" \\n, a]b = c, pytest",
        ]))
        let toml = try Self.file(plan, "task.toml")
        let config = try TOMLParser.parse(SourceText(path: "task.toml", text: toml))
        #expect(config.value(at: ["task", "description"])?.stringValue == Self.draft([.task: task]).value(.task))
        #expect(config.value(at: ["task", "keywords"])?.arrayValue?.compactMap(\.stringValue) == ["FastAPI", "\"Redis\" \\n", "a]b = c", "pytest"])
        #expect(config.value(at: ["task", "name"])?.stringValue == "harbor-scaffold/draft-dp-base", "no table was injected")
        #expect(config.value(at: ["agent", "user"])?.stringValue == "agent")
        let python = try PythonCheck.run(["-c", "import sys, tomllib; tomllib.loads(sys.stdin.read())"], input: toml)
        #expect(python.status == 0, "python's tomllib rejects task.toml: \(python.output)")
    }

    @Test func namesAndOrganisations() throws {
        #expect(HarborTaskName.slug("draft_dp_Fastapi_Invoice") == "draft-dp-fastapi-invoice")
        #expect(HarborTaskName.slug("__x..y__") == "x.y--")
        #expect(HarborTaskName.slug("..") == "task")
        #expect(HarborTaskName.name(org: "acme", taskID: "draft_dp_a1") == "acme/draft-dp-a1")
        for good in ["harbor-scaffold", "acme", "a.b_c-d", "0team"] { #expect(HarborTaskName.isValidOrg(good), "\(good)") }
        for bad in ["", "-x", ".x", "a/b", "a b", "a..b", "ünï", "x\n"] { #expect(!HarborTaskName.isValidOrg(bad), "\(bad)") }
        #expect(try Self.config(try Self.plan(org: "my-team")).value(at: ["task", "name"])?.stringValue == "my-team/draft-dp-base")
    }

    @Test func theAgentImageCreatesTheNonRootUserBeforeItsEntrypoint() throws {
        let dockerfile = try Self.file(try Self.plan(), "environment/Dockerfile")
        let parsed = DockerfileParser.parse(text: dockerfile)
        let keywords = parsed.instructions.map(\.keyword)
        let run = try #require(parsed.instructions.last { $0.is("RUN") })
        #expect(run.arguments.contains("useradd --create-home --shell /bin/bash agent"))
        #expect(run.arguments.contains("chown -R agent:agent /app"))
        #expect(run.arguments.contains("chown agent /etc/postgresql-common/pgpass"), "the agent can use psql like root")
        #expect(Array(keywords.suffix(2)) == ["ENTRYPOINT", "CMD"])
        #expect(!keywords.contains("USER"), "the entrypoint stays root so start-services can start the services")
        #expect(parsed.issues.isEmpty, "\(parsed.issues)")
    }

    @Test func theVerifierImageHasPinnedPytestAndCopiesTheTests() throws {
        let dockerfile = try Self.file(try Self.plan(), "tests/Dockerfile")
        let parsed = DockerfileParser.parse(text: dockerfile)
        let from = try #require(parsed.instructions.first { $0.is("FROM") })
        #expect(from.arguments == "python:3.12-slim-bookworm")
        let runs = parsed.instructions.filter { $0.is("RUN") }.map(\.arguments)
        #expect(runs == ["pip install --no-cache-dir pytest==8.3.5"])
        #expect(parsed.instructions.contains { $0.is("COPY") && $0.arguments == ". /tests/" })
        #expect(dockerfile.contains("psycopg[binary]==3.2.10"), "the services' Python drivers are suggested")
    }

    @Test func theSolutionPlaceholderFailsUntilWritten() throws {
        let solve = try Self.file(try Self.plan(), "solution/solve.sh")
        #expect(solve.hasPrefix("#!/bin/bash\n"))
        #expect(solve.contains("# TODO(harbor-scaffold):"))
        #expect(solve.hasSuffix("exit 1\n"))
    }

    @Test func exportKeepsTheBuildersFilesAndAddsTheAgentUser() throws {
        let builder = BuilderFiles(
            prompt: "# Fix the gateway\r\n\r\nMake limits per tenant.\n", dockerfile: "FROM python:3.12-slim-bookworm\nWORKDIR /srv/gateway\nCOPY repo/ /srv/gateway/",
            tests: "def test_limits():\n    assert True\n", weights: "{\"test_limits\": 1.0}\n")
        let plan = try HarborLayoutScaffolder(library: Self.library).export(Self.baseDraft, taskID: "draft_dp_base", builder: builder)
        #expect(try Self.file(plan, "instruction.md") == builder.prompt)
        #expect(try Self.file(plan, "tests/test_outputs.py") == builder.tests)
        #expect(try Self.file(plan, "tests/weights.json") == builder.weights)
        let dockerfile = try Self.file(plan, "environment/Dockerfile")
        #expect(dockerfile.hasPrefix(builder.dockerfile + "\n"))
        #expect(dockerfile.contains("useradd --create-home --shell /bin/bash agent"))
        #expect(dockerfile.contains("chown -R agent:agent /srv/gateway"))
        let config = try Self.config(plan)
        #expect(config["artifacts"]?.arrayValue?.compactMap(\.stringValue) == ["/srv/gateway"], "the builder's WORKDIR")
        #expect(config.value(at: ["agent", "user"])?.stringValue == "agent")
        #expect(plan.tests.map(\.name) == ["test_limits"])
    }

    @Test func exportKeepsABuildersOwnNonRootUser() throws {
        let builder = BuilderFiles(
            prompt: "Fix it.\n", dockerfile: "FROM node:22-bookworm-slim\nWORKDIR /app\nUSER node\n", tests: "def test_a():\n    pass\n",
            weights: "{\"test_a\": 1.0}\n")
        let plan = try HarborLayoutScaffolder(library: Self.library).export(Self.baseDraft, taskID: "x", builder: builder)
        #expect(try Self.file(plan, "environment/Dockerfile") == builder.dockerfile)
        #expect(try Self.config(plan).value(at: ["agent", "user"])?.stringValue == "node")
        let created = BuilderFiles(
            prompt: "Fix it.\n", dockerfile: "FROM debian:bookworm-slim\nRUN useradd --create-home agent\n", tests: "def test_a():\n    pass\n",
            weights: "{\"test_a\": 1.0}\n")
        let again = try HarborLayoutScaffolder(library: Self.library).export(Self.baseDraft, taskID: "x", builder: created)
        #expect(try Self.file(again, "environment/Dockerfile") == created.dockerfile, "the user exists already")
    }
}

/// Runs python3 for checks.
enum PythonCheck {
    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
