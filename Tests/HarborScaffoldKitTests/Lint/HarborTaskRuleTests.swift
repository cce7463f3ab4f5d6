import Foundation
import Testing
@testable import HarborScaffoldKit

/// The T rules on whole task folders and task.toml files.
@Suite struct HarborTaskRuleTests {
    typealias F = HarborLintFixtures

    private func config(_ text: String, select: [String]) -> [Diagnostic] {
        F.lint(["task.toml": text], select: select)
    }

    @Test func aFreshHarborInitTaskFailsWhereHarborSaysItShould() {
        let files = [
            "task.toml": F.harborInitTaskTOML, "instruction.md": "", "environment/Dockerfile": "FROM ubuntu:24.04\n",
            "tests/test.sh": F.harborInitTestScript, "solution/solve.sh": F.harborInitSolveScript,
        ]
        let found = F.lint(files, select: ["T", "S"])
        #expect(found.map { "\($0.ruleID) \($0.path):\($0.line):\($0.column)" } == [
            "T101 instruction.md:1:1", "S109 solution/solve.sh:1:1", "T105 task.toml:5:1", "T108 task.toml:8:2",
            "T104 task.toml:12:21", "S101 tests/test.sh:1:1",
        ])
    }

    @Test func missingFilesAreNamedByPath() {
        let found = F.lint(["instruction.md": "Do it.\n"], select: ["T101"])
        #expect(found.map(\.path) == ["environment/Dockerfile", "task.toml", "tests/test.sh"])
        #expect(found.allSatisfy { $0.range == nil })
    }

    @Test func multiStepAndWindowsTasksKeepTheirScriptsElsewhere() {
        let steps = [
            "task.toml": "[[steps]]\nname = \"one\"\n[[steps]]\nname = \"two\"\n", "environment/Dockerfile": "FROM x\n",
            "steps/one/instruction.md": "First.\n", "steps/one/tests/test.sh": "#!/bin/bash\n", "steps/two/tests/test.sh": "#!/bin/bash\n",
        ]
        #expect(F.lint(steps, select: ["T101"]).map(\.path) == ["steps/two/instruction.md"])
        let windows = [
            "task.toml": "[environment]\nos = \"windows\"\n", "instruction.md": "Do it.\n", "environment/Dockerfile": "FROM x\n",
            "tests/test.bat": "@echo 1 > C:\\logs\\verifier\\reward.txt\n",
        ]
        #expect(F.lint(windows, select: ["T101"]).isEmpty)
    }

    // MARK: - T001

    @Test func syntaxErrorsStopTheOtherConfigRules() {
        let found = config("[verifier]\ntimout_sec = 600.0\nname = \n", select: ["T001", "T102", "T103", "T104", "T105", "T106", "T107"])
        #expect(F.places(found) == ["T001 3:8"])
    }

    // MARK: - T102

    @Test func unknownKeysAreReportedAtTheKeyWithTheirTable() {
        let text = """
            schema_version = "1.4"
            [task]
            name = "acme/x"
            category = "web"
            [verifier]
            enviroment_mode = "separate"
            [verifier.environment]
            memmory_mb = 2048
            [[steps]]
            name = "one"
            [steps.healthcheck]
            command = "true"
            interval = 5
            [[verifier.collect]]
            command = "dump"
            servise = "db"
            """
        let found = config(text, select: ["T102"])
        #expect(found.map { "\($0.line):\($0.column) \($0.message)" } == [
            "4:1 unknown field 'category' in [task]",
            "6:1 unknown field 'enviroment_mode' in [verifier]; did you mean 'environment_mode'?",
            "8:1 unknown field 'memmory_mb' in [verifier.environment]; did you mean 'memory_mb'?",
            "13:1 unknown field 'interval' in [steps.healthcheck]; did you mean 'interval_sec'?",
            "16:1 unknown field 'servise' in [[verifier.collect]] #1; did you mean 'service'?",
        ])
        #expect(found[0].hint?.contains("[metadata]") == true)
    }

    @Test func topLevelKeysWrittenUnderATableGetTheTOMLExplanation() throws {
        let found = config("schema_version = \"1.4\"\n[environment]\nbuild_timeout_sec = 300\nartifacts = [\"/app/out\"]\n", select: ["T102"])
        #expect(F.places(found) == ["T102 4:1"])
        #expect(try #require(found.first?.hint).contains("above the first header"))
    }

    @Test func inlineTablesAndArraysOfTablesAreChecked() {
        let text = "artifacts = [{ source = \"/app/out\", dest = \"out\" }]\n[environment]\nmcp_servers = [{ name = \"x\", url = \"https://x\", header = {} }]\n"
        #expect(F.places(config(text, select: ["T102"])) == ["T102 1:37", "T102 3:49"])
    }

    // MARK: - T103

    @Test func typeErrorsPointAtTheValue() {
        let text = """
            [agent]
            timeout_sec = "1800"
            user = 1.5
            [environment]
            cpus = true
            memory_mb = 4096.5
            gpu_types = ["H100", 1]
            os = "macos"
            [environment.env]
            A = "x"
            B = false
            """
        let found = config(text, select: ["T103"])
        #expect(found.map { "\($0.line):\($0.column) \($0.message)" } == [
            "2:15 'timeout_sec' in [agent] must be a number, not a string",
            "3:8 'user' in [agent] must be a string or an integer, not a float",
            "5:8 'cpus' in [environment] must be a number, not a boolean",
            "6:13 'memory_mb' in [environment] must be an integer, not a float",
            "7:13 'gpu_types' in [environment] must be an array of strings, not an array",
            "8:6 'os' in [environment] must be one of \"linux\", \"windows\", not \"macos\"",
            "11:5 'env' in [environment] must map names to strings, but 'B' is a boolean",
        ])
        #expect(found[0].hint == "remove the quotes: write 1800, not \"1800\"")
    }

    @Test func valuesHarborRejectsAreReported() {
        let text = """
            [task]
            name = "acme/../x"
            version = ""
            [environment]
            network_mode = "allowlist"
            allowed_hosts = ["https://pypi.org"]
            [environment.tpu]
            type = "v5e"
            topology = "2by4"
            [[environment.mcp_servers]]
            name = "docs"
            transport = "stdio"
            [[steps]]
            name = "build"
            [[steps]]
            name = "Build"
            artifacts = [{ source = "logs", service = "db", destination = "../out" }]
            """
        let found = config(text, select: ["T103"])
        #expect(F.places(found) == [
            "T103 2:8", "T103 3:11", "T103 6:17", "T103 9:12", "T103 11:1", "T103 16:8", "T103 17:25", "T103 17:63",
        ])
    }

    @Test func requiredFieldsAreReportedAtTheirTable() {
        let text = "[task]\ndescription = \"x\"\n[environment.healthcheck]\nretries = 3\n[[artifacts]]\ndestination = \"x\"\n"
        #expect(config(text, select: ["T103"]).map(\.message) == [
            "[task] is missing the required field 'name'",
            "[environment.healthcheck] is missing the required field 'command'",
            "[[artifacts]] #1 is missing the required field 'source'",
        ])
    }

    @Test func legacyAndCaseInsensitiveSpellingsHarborAcceptsAreClean() {
        let text = "version = \"1.0\"\n[environment]\nos = \"Windows\"\nmemory = \"4G\"\nallow_internet = false\n[[environment.mcp_servers]]\nname = \"x\"\ntransport = \"http\"\nurl = \"https://x\"\n"
        #expect(config(text, select: ["T102", "T103"]).isEmpty)
    }

    // MARK: - T104 to T107

    @Test func buildTimeoutsAreComparedWithTheBudget() {
        #expect(F.places(config("[environment]\nbuild_timeout_sec = 300.5\n", select: ["T104"])) == ["T104 2:21"])
        #expect(config("[environment]\nbuild_timeout_sec = \"900\"\n", select: ["T104"]).isEmpty, "T103 reports the type")
    }

    @Test func sharedVerifiersAreReportedPerPass() {
        let text = "[verifier]\nenvironment_mode = \"separate\"\n[[steps]]\nname = \"a\"\n[[steps]]\nname = \"b\"\n[steps.verifier]\nenvironment_mode = \"shared\"\n"
        let found = config(text, select: ["T105"])
        #expect(F.places(found) == ["T105 8:20"])
        #expect(found.first?.message.hasPrefix("[[steps]] #2") == true)
    }

    @Test func artifactsFollowHarborsCollisionRules() {
        #expect(config("artifacts = [\"/logs/artifacts\", \"/logs/artifacts/x\"]\n", select: ["T106"]).isEmpty)
        let excluded = "artifacts = [{ source = \"/logs/artifacts\", exclude = [\"*.tmp\"] }, \"/logs/artifacts/x\"]\n"
        #expect(config(excluded, select: ["T106"]).count == 1)
        let steps = "artifacts = [\"/app/out\"]\n[[steps]]\nname = \"a\"\nartifacts = [{ source = \"/tmp/out\", destination = \"app/out/x\" }]\n"
        #expect(F.places(config(steps, select: ["T106"])) == ["T106 4:25"])
        let logs = "artifacts = [\"/logs/agent/trace.jsonl\"]\n[verifier]\nenvironment_mode = \"separate\"\n"
        #expect(F.places(config(logs, select: ["T107"])) == ["T107 1:13"])
    }

    // MARK: - Robustness

    @Test func mutatedConfigsNeverCrashTheTaskRules() {
        var random = ReaderFuzzRandom(seed: 0x7A5C_0001)
        let sample = Array(F.generatedTaskTOML.utf8)
        var total = 0
        for _ in 0..<500 {
            let text = String(decoding: random.mutate(sample), as: UTF8.self)
            total += F.lint(["task.toml": text, "tests/Dockerfile": "FROM x\n"], select: ["T"]).count
        }
        #expect(total > 0)
    }
}

