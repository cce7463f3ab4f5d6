import Testing
@testable import HarborScaffoldKit

/// Lints task files with a selection of rules (the Dockerfile family by default).
enum DockerLint {
    /// The findings for `files`; `task.toml` or a file under `environment/` or `tests/` makes it a Harbor task.
    static func findings(_ files: [String: String], select: [String] = ["C"], extraEntries: [String] = []) -> [Diagnostic] {
        let harbor = files.keys.contains { $0 == "task.toml" || $0.hasPrefix("environment/") || $0.hasPrefix("tests/") }
        let target = LintTarget(
            layout: harbor ? .harbor : .builder, stage: .skeleton, displayRoot: "", contents: files, extraEntries: extraEntries)
        return Linter(selection: RuleSelection(select: select)).lint(target)
    }

    /// The findings for a builder-layout `Dockerfile`.
    static func findings(dockerfile: String, select: [String] = ["C"]) -> [Diagnostic] {
        findings(["Dockerfile": dockerfile], select: select)
    }

    /// The 1-based column of the first `needle` on 1-based `line` of `text`.
    static func column(of needle: String, line: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line - 1 < lines.count, let range = lines[line - 1].range(of: needle) else { return nil }
        return lines[line - 1].distance(from: lines[line - 1].startIndex, to: range.lowerBound) + 1
    }
}

@Suite struct DockerfileRuleTests {
    // MARK: - The project's own blueprints

    @Test(arguments: BlueprintDockerfiles.all.map(\.name))
    func blueprintDockerfilesLintCleanInBothLayouts(_ name: String) throws {
        let text = try #require(BlueprintDockerfiles.all.first { $0.name == name }?.text)
        let harbor = DockerLint.findings([
            "environment/Dockerfile": text, "task.toml": "schema_version = \"1.4\"\n", "instruction.md": "Fix the bug.\n",
            "tests/test.sh": "#!/bin/bash\n", "tests/test_outputs.py": "def test_x():\n    assert 1 == 1\n",
            "solution/solve.sh": "#!/bin/bash\n",
        ])
        let builder = DockerLint.findings([
            "Dockerfile": text, "prompt.md": "Fix the bug.\n", "tests.py": "def test_x():\n    assert 1 == 1\n",
            "weights.json": "{\"test_x\": 1.0}\n",
        ])
        for found in [harbor, builder] {
            let serious = found.filter { $0.severity >= .warning }
            #expect(serious.isEmpty, "\(name): \(serious.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message)" })")
            #expect(found.allSatisfy { $0.ruleID == "C102" }, "\(name): only the digest info is expected: \(found.map(\.ruleID))")
        }
    }

    @Test(arguments: BlueprintDockerfiles.all.map(\.name))
    func blueprintDockerfilesBuildWellWithinTheBudget(_ name: String) throws {
        let text = try #require(BlueprintDockerfiles.all.first { $0.name == name }?.text)
        let estimate = BuildTimeEstimate(DockerfileParser.parse(text: text))
        #expect(estimate.total < 200, "\(name): \(estimate.total) s — \(estimate.breakdown)")
    }

    // MARK: - Positions

