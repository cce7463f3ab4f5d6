/// C301: the verifier's tests, weights or the reference solution are copied into the agent image.
struct TestsInImageRule: LintRule {
    static let description = RuleDescription(
        id: "C301", name: "tests-in-image", title: "The verifier's tests or the solution are copied into the agent image",
        severity: .error,
        rationale: """
            The agent works inside this image: if it holds the tests (`tests/`, `tests.py`, `test_*.py`), their \
            weights (`weights.json`), `test.sh` or the reference solution (`solution/`, `solve.sh`), the agent can \
            read what is checked — or the answer — and the task measures nothing. The draft (`draft_spec.md`) and \
            the builder's checklist (`tasks.md`) describe the tests, so they count too. Harbor's rubric calls this \
            tests_or_solution_in_image; `harbor lint`'s agent-image-test-leak misses directory copies such as \
            `COPY tests/ /tests/` and `COPY . /app`. A copy of the whole build context (`COPY . /app`) leaks when \
            the context holds such files — in the builder layout the context is the data point folder itself, \
            with tests.py — unless `.dockerignore` leaves them out. Harbor copies `tests/` in only at grading time.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\n", "tests.py": "def test_x():\n    assert True\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\nCOPY tests/ /tests/\nCOPY solve.sh /opt/\n", "task.toml": "",
            ]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY *.json /app/\n", "weights.json": "{}\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nCOPY repo/ /app/\n", "tests.py": "def test_x():\n    assert True\n"]),
            RuleExample(files: [
                "Dockerfile": "FROM python:3.12-slim\nCOPY . /app\n", "tests.py": "def test_x():\n    assert True\n",
                "weights.json": "{}\n", ".dockerignore": "# the verifier's files\ntests.py\nweights.json\nprompt.md\n",
            ]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM python:3.12-slim\nCOPY . /app\nCOPY repo/tests/ /app/tests/\n", "task.toml": "",
                "tests/test_outputs.py": "def test_x():\n    assert True\n",
            ]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        var contextLeaks: [String]?
        for instruction in parsed.instructions(inStages: parsed.finalImageStages) {
            guard let copy = instruction.copy, copy.from == nil else { continue }
            let keyword = instruction.keyword
            for source in copy.sources where !source.isRemoteURL && !source.isGitRepository {
                let path = DockerIgnore.clean(source.value)
                if path.isEmpty || source.hasWildcard {
                    let leaks = contextLeaks ?? Self.leaks(in: target)
                    contextLeaks = leaks
                    let copied = path.isEmpty ? leaks : leaks.filter { Glob.matches(path, $0) || Glob.matches(path, Self.top($0)) }
                    guard !copied.isEmpty else { continue }
                    let tops = copied.map(Self.top)
                    let names = Self.list(tops)
                    let pronoun = Set(tops).count == 1 && !tops[0].hasSuffix("/") ? "it" : "them"
                    sink.report(
                        "\(keyword) \(source.value) copies \(names) from the build context into the agent image, where the agent can read \(pronoun)",
                        in: file, at: source.range,
                        hint: "copy only the application (e.g. COPY repo/ /app/), or list \(names) in .dockerignore")
                } else if Self.isVerifierArtifact(path) {
                    sink.report(
                        "\(keyword) \(source.value) puts \(Self.describe(path)) into the agent image, where the agent can read it",
                        in: file, at: source.range,
                        hint: "remove this line: Harbor copies tests/ into the container only at grading time, and the solution never")
                }
            }
        }
    }

    /// True for a context-relative path that is, or lies inside, a verifier or solution artifact (or a
    /// file describing the tests) at the root of the build context.
    static func isVerifierArtifact(_ path: String) -> Bool {
        let components = path.split(separator: "/")
        guard let first = components.first.map({ $0.lowercased() }) else { return false }
        if first == "tests" || first == "solution" { return true }
        guard components.count == 1 else { return false }
        return ["tests.py", "weights.json", "solve.sh", "test.sh", "draft_spec.md", "tasks.md"].contains(first)
            || (first.hasPrefix("test_") && first.hasSuffix(".py"))
    }

    /// What a verifier artifact is, for messages.
    static func describe(_ path: String) -> String {
        switch top(path).lowercased() {
        case "solution/", "solution", "solve.sh": return "the reference solution"
        case "weights.json": return "the tests' weights"
        case "draft_spec.md", "tasks.md": return "the description of the tests"
        default: return "the verifier's tests"
        }
    }

    /// The build context's verifier artifacts that `.dockerignore` does not leave out.
    static func leaks(in target: LintTarget) -> [String] {
        let ignore = target.dockerignore
        return target.buildContextEntries.filter { isVerifierArtifact($0) && !(ignore?.excludes($0) ?? false) }
    }

    /// The first component of a path.
    static func top(_ path: String) -> String {
        path.split(separator: "/").first.map { $0.count < path.count ? $0 + "/" : String($0) } ?? path
    }

    /// `a`, `a and b`, `a, b and 2 more`.
    static func list(_ names: [String]) -> String {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        switch unique.count {
        case 0: return "nothing"
        case 1: return unique[0]
        case 2, 3: return unique.dropLast().joined(separator: ", ") + " and " + (unique.last ?? "")
        default: return unique.prefix(2).joined(separator: ", ") + " and \(unique.count - 2) more"
        }
    }
}