/// The Swift schema table against Harbor's JSON schema 1.4.
@Suite struct HarborTaskSchemaTests {
    private static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/harbor-task-schema-1.4.json")

    private static let tables: [String: HarborTaskSchema.Table] = [
        "AgentConfig": HarborTaskSchema.agent, "ArtifactConfig": HarborTaskSchema.artifact, "Author": HarborTaskSchema.author,
        "EnvironmentConfig": HarborTaskSchema.environment, "HealthcheckConfig": HarborTaskSchema.healthcheck,
        "MCPServerConfig": HarborTaskSchema.mcpServer, "PackageInfo": HarborTaskSchema.package,
        "SolutionConfig": HarborTaskSchema.solution, "StepConfig": HarborTaskSchema.step, "TpuSpec": HarborTaskSchema.tpu,
        "VerifierCollectConfig": HarborTaskSchema.collect, "VerifierConfig": HarborTaskSchema.verifier,
        "TaskConfig": HarborTaskSchema.root,
    ]

    /// Legacy spellings Harbor accepts that the JSON schema does not list.
    private static let legacy: [String: Set<String>] = ["TaskConfig": ["version"], "EnvironmentConfig": ["memory", "storage"]]

    @Test func everyObjectOfTheJSONSchemaHasTheSameFieldsAndRequirements() throws {
        let data = try Data(contentsOf: Self.schemaURL)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var objects = try #require(json["$defs"] as? [String: Any])
        objects["TaskConfig"] = json
        for (name, value) in objects {
            let object = try #require(value as? [String: Any])
            guard let properties = object["properties"] as? [String: Any] else { continue }
            let table = try #require(Self.tables[name], "no Swift table for \(name)")
            let swiftFields = Set(table.fieldNames).subtracting(Self.legacy[name] ?? [])
            #expect(swiftFields == Set(properties.keys), "\(name)")
            let required = Set(object["required"] as? [String] ?? [])
            #expect(Set(table.fields.filter(\.isRequired).map(\.name)) == required, "\(name)")
            for (field, property) in properties {
                guard let values = Self.enumValues(property, objects) else { continue }
                guard case .enumeration(let swiftValues) = table.field(field)?.type else {
                    Issue.record("\(name).\(field) should be an enumeration")
                    continue
                }
                #expect(Set(values).isSubset(of: Set(swiftValues)), "\(name).\(field)")
            }
        }
    }

    /// The enum values a property allows (directly or through `$ref` / `anyOf`), if it is an enum.
    private static func enumValues(_ property: Any, _ objects: [String: Any]) -> [String]? {
        guard let property = property as? [String: Any] else { return nil }
        if let values = property["enum"] as? [String] { return values }
        if let reference = property["$ref"] as? String {
            return enumValues(objects[String(reference.split(separator: "/").last ?? "")] as Any, objects)
        }
        for option in property["anyOf"] as? [Any] ?? [] {
            if let values = enumValues(option, objects) { return values }
        }
        return nil
    }
}
