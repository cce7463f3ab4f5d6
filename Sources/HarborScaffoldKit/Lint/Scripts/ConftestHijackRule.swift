/// S103: pytest runs on a folder the agent controls without disabling conftest.py and the cache.
struct ConftestHijackRule: LintRule {
    static let description = RuleDescription(
        id: "S103", name: "conftest-hijack", title: "pytest trusts files the agent could have planted", severity: .warning,
        rationale: """
            Harbor runs tests/test.sh in the image's working folder, where the agent just worked. pytest \
            loads every conftest.py on the way to the tests and the .pytest_cache of its rootdir, so an \
            agent that plants /app/conftest.py (marking every test passed) or a cache decides the result. \
            Run pytest on /tests with `--rootdir=/tests`, or pass `--noconftest` and \
            `-p no:cacheprovider` when it must collect from the agent's folder. `python -m pytest` also puts \
            the working folder first on sys.path, where a planted pytest.py or json.py shadows the real one.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncd /app\npytest tests/ -q\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest --rootdir=/app --noconftest /tests/test_outputs.py\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npython3 -m pytest -p no:cacheprovider --noconftest /tests\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nbash -c \"cd /app && pytest\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "tests/test.sh": """
                    #!/bin/bash
                    TESTS_DIR="${HARBOR_TESTS_DIR:-/tests}"
                    cd "$TESTS_DIR"
                    python3 -m pytest -p no:cacheprovider --noconftest --rootdir="$TESTS_DIR" "$TESTS_DIR"
                    """,
            ]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npytest --ctrf /logs/verifier/ctrf.json /tests/test_outputs.py -rA\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncd /app\npytest -p no:cacheprovider --noconftest /app/tests\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\ncd /app\nsu app -c 'cd /tests && pytest -q'\n"]),
        ])

    /// The working folder while reading the script.
    private enum Folder {
        /// The image's WORKDIR, where the agent worked.
        case workdir
        /// A known absolute folder.
        case path(String)
        /// A folder that cannot be known statically.
        case unknown
    }

    /// Whether a place is trusted.
    private enum Place {
        /// Under /tests, which Harbor uploads after the agent has finished.
        case trusted
        /// Somewhere the agent could write, as shown in messages.
        case agent(String)
        /// Cannot be known statically.
        case unknown
    }

    /// Where Harbor uploads the tests.
    static let testsFolder = "/tests"

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.testScript else { return }
        let variables = ShellVariables(script)
        check(script.commands, in: .workdir, variables, ShellInlineRuns(script), file, into: &sink)
    }

    /// Follows the working folder through `commands`, checking each pytest run; a script run with
    /// `bash -c "cd /app && pytest"` starts in the folder reached so far, and its `cd` stays inside it.
    private func check(
        _ commands: [ShellCommand], in start: Folder, _ variables: ShellVariables, _ runs: ShellInlineRuns, _ file: LintFile,
        into sink: inout FindingSink
    ) {
        var folder = start
        for command in commands {
            let unwrapped = command.withoutWrappers
            if unwrapped.name == "cd" || unwrapped.name == "pushd" {
                folder = enter(unwrapped.operands.first?.text, from: folder, variables)
                continue
            }
            if let run = runs.run(of: command) {
                let inner = run.script.script
                // `su -` / `su -l` starts the user's login shell in the user's home folder.
                let login = ["su", "runuser"].contains(run.script.shell)
                    && run.script.command.arguments.contains { ["-", "-l", "--login"].contains($0.text) }
                check(inner.commands, in: login ? .unknown : folder, ShellVariables(inner, inheriting: variables), run.nested, file, into: &sink)
                continue
            }
            guard let pytest = PytestInvocation(command) else { continue }
            let at = file.source.range(ofBytes: pytest.word.byteRange)
            if let exposed = exposure(pytest, folder, variables) {
                var missing: [String] = []
                if !pytest.has("--noconftest") { missing.append("`--noconftest`") }
                if !pytest.disablesCache { missing.append("`-p no:cacheprovider`") }
                if !missing.isEmpty {
                    sink.report(
                        "pytest \(exposed), which the agent controls, without \(missing.joined(separator: " and ")), so a planted conftest.py or .pytest_cache can decide the result",
                        in: file, at: at,
                        hint: "run the tests from /tests: `cd /tests && python3 -m pytest -p no:cacheprovider --noconftest --rootdir=/tests /tests`")
                }
            }
            if pytest.isPythonModule, let shown = agentFolder(folder), !Self.isolatesPath(pytest, unwrapped, variables) {
                sink.report(
                    "`python -m pytest` runs in \(shown) and puts it first on sys.path, so a module the agent planted there (pytest.py, json.py) replaces the real one",
                    in: file, at: at, hint: "`cd /tests` before running pytest, or run `python3 -P -m pytest` (Python 3.11 or later)")
            }
        }
    }

    /// How pytest depends on an agent-controlled place ("uses /app as its rootdir", "collects from
    /// /app/tests"), if it does.
    private func exposure(_ pytest: PytestInvocation, _ folder: Folder, _ variables: ShellVariables) -> String? {
        for text in pytest.values(of: "--rootdir") {
            if case .agent(let shown) = place(text, in: folder, variables) { return "uses \(shown) as its rootdir" }
        }
        for text in pytest.testPaths {
            if case .agent(let shown) = place(text, in: folder, variables) { return "collects from \(shown)" }
        }
        // Without paths pytest collects from the working folder.
        return pytest.testPaths.isEmpty ? agentFolder(folder).map { "collects from \($0)" } : nil
    }

    /// How the working folder is shown, when the agent controls it.
    private func agentFolder(_ folder: Folder) -> String? {
        switch folder {
        case .workdir: return "the working folder (the image's WORKDIR)"
        case .path(let path): return ContainerPath.isWithin(path, Self.testsFolder) ? nil : path
        case .unknown: return nil
        }
    }

    /// Whether the path `text` (relative to `folder`) is under /tests.
    private func place(_ text: String, in folder: Folder, _ variables: ShellVariables) -> Place {
        guard let resolved = variables.resolve(text) else { return .unknown }
        if resolved.hasPrefix("/") {
            let path = ContainerPath.normalize(resolved)
            return ContainerPath.isWithin(path, Self.testsFolder) ? .trusted : .agent(path)
        }
        switch folder {
        case .path(let base):
            let path = ContainerPath.join(base, resolved)
            return ContainerPath.isWithin(path, Self.testsFolder) ? .trusted : .agent(path)
        case .workdir: return .agent("\(resolved) in the working folder")
        case .unknown: return .unknown
        }
    }

    /// The working folder after `cd target`.
    private func enter(_ target: String?, from folder: Folder, _ variables: ShellVariables) -> Folder {
        guard let target else { return .path("/root") }
        guard target != "-", let resolved = variables.resolve(target) else { return .unknown }
        if resolved.hasPrefix("/") { return .path(ContainerPath.normalize(resolved)) }
        switch folder {
        case .path(let base): return .path(ContainerPath.join(base, resolved))
        case .workdir: return .workdir
        case .unknown: return .unknown
        }
    }

    /// True when the interpreter keeps the working folder off sys.path (`-P`, `-I`, `PYTHONSAFEPATH`).
    private static func isolatesPath(_ pytest: PytestInvocation, _ command: ShellCommand, _ variables: ShellVariables) -> Bool {
        let flagged = pytest.interpreterOptions.contains { option in
            option.hasPrefix("-") && !option.hasPrefix("--") && (option.contains("P") || option.contains("I"))
        }
        return flagged || command.assignments.contains { $0.name == "PYTHONSAFEPATH" } || variables.isAssigned("PYTHONSAFEPATH")
    }
}
