/// T109: a symbolic link in the task leads outside it or nowhere.
struct TaskLinkRule: LintRule {
    static let description = RuleDescription(
        id: "T109", name: "external-task-link", title: "A symbolic link in the task leads outside it or nowhere", severity: .error,
        rationale: """
            A task is copied, uploaded and built on other machines: a symbolic link to a path outside \
            the task folder (`/home/me/data`, `../../shared`) points at nothing there, or at something \
            else, and a broken or cyclic link fails the copy. Harbor's lint refuses such links \
            (invalid-task-files). Links that stay inside the task are fine.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "", "environment/Dockerfile": "FROM python:3.12-slim\n"], links: ["environment/data": "/srv/datasets/invoices"]),
            RuleExample(files: ["task.toml": ""], links: ["environment/shared": "../../shared"]),
            RuleExample(files: ["task.toml": ""], links: ["environment/fixtures.json": "fixtures/missing.json"]),
            RuleExample(files: ["task.toml": ""], links: ["environment/a": "b", "environment/b": "a"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\n"], links: ["repo": "/home/builder/checkouts/repo"]),
        ],
        nonTriggering: [
            RuleExample(
                files: ["task.toml": "", "environment/fixtures/invoices.json": "[]\n"],
                links: ["environment/invoices.json": "fixtures/invoices.json", "environment/all": "fixtures"]),
            RuleExample(files: ["task.toml": "", "tests/helpers.py": "X = 1\n"], links: ["tests/lib": "."]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        let unreadable = Set(target.inputProblems.map(\.path))
        for link in target.links where !unreadable.contains(target.display(link.path)) {
            switch link.destination {
            case .inside:
                continue
            case .outside:
                sink.report(
                    "\(link.path) is a symbolic link to '\(link.target)', outside the task: the task's copies and builds elsewhere will not have it",
                    path: target.display(link.path), at: nil, hint: "copy what it points at into the task folder")
            case .broken:
                sink.report(
                    "\(link.path) is a symbolic link to '\(link.target)', which does not exist (or the links form a cycle)",
                    path: target.display(link.path), at: nil, hint: "point it at a file inside the task, or remove it")
            }
        }
    }
}
