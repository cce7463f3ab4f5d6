/// Renders a data point's skeleton from its draft and the blueprints, entirely in memory.
public struct Scaffolder: Sendable {
    /// The blueprints to render.
    public let library: BlueprintLibrary

    /// Creates a scaffolder.
    public init(library: BlueprintLibrary) { self.library = library }

    /// Plans the builder-layout files for `draft` of data point `taskID`.
    public func plan(_ draft: DraftSpec, taskID: String) throws(BlueprintError) -> ScaffoldPlan {
        let context = try self.context(draft, taskID: taskID)
        let selection = context.selection
        let tests = context.tests
        var values = context.common
        values.merge(ChecklistBuilder(context: context).values) { _, new in new }
        let files = [
            GeneratedFile(path: "prompt.md", content: try library.render("common/prompt.md.tmpl", values)),
            GeneratedFile(path: "Dockerfile", content: try DockerfileRenderer.render(context, library: library)),
            GeneratedFile(path: "tests.py", content: try library.render("common/tests.py.tmpl", values)),
            GeneratedFile(path: "weights.json", content: Self.weightsJSON(tests)),
            GeneratedFile(path: "tasks.md", content: try library.render("common/tasks.md.tmpl", values)),
        ]
        let manifest = Manifest(
            toolVersion: harborScaffoldVersion, layout: ScaffoldLayout.builder.rawValue, draftSHA256: context.draftSHA,
            blueprints: selection.ids, files: [:])
        return ScaffoldPlan(taskID: context.taskID, selection: selection, tests: tests, files: files, manifest: manifest)
    }

    /// The facts every template of `draft` sees: blueprints, Testing aspects and planned tests.
    func context(_ draft: DraftSpec, taskID: String) throws(BlueprintError) -> ScaffoldContext {
        let selection = try StackSelector.select(draft, from: library)
        let all = TestingAspects.extract(from: draft)
        let checkable = all.filter(\.isCheckable)
        let aspects = (checkable.isEmpty ? all : checkable).map(\.text)
        return ScaffoldContext(
            taskID: ScaffoldContext.safeID(taskID), draft: draft, draftSHA: SHA256.hex(draft.source.bytes),
            selection: selection, aspects: aspects, tests: TestPlanner.plan(aspects), artifacts: DraftArtifacts.extract(from: draft))
    }

    /// `{"test_name": weight, …}` in test order.
    static func weightsJSON(_ tests: [PlannedTest]) -> String {
        "{\n" + tests.map { "  " + JSONWriter.quote($0.name) + ": " + $0.weightText }.joined(separator: ",\n") + "\n}\n"
    }
}
