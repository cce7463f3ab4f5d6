/// C302: test-only Python packages (pytest, hypothesis, coverage, tox) installed in the agent image.
struct TestPackagesInImageRule: LintRule {
    static let description = RuleDescription(
        id: "C302", name: "test-packages-in-image", title: "Test-only packages are installed in the agent image",
        severity: .error,
        rationale: """
            Harbor's rubric flags test dependencies in the agent's image (test_deps_in_image): with pytest \
            preinstalled the agent can write and run look-alike tests, and a verifier that relies on the image's \
            copy breaks when the agent changes it. The verifier installs its own tools (in `test.sh`, pinned, or in \
            `tests/Dockerfile`, where this rule does not apply). Covers pytest and its plugins, hypothesis, \
            coverage, tox and nose by name, `test` extras (`pip install -e '.[test]'`), requirement files named \
            for tests, and Debian's python3-pytest packages.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi==0.115.12 pytest==8.3.4 pytest-asyncio==0.24.0\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY repo/ /app/\nRUN pip install --no-cache-dir -e '/app[test]' -r /app/requirements-test.txt\n"]),
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pytest\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi==0.115.12 pytesseract==0.3.13 -r /app/requirements.txt\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi==0.115.12\n", "task.toml": "",
                "tests/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir pytest==8.3.4 pytest-json-report==1.5.0\n",
            ]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim AS test\nRUN pip install --no-cache-dir pytest==8.3.4\nFROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi==0.115.12\n"]),
        ])

    /// Test-only projects, by normalised name.
    static let testPackages: Set<String> = ["pytest", "hypothesis", "coverage", "tox", "nose", "nose2", "pytest-xdist"]
    /// Extras that name test dependencies.
    static let testExtras: Set<String> = ["test", "tests", "testing"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        for instruction in parsed.instructions(inStages: parsed.finalImageStages) where instruction.keyword == "RUN" {
            for command in instruction.runCommands {
                if let install = PythonInstall(command) {
                    for word in install.packages {
                        if let name = PythonRequirement(word).name, Self.isTestPackage(name) {
                            report("\(install.tool) installs the test tool '\(name)'", word, file, parsed, &sink)
                        } else if !Set(PythonRequirement.extras(of: word.text)).isDisjoint(with: Self.testExtras) {
                            report("\(install.tool) installs the test extras of '\(word.text)'", word, file, parsed, &sink)
                        }
                    }
                    for word in Self.valueWords(of: command, options: ["-e", "--editable", "-r", "--requirement"]) {
                        let lower = word.text.lowercased()
                        if !Set(PythonRequirement.extras(of: lower)).isDisjoint(with: Self.testExtras) {
                            report("\(install.tool) installs the test extras of '\(word.text)'", word, file, parsed, &sink)
                        } else if Self.isTestRequirementFile(lower) {
                            report("\(install.tool) installs '\(word.text)', which by its name holds test-only packages", word, file, parsed, &sink)
                        }
                    }
                } else if let packages = SystemPackageCommand(command), packages.isInstall {
                    for word in packages.packages where Self.isTestPackage(word.text.lowercased(), debian: true) {
                        report("\(packages.tool) installs the test tool '\(word.text)'", word, file, parsed, &sink)
                    }
                }
            }
        }
    }

    /// Reports a test package installed into the agent image.
    private func report(_ message: String, _ word: ShellWord, _ file: LintFile, _ parsed: Dockerfile, _ sink: inout FindingSink) {
        sink.report(
            message + " into the agent image", in: file, at: parsed.range(of: word),
            hint: "install test tools in the verifier instead: in tests/test.sh (pinned) or in tests/Dockerfile")
    }

    /// True for pytest, `pytest-*` plugins and the other test-only projects (`python3-pytest*` for Debian).
    static func isTestPackage(_ name: String, debian: Bool = false) -> Bool {
        var name = name
        if debian {
            guard name.hasPrefix("python3-") || name == "tox" else { return false }
            if name.hasPrefix("python3-") { name = String(name.dropFirst(8)) }
        }
        return testPackages.contains(name) || name.hasPrefix("pytest-")
    }

    /// `requirements-test.txt`, `test-requirements.txt`, `requirements/tests.txt`, `requirements_testing.txt`.
    static func isTestRequirementFile(_ path: String) -> Bool {
        let name = ShellByte.basename(path)
        guard name.hasSuffix(".txt") || name.hasSuffix(".in") || path.contains("requirements") else { return false }
        let words = path.split(whereSeparator: { !$0.isLetter })
        return words.contains { testExtras.contains(String($0)) }
    }

    /// The words given as values of `options` (`-e VALUE`, `-eVALUE` is not split).
    static func valueWords(of command: ShellCommand, options: Set<String>) -> [ShellWord] {
        let args = command.arguments
        return args.indices.dropLast().filter { options.contains(args[$0].text) }.map { args[$0 + 1] }
    }
}
