/// T101: a file Harbor needs to run the task is missing, or the instruction is empty.
struct MissingTaskFileRule: LintRule {
    static let description = RuleDescription(
        id: "T101", name: "missing-task-file", title: "A file Harbor needs is missing or the instruction is empty",
        severity: .error,
        rationale: """
            Harbor loads a task from task.toml, gives the agent instruction.md (which must not be empty), \
            builds environment/ (unless `[environment] docker_image` names an image) and grades with \
            tests/test.sh (unless a separate verifier image bundles the tests). Without any of them the \
            trial cannot run; `harbor init` even creates an empty instruction that fails Harbor's own lint.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n", "instruction.md": "Fix the parser.\n", "environment/Dockerfile": "FROM python:3.12-slim\n"]),
            RuleExample(files: [
                "task.toml": "schema_version = \"1.4\"\n", "instruction.md": "<!-- canary GUID 1234 -->\n\n  \n",
                "environment/Dockerfile": "FROM python:3.12-slim\n", "tests/test.sh": "#!/bin/bash\n",
            ]),
            RuleExample(files: ["instruction.md": "Fix the parser.\n", "environment/Dockerfile": "FROM python:3.12-slim\n", "tests/test.sh": "#!/bin/bash\n"]),
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n", "instruction.md": "Fix the parser.\n", "tests/test.sh": "#!/bin/bash\n"]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "task.toml": "schema_version = \"1.4\"\n", "instruction.md": "Fix the parser.\n",
                "environment/Dockerfile": "FROM python:3.12-slim\n", "tests/test.sh": "#!/bin/bash\n",
            ]),
            RuleExample(
                files: [
                    "task.toml": "[environment]\ndocker_image = \"ghcr.io/org/env@sha256:0123\"\n[verifier]\nenvironment_mode = \"separate\"\n",
                    "instruction.md": "Fix the parser.\n", "tests/Dockerfile": "FROM python:3.12-slim\nCOPY . /tests/\n",
                ], excerpt: "A pre-built agent image and tests bundled in a separate verifier image"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor else { return }
        let entries = Set(target.entries)
        let document = target.parsedTaskConfig?.table
        if !entries.contains("task.toml") {
            sink.report(
                "the task has no task.toml, so Harbor cannot load it", path: target.display("task.toml"), at: nil,
                hint: "add task.toml with `schema_version = \"1.4\"` and the [task], [verifier], [agent] and [environment] tables")
        }
        let steps = (document?["steps"]?.arrayValue ?? []).compactMap { $0.tableValue?["name"]?.stringValue }
        if steps.isEmpty {
            checkInstruction(target, entries, into: &sink)
            checkTestScript(target, entries, document, into: &sink)
        } else {
            checkSteps(steps, target, entries, document, into: &sink)
        }
        let image = document?.value(at: ["environment", "docker_image"])?.stringValue ?? ""
        if image.isEmpty, !entries.contains("environment/Dockerfile"), !entries.contains("environment/docker-compose.yaml") {
            sink.report(
                "the task has no environment/Dockerfile and task.toml names no `[environment] docker_image`, so Harbor has no agent image",
                path: target.display("environment/Dockerfile"), at: nil,
                hint: "add environment/Dockerfile (its build context is environment/) or set `docker_image` in [environment]")
        }
    }

    /// instruction.md exists and says something.
    private func checkInstruction(_ target: LintTarget, _ entries: Set<String>, into sink: inout FindingSink) {
        guard entries.contains("instruction.md") else {
            sink.report(
                "the task has no instruction.md, so the agent gets no task", path: target.display("instruction.md"), at: nil,
                hint: "add instruction.md with the exact text the agent receives")
            return
        }
        guard let file = target.files["instruction.md"], Self.isBlank(file.source) else { return }
        sink.report(
            "instruction.md is empty, so the agent gets no task and Harbor rejects the task", in: file, at: .line(1),
            hint: "write the exact text the agent receives: the goal, the files involved and how success is checked")
    }

    /// Multi-step tasks: each step has `steps/<name>/instruction.md` and a test script of its own or the
    /// task's shared tests/test.sh.
    private func checkSteps(_ steps: [String], _ target: LintTarget, _ entries: Set<String>, _ document: TOMLTable?, into sink: inout FindingSink) {
        let bundled = document.map(VerifierPlacement.hasSeparatePass) == true && entries.contains("tests/Dockerfile")
        for step in steps {
            let instruction = "steps/\(step)/instruction.md"
            if !entries.contains(instruction) {
                sink.report(
                    "step '\(step)' has no \(instruction), so the agent gets no task for it", path: target.display(instruction), at: nil,
                    hint: "add \(instruction) with the exact text the agent receives in this step")
            }
            let script = "steps/\(step)/tests/test.sh"
            if !bundled, !entries.contains(script), !entries.contains("tests/test.sh"), !entries.contains("steps/\(step)/tests/Dockerfile") {
                sink.report(
                    "step '\(step)' has no \(script) and the task no shared tests/test.sh, so nothing grades it",
                    path: target.display(script), at: nil, hint: "add \(script), or a tests/test.sh shared by every step")
            }
        }
    }

    /// tests/test.sh exists unless the task runs on Windows or bundles its tests in a verifier image.
    private func checkTestScript(_ target: LintTarget, _ entries: Set<String>, _ document: TOMLTable?, into sink: inout FindingSink) {
        guard !entries.contains("tests/test.sh") else { return }
        let isWindows = document?.value(at: ["environment", "os"])?.stringValue?.lowercased() == "windows"
        if isWindows, entries.contains("tests/test.bat") { return }
        // A separate verifier built from tests/Dockerfile (or a verifier image) bundles its own tests.
        if let document, VerifierPlacement.hasSeparatePass(document) {
            let verifierImage = document.value(at: ["verifier", "environment", "docker_image"])?.stringValue ?? ""
            if entries.contains("tests/Dockerfile") || entries.contains("tests/docker-compose.yaml") || !verifierImage.isEmpty { return }
        }
        sink.report(
            "the task has no tests/test.sh, so Harbor has nothing to grade the agent with", path: target.display("tests/test.sh"), at: nil,
            hint: "add tests/test.sh that runs the tests and writes /logs/verifier/reward.txt on every path")
    }

    /// True when `source` has no text besides blank lines and leading canary comments (which Harbor strips).
    static func isBlank(_ source: SourceText) -> Bool {
        for line in source.text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty { continue }
            let isComment = trimmed.hasPrefix("<!--") || trimmed.hasPrefix("#")
            if isComment, trimmed.lowercased().contains("canary") { continue }
            return false
        }
        return true
    }
}
