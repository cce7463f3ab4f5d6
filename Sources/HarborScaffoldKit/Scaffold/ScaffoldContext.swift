/// The facts about one draft that every template sees.
struct ScaffoldContext {
    let taskID: String
    let draft: DraftSpec
    let draftSHA: String
    let selection: StackSelection
    let aspects: [String]
    let tests: [PlannedTest]
    let artifacts: [DraftArtifact]

    /// `id` reduced to characters safe in any generated file.
    static func safeID(_ id: String) -> String {
        let mapped = id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") ? $0 : "_" }
        let text = String(mapped).trimmingCharacters(of: ".")
        return text.isEmpty ? "task" : String(text.prefix(100))
    }

    var envLines: [String] {
        var all: [String: String] = [:]
        for service in selection.services { for (key, value) in service.env { all[key] = value } }
        return all.keys.sorted().filter(Self.isEnvName).map { "\($0)=\(all[$0] ?? "")" }
    }

    static func isEnvName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The aspects stated in the prompt as outcomes: those that speak of the checks themselves
    /// ("… ship only with the hidden tests") stay in tests.py and tasks.md only.
    var deliverables: [String] { aspects.filter { !PromptMentionsTestsRule.mentionsChecks($0) } }

    /// Variables shared by all templates.
    var common: [String: TemplateValue] {
        let stack = selection.stack
        return [
            "task_id": .trusted(taskID), "version": .trusted(harborScaffoldVersion), "draft_sha": .trusted(draftSHA),
            "todo": .trusted("TODO(harbor-scaffold)"), "title": .untrusted(draft.value(.task)),
            "instructions": .untrusted(draft.value(.instructions)), "environment": .untrusted(draft.value(.environmentSetup)),
            "workdir": .trusted(stack.workdir), "app_port": .trusted(String(stack.appPort)),
            "has_app_port": .bool(stack.appPort > 0), "stack_id": .trusted(stack.id), "stack_title": .trusted(stack.title),
            "base_image": .trusted(stack.baseImage), "has_services": .bool(!selection.services.isEmpty),
            "services": .list(selection.services.map {
                .object(["id": .trusted($0.id), "title": .trusted($0.title), "port": .trusted(String($0.port))])
            }),
            "service_list": .trusted(selection.services.map(\.title).joined(separator: ", ")),
            "env_lines": .list(envLines.map { .trusted($0) }),
            "env_names": .list(envLines.compactMap { $0.split(separator: "=").first.map { .trusted(String($0)) } }),
            "tests": .list(tests.map { test in
                .object([
                    "name": .trusted(test.name), "weight": .trusted(test.weightText),
                    "summary": .untrusted(test.aspects.count == 1 ? Self.sentence(test.aspects[0]) : "Checks \(test.aspects.count) aspects of the task."),
                    "grouped": .bool(test.aspects.count > 1),
                    "aspects": .list(test.aspects.map { .untrusted($0) }),
                ])
            }),
            "test_count": .trusted(String(tests.count)), "aspect_count": .trusted(String(aspects.count)),
            "has_deliverables": .bool(!deliverables.isEmpty), "deliverables": .list(deliverables.map { .untrusted(Self.sentence($0)) }),
            "has_artifacts": .bool(!artifacts.isEmpty),
            "artifacts": .list(artifacts.map { .object(["kind": .trusted($0.kind.rawValue), "text": .untrusted($0.text)]) }),
            "has_todos": .bool(!selection.todos.isEmpty), "todos": .list(selection.todos.map { .trusted($0) }),
        ]
    }

    /// An aspect as a sentence: capitalised, ending with a full stop.
    static func sentence(_ aspect: String) -> String {
        var text = aspect.trimmingSpaces
        guard let first = text.first else { return text }
        text = first.uppercased() + text.dropFirst()
        if let last = text.last, !".!?".contains(last) { text += "." }
        return text
    }
}

extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(of character: Character) -> String {
        var view = Substring(self)
        while view.first == character { view.removeFirst() }
        while view.last == character { view.removeLast() }
        return String(view)
    }
}