    @Test func findingsPointAtTheWordOnItsLineAndColumn() throws {
        let text = "FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n    uvicorn==0.34.3 requests\n"
        let found = DockerLint.findings(dockerfile: text, select: ["C103"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.line == 3 && finding.column == DockerLint.column(of: "requests", line: 3, in: text))
        #expect(finding.range?.end.column == (finding.column + "requests".count))
        #expect(finding.message == "pip installs 'requests' without an exact version, so each build may get a different release")
        #expect(finding.hint?.contains("requests==") == true)
    }

    @Test func baseImageFindingsPointAtTheImageWord() throws {
        let text = "ARG PY\nFROM --platform=linux/amd64 python:${PY}-slim AS app\n"
        let finding = try #require(DockerLint.findings(dockerfile: text, select: ["C101"]).first)
        #expect(finding.line == 2 && finding.column == DockerLint.column(of: "python:", line: 2, in: text))
        #expect(finding.message.contains("ARG PY without a default"))
        #expect(finding.hint == "give the ARG a default before the first FROM, e.g. ARG PY=<version>")
        let registry = try #require(DockerLint.findings(dockerfile: "FROM gcr.io/distroless/static-debian12\n", select: ["C101"]).first)
        #expect(registry.hint == "name a version, e.g. FROM gcr.io/distroless/static-debian12:<version>")
    }

    @Test func contextCopiesPointAtTheSourceAndNameTheLeakedFiles() throws {
        let text = "FROM python:3.12-slim\nWORKDIR /app\nCOPY --chown=app . /app\n"
        let found = DockerLint.findings(
            ["Dockerfile": text, "tests.py": "", "weights.json": "{}", "prompt.md": "x", "repo/app.py": ""], select: ["C301"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.line == 3 && finding.column == DockerLint.column(of: " . ", line: 3, in: text).map { $0 + 1 })
        #expect(finding.message.hasSuffix("copies tests.py and weights.json from the build context into the agent image, where the agent can read them"))
    }

    @Test func theBuildEstimatePointsAtItsCostliestInstruction() throws {
        let text = "FROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi==0.115.12\nRUN pip install --no-cache-dir torch==2.5.1 tensorflow==2.18.0\n"
        let finding = try #require(DockerLint.findings(dockerfile: text, select: ["C201"]).first)
        #expect(finding.line == 3 && finding.column == 1)
        #expect(finding.hint?.hasPrefix("estimate: torch ≈ 180 s, tensorflow ≈ 150 s") == true, "\(finding.hint ?? "")")
    }

    // MARK: - Which Dockerfile and which stages

    @Test func verifierDockerfileGetsOnlyTheRulesMarkedForIt() {
        let verifier = """
            FROM python:latest
            RUN pip install --no-cache-dir pytest requests==2.32.3
            ENV SERVICE_TOKEN=ghp_R2d4T6f8H0j2K4l6N8p0Q2s4U6w8Y0a2C4e6
            COPY . /tests/
            """
        let found = DockerLint.findings([
            "environment/Dockerfile": "FROM python:3.12-slim@sha256:2d2b24a8c8a6e4b5e0a1f5c2d8e0f1c3b4a5968778695a4b3c2d1e0f9a8b7c6d\n",
            "tests/Dockerfile": verifier, "task.toml": "", "tests/test_outputs.py": "",
        ])
        #expect(Set(found.map(\.ruleID)) == ["C101", "C103", "C304"], "\(found.map { "\($0.ruleID) \($0.message)" })")
        #expect(found.allSatisfy { $0.path == "tests/Dockerfile" })
    }

    @Test func onlyStagesOfTheFinalImageCountForIntegrity() {
        let builderStage = """
            FROM python:3.12-slim AS test
            COPY tests/ /tests/
            RUN pip install --no-cache-dir pytest==8.3.4 && echo 42 > /tmp/expected_output.txt
            FROM python:3.12-slim
            COPY repo/ /app/
            """
        #expect(DockerLint.findings(dockerfile: builderStage, select: ["C301", "C302", "C303"]).isEmpty)
        let baseStage = """
            FROM python:3.12-slim AS base
            RUN pip install --no-cache-dir pytest==8.3.4
            FROM base
            COPY repo/ /app/
            """
        #expect(DockerLint.findings(dockerfile: baseStage, select: ["C302"]).map(\.ruleID) == ["C302"])
    }

    @Test func explicitCopiesNameWhatTheyLeak() {
        let text = "FROM python:3.12-slim\nCOPY tests/ /tests/\nCOPY solution/solve.sh weights.json draft_spec.md /opt/\n"
        let found = DockerLint.findings(dockerfile: text, select: ["C301"]).map(\.message)
        #expect(found == [
            "COPY tests/ puts the verifier's tests into the agent image, where the agent can read it",
            "COPY solution/solve.sh puts the reference solution into the agent image, where the agent can read it",
            "COPY weights.json puts the tests' weights into the agent image, where the agent can read it",
            "COPY draft_spec.md puts the description of the tests into the agent image, where the agent can read it",
        ])
    }

