/// S104: tests/test.sh installs packages while grading.
struct RuntimeInstallRule: LintRule {
    static let description = RuleDescription(
        id: "S104", name: "runtime-install", title: "tests/test.sh installs packages at grading time", severity: .error,
        rationale: """
            Installing pytest or other tools in tests/test.sh (pip, uv, uvx, apt-get, npm…) makes every \
            grading depend on the network and on what the registry serves that day: with \
            `network_mode = "no-network"` it fails outright, and a yanked or changed version changes \
            the score. Harbor's lint calls this verifier-runtime-install. Bake the tools into \
            tests/Dockerfile (a separate verifier) instead. Commands of a script run with `bash -c "…"` or \
            `su -c '…'`, and commands run by `runuser -u`, `xargs` or `find -exec`, count too.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npip install pytest==8.3.4\npytest /tests\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nuvx --with pytest-json-ctrf==0.3.5 pytest /tests\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\napt-get update && apt-get install -y curl\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nsudo -E python3 -m pip install -q requests\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\nbash -c \"cd /tests && pip install pytest==8.3.4 && pytest\"\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npython3 -m pytest -p no:cacheprovider /tests\npip list > /logs/verifier/pip.txt\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\npip install --no-index --find-links /tests/wheels pytest\n"]),
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\necho 'run: pip install pytest' > /logs/verifier/notes.txt\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor, let (file, script) = target.testScript else { return }
        // Commands of scripts run with `bash -c "…"` are installs all the same.
        for command in script.allCommands + script.inlineScripts.flatMap(\.commands) {
            guard let what = CommandTraits.installation(command), let word = command.withoutWrappers.nameWord else { continue }
            sink.report(
                "`\(what)` installs packages while grading, so the verifier depends on the network and on what the registry serves",
                in: file, at: file.source.range(ofBytes: word.byteRange),
                hint: "install them in tests/Dockerfile with pinned versions and set `environment_mode = \"separate\"` in [verifier]")
        }
    }
}
