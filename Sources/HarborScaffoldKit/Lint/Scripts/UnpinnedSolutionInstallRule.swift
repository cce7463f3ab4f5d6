/// S110: solve.sh installs Python packages without exact versions.
struct UnpinnedSolutionInstallRule: LintRule {
    static let description = RuleDescription(
        id: "S110", name: "unpinned-solution-install", title: "solve.sh installs a Python package without an exact version",
        severity: .warning,
        rationale: """
            The reference solution proves the task can be solved; Harbor's oracle runs it again for \
            every check of the task. `pip install numpy` in solve.sh gets whatever release is newest on \
            that day, so the oracle can start failing (or passing for another reason) long after the \
            task was accepted. Pin what the solution installs, as C103 asks of the image; better, \
            install it in the image. Harbor's lint reports this as unpinned-python-dependency.
            """,
        triggering: [
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\npip install numpy\npython3 /solution/fix.py\n"]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\nset -e\nbash -c \"uv pip install 'pandas>=2'\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\npip install numpy==2.1.3\npip install -r /solution/requirements.txt\npip install -e /app\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.solveScript else { return }
        for command in script.allCommands + script.inlineScripts.flatMap(\.commands) {
            guard let install = PythonInstall(command.withoutWrappers), !install.hasConstraints else { continue }
            for word in install.packages {
                guard case .unpinned(let name) = PythonRequirement(word), !PythonRequirement.bootstrap.contains(name) else { continue }
                sink.report(
                    "solve.sh's \(install.tool) installs '\(word.text)' without an exact version, so the oracle may get a different release each run",
                    in: file, at: file.source.range(ofBytes: word.byteRange),
                    hint: "pin it (\(name)==<version>), or install it in environment/Dockerfile")
            }
        }
    }
}