    @Test func dockerignoreExceptionsBringFilesBack() {
        let files = [
            "Dockerfile": "FROM python:3.12-slim\nCOPY . /app\n", "tests.py": "", "weights.json": "{}",
            ".dockerignore": "*\n!repo\n!tests.py\n",
        ]
        let found = DockerLint.findings(files, select: ["C301"])
        #expect(found.count == 1 && found.first?.message.contains("tests.py") == true && found.first?.message.contains("weights") == false)
    }

    @Test func harborContextIsTheEnvironmentFolder() {
        let files = [
            "environment/Dockerfile": "FROM python:3.12-slim\nCOPY . /app\n", "task.toml": "", "tests/test_outputs.py": "",
            "solution/solve.sh": "", "environment/app/main.py": "",
        ]
        #expect(DockerLint.findings(files, select: ["C301"]).isEmpty)
        var leaking = files
        leaking["environment/solution/solve.sh"] = ""
        #expect(DockerLint.findings(leaking, select: ["C301"]).first?.message.contains("solution/") == true)
    }

    @Test func lockfilesAnywhereInTheContextSatisfyAnArgumentFreeInstall() {
        let dockerfile = "FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY repo/ .\nRUN npm install && yarn install\n"
        let found = DockerLint.findings(["Dockerfile": dockerfile, "repo/package-lock.json": "{}"], select: ["C104"])
        #expect(found.map(\.message) == ["yarn install without a lockfile in the build context resolves every dependency afresh on each build"])
        #expect(found.first?.hint == "commit yarn.lock and install with --frozen-lockfile")
        let npmOnly = DockerLint.findings(["Dockerfile": dockerfile, "repo/yarn.lock": ""], select: ["C104"])
        #expect(npmOnly.first?.hint == "commit package-lock.json with the repository and install with npm ci")
    }

    // MARK: - Suppressions and messages

    @Test func suppressionCommentsSilenceAFinding() {
        let text = "FROM python:3.12-slim\n# harbor-scaffold: ignore[unpinned-pip-install]\nRUN pip install --no-cache-dir requests\n"
        #expect(DockerLint.findings(dockerfile: text, select: ["C103"]).isEmpty)
    }

    @Test func everyDockerfileRuleHasTwoExamplesEachWay() {
        let rules = RuleCatalog.all.filter { $0.family == "C" }
        #expect(rules.count == LintRules.dockerfile.count)
        for rule in rules {
            #expect(rule.triggeringExamples.count >= 2 && rule.nonTriggeringExamples.count >= 2, "\(rule.id)")
        }
    }

    @Test func everyFindingOfTheExamplesHasARangeAHintAndOneLine() {
        for rule in RuleCatalog.all where rule.family == "C" {
            for example in rule.triggeringExamples {
                for finding in DockerLint.findings(example.files, select: [rule.id]) {
                    #expect(finding.range != nil, "\(rule.id): \(finding.message)")
                    #expect(finding.hint?.isEmpty == false, "\(rule.id): \(finding.message)")
                    #expect(!finding.message.contains("\n") && !finding.message.hasSuffix("."), "\(rule.id): \(finding.message)")
                }
            }
        }
    }

    @Test func secretsAreNeverEchoedInFindings() {
        let token = "ghp_R2d4T6f8H0j2K4l6N8p0Q2s4U6w8Y0a2C4e6"
        let text = "FROM python:3.12-slim\nENV GH_TOKEN=\(token)\nARG DB_PASSWORD=Vq7pL2xRm9zTw4\nRUN git clone https://x-access-token:\(token)@github.com/org/repo.git@v1.0.0 /src\n"
        let found = DockerLint.findings(dockerfile: text, select: ["C304"])
        #expect(found.count == 3)
        #expect(found.allSatisfy { !$0.message.contains(token) && !$0.message.contains("Vq7pL2xRm9zTw4") && !($0.hint ?? "").contains(token) })
    }

    // MARK: - Tricky inputs

