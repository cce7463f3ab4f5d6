import Foundation
import Testing
@testable import HarborScaffoldKit

/// Symbolic links in task folders: read from disk by the loader, resolved in memory for examples.
@Suite struct TaskLinkTests {
    private func task(_ files: [String: String], links: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hs-links-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for (path, target) in links {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: target)
        }
        return root
    }

    @Test func linksOnDiskAreFoundWithWhereTheyLead() throws {
        let root = try task(
            ["task.toml": "", "instruction.md": "Do it.\n", "environment/Dockerfile": "FROM x\n", "environment/data/a.json": "{}\n"],
            links: [
                "environment/inside": "data/a.json", "environment/folder": "data", "environment/outside": "/etc",
                "environment/escape": "../../..", "environment/dangling": "nothing-here", "environment/loop": "loop",
                "environment/elsewhere": "/srv/absent-on-this-machine",
            ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = try #require(LintTargetLoader.load(root, displayRoot: "task", stage: .skeleton))
        let destinations = Dictionary(uniqueKeysWithValues: target.links.map { ($0.path, $0.destination) })
        #expect(destinations == [
            "environment/inside": .inside("environment/data/a.json"), "environment/folder": .inside("environment/data"),
            "environment/outside": .outside, "environment/escape": .outside, "environment/dangling": .broken, "environment/loop": .broken,
            "environment/elsewhere": .outside,
        ], "a missing target outside the task is outside, whatever this machine holds")
        #expect(!target.entries.contains { $0.hasPrefix("environment/folder/") }, "links to folders are not walked")
        let found = Linter(selection: RuleSelection(select: ["T109"])).lint(target)
        #expect(found.map(\.path) == [
            "task/environment/dangling", "task/environment/elsewhere", "task/environment/escape", "task/environment/loop", "task/environment/outside",
        ])
    }

    @Test func inMemoryLinksResolveLikeTheDiskDoes() {
        let links = TaskLink.resolve(
            ["env/a": "../env/data/x", "env/b": "a", "env/c": "/abs", "env/d": "data/../../../up", "env/e": "missing", "env/f": "data"],
            entries: ["env/data/x"])
        #expect(links.map(\.destination) == [.inside("env/data/x"), .inside("env/data/x"), .outside, .outside, .broken, .inside("env/data")])
    }

    @Test func aBrokenLinkThatIsALintedFileIsAnInputProblemOnlyOnce() throws {
        let root = try task(["task.toml": "", "environment/Dockerfile": "FROM x\n"], links: ["instruction.md": "gone.md"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = try #require(LintTargetLoader.load(root, displayRoot: "", stage: .skeleton))
        let found = Linter(selection: RuleSelection(select: ["T109"])).lint(target)
        #expect(found.map(\.ruleID) == ["I001"])
    }
}
