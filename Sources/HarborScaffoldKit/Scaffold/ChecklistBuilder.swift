/// Builds the numbered, phased builder checklist of `tasks.md` (T001…), in the shape of the
/// pipeline's task-breakdown template.
struct ChecklistBuilder {
    struct Item {
        let text: String
        let detail: String?
        let parallel: Bool
    }

    let context: ScaffoldContext

    var phases: [(heading: String, items: [Item])] {
        let stack = context.selection.stack
        var setup = [
            Item(text: "Read `draft_spec.md`; note the repository, the bug or feature, and what each Testing aspect observes", detail: nil, parallel: false),
            Item(text: "Add the repository under test to the data point and COPY it in `Dockerfile` at the TODO marker (never tests or a solution)", detail: nil, parallel: false),
            Item(text: "Pin every dependency in `Dockerfile` (Python with `==`, npm exact versions or a lockfile)", detail: nil, parallel: true),
        ]
        if !context.selection.services.isEmpty {
            setup.append(Item(text: "Check the service setup in `Dockerfile` (\(context.selection.services.map(\.title).joined(separator: ", "))) starts via start-services", detail: nil, parallel: true))
        }
        let tests = context.tests.map { test in
            Item(text: "Write `\(test.name)` in `tests.py`", detail: test.aspects.joined(separator: "; "), parallel: context.tests.count > 1)
        } + [Item(text: "Run `pytest tests.py` against the unfixed repository in the built image: every test must fail", detail: nil, parallel: false)]
        let core = [
            Item(text: "Build the image: `docker build -t \(context.taskID) .` finishes in under 5 minutes from a clean cache", detail: nil, parallel: false),
            Item(text: "Stage the scenario in the repository so the problem the prompt describes really exists", detail: nil, parallel: false),
            Item(text: "Write a reference solution outside the agent's image and confirm every test passes with it", detail: nil, parallel: false),
        ]
        let integration = [
            Item(text: "Run the tests in the same container after the solution, as the pipeline does (\(stack.title))", detail: nil, parallel: false),
            Item(text: "Run the tests twice more: results must not change (no timing, randomness or wall clock)", detail: nil, parallel: false),
        ]
        let polish = [
            Item(text: "Finish `prompt.md`: it names every file, endpoint and command the tests use, and never mentions the tests", detail: nil, parallel: true),
            Item(text: "Check `weights.json`: one weight above 0 per test in `tests.py`, summing to 1.0", detail: nil, parallel: true),
            Item(text: "Remove every `TODO(harbor-scaffold)` marker; `harbor-scaffold lint --stage final` reports nothing", detail: nil, parallel: false),
        ]
        return [
            ("Phase 3.1: Setup", setup),
            ("Phase 3.2: Tests First (TDD) ⚠️ MUST COMPLETE BEFORE 3.3", tests),
            ("Phase 3.3: Environment and Core (ONLY after the tests are failing)", core),
            ("Phase 3.4: Integration", integration),
            ("Phase 3.5: Polish", polish),
        ]
    }

    /// Template variables: numbered phases plus the id range of each phase.
    var values: [String: TemplateValue] {
        var number = 0
        var ranges: [String] = []
        var rendered: [TemplateValue] = []
        for phase in phases {
            let first = number + 1
            let items = phase.items.map { item -> TemplateValue in
                number += 1
                var object: [String: TemplateValue] = [
                    "id": .trusted(Self.id(number)), "text": .trusted(item.text), "parallel": .bool(item.parallel),
                ]
                object["detail"] = item.detail.map { .untrusted($0) } ?? .bool(false)
                return .object(object)
            }
            ranges.append(first == number ? Self.id(first) : "\(Self.id(first))-\(Self.id(number))")
            rendered.append(.object(["heading": .trusted(phase.heading), "items": .list(items)]))
        }
        return [
            "phases": .list(rendered), "setup_range": .trusted(ranges[0]), "tests_range": .trusted(ranges[1]),
            "core_range": .trusted(ranges[2]), "integration_range": .trusted(ranges[3]), "polish_range": .trusted(ranges[4]),
        ]
    }

    static func id(_ number: Int) -> String {
        let text = String(number)
        return "T" + String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