    @Test func heredocRunsAreReadAsScripts() {
        let text = """
            # syntax=docker/dockerfile:1.7
            FROM python:3.12-slim
            RUN <<EOF
            set -e
            apt-get update
            apt-get install curl
            pip install flask
            EOF
            """
        let ids = Set(DockerLint.findings(dockerfile: text).map(\.ruleID))
        #expect(ids.isSuperset(of: ["C103", "C203", "C204", "C205"]), "\(ids)")
    }

    @Test func wrappersAndPythonModuleFormsAreSeenThrough() {
        let text = "FROM python:3.12-slim\nRUN sudo -E env PIP_INDEX_URL=https://pypi.org/simple python3.12 -m pip install --no-cache-dir flask\n"
        #expect(DockerLint.findings(dockerfile: text, select: ["C103"]).map(\.ruleID) == ["C103"])
    }

    @Test func escapeDirectiveAndExecFormRunsAreRead() {
        let text = "# escape=`\nFROM python:3.12-slim\nRUN pip install --no-cache-dir `\n    fastapi==0.115.12\nRUN [\"pip\", \"install\", \"--no-cache-dir\", \"flask\"]\nRUN [\"apt-get\", \"install\", \"curl\"]\n"
        let found = DockerLint.findings(dockerfile: text, select: ["C103", "C001", "C203"])
        #expect(found.map(\.ruleID) == ["C103", "C203"], "\(found.map(\.message))")
        #expect(found.first?.line == 5 && found.first?.column == DockerLint.column(of: "\"flask\"", line: 5, in: text))
    }

    @Test func hostileDockerfilesNeverCrashAnyRule() {
        var random = SplitMix64(seed: 0xD0C4E7)
        let fragments = [
            "FROM", "FROM python", "FROM ${X:-}", "FROM a AS", "RUN", "RUN |", "RUN curl x |", "RUN | sh", "RUN <<EOF", "EOF",
            "COPY", "COPY . ", "ADD https://", "ADD --checksum=", "ENV", "ENV =", "ARG =x", "ENV A", "SHELL", "SHELL []",
            "CMD [", "CMD ['x']", "RUN pip install '", "RUN pip install -r", "RUN npm install @", "RUN go install @latest",
            "RUN git clone", "RUN git -C", "RUN apt-get -o", "RUN apt-get install -t", "RUN set -o", "ONBUILD RUN pip install x",
            "\\", "`", "#", "# escape=`", "RUN $(curl x)", "RUN \"$(", "RUN sh <(wget -qO- x", "FROM scratch", "é", "\t",
            "RUN pip install --index-url", "RUN tee", "RUN cp", "COPY <<X /answers.json", "HEALTHCHECK CMD",
        ]
        for _ in 0..<400 {
            var lines: [String] = []
            for _ in 0..<Int(random.next() % 12) {
                let first = fragments[Int(random.next() % UInt64(fragments.count))]
                let second = fragments[Int(random.next() % UInt64(fragments.count))]
                lines.append(random.next() % 3 == 0 ? first + " " + second : first)
            }
            let text = lines.joined(separator: random.next() % 5 == 0 ? "\r\n" : "\n")
            let found = DockerLint.findings([
                "environment/Dockerfile": text, "tests/Dockerfile": text, "task.toml": "[environment]\nbuild_timeout_sec = \"x\"\n",
                "environment/.dockerignore": "!\n**\n",
            ])
            #expect(found.allSatisfy { $0.line >= 1 && $0.column >= 1 })
        }
    }

    @Test func lintingThousandsOfDockerfilesIsFast() {
        let targets = (0..<200).flatMap { index in
            BlueprintDockerfiles.all.map { fixture in
                LintTarget(layout: .builder, stage: .skeleton, displayRoot: "dp\(index)", contents: ["Dockerfile": fixture.text])
            }
        }
        let linter = Linter(selection: RuleSelection(select: ["C"]))
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for target in targets { _ = linter.lint(target) }
        }
        // 1,000 Dockerfiles of 70–130 lines; debug builds are several times slower than release.
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
