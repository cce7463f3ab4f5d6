/// C103: a Python package installed without an exact `==` version.
struct UnpinnedPipInstallRule: LintRule {
    static let description = RuleDescription(
        id: "C103", name: "unpinned-pip-install", title: "A Python package is installed without an exact version",
        severity: .error,
        rationale: """
            Harbor's rubric requires pinned Python dependencies ("pinned_dependencies"; `harbor lint`'s \
            unpinned-python-dependency, hadolint DL3013), and the pipeline's Constraints ask for reproducible \
            outcomes: `pip install requests` or `fastapi>=0.100` resolves to whatever is newest on the day of the \
            build, so a task that passed its checks can break on the next build. Covers pip, pip3, \
            `python -m pip`, `uv pip install`, `uv add` and `pipx install`. Requirement files (`-r`), editable and \
            local installs (`-e .`, `./pkg`, wheels), Git URLs with a ref, installs under a constraints file (`-c`) \
            and unpinned upgrades of pip, setuptools and wheel themselves are fine. Applies to `tests/Dockerfile` too.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi uvicorn==0.34.3\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir 'sqlalchemy>=2.0,<3'\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir -U pip && uv pip install --system 'httpx~=0.27'\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\n", "task.toml": "",
                "tests/Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir pytest\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir fastapi==0.115.12 \"psycopg[binary]==3.2.10\"\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY repo/ /app/\nRUN pip install --no-cache-dir --upgrade pip setuptools wheel \\\n && pip install --no-cache-dir -r /app/requirements.txt -e /app\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir -c /app/constraints.txt requests \\\n && pip install --no-cache-dir 'git+https://github.com/org/lib.git@v1.4.2#egg=lib' ./vendor/pkg\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir \"$EXTRA_PACKAGES\" && pip download requests\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for dockerfile in target.dockerfiles(includingVerifier: true) {
            for instruction in dockerfile.parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
                for command in instruction.runCommands {
                    guard let install = PythonInstall(command), !install.hasConstraints else { continue }
                    for word in install.packages {
                        guard case .unpinned(let name) = PythonRequirement(word), !PythonRequirement.bootstrap.contains(name) else { continue }
                        sink.report(
                            "\(install.tool) installs '\(word.text)' without an exact version, so each build may get a different release",
                            in: dockerfile.file, at: dockerfile.parsed.range(of: word),
                            hint: "pin the version you tested: \(name)==<version> (pip show \(name) prints it)")
                    }
                }
            }
        }
    }
}
