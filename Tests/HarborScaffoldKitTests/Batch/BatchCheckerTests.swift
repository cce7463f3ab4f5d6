import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct BatchCheckerTests {
    /// A temporary workspace with `drafts` (id → text) and `extra` files (relative path → text).
    static func workspace(_ drafts: [String: String], extra: [String: String] = [:]) -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hs-batch-\(UUID().uuidString)").path
        for (id, text) in drafts { write(text, to: root + "/data_points/\(id)/draft_spec.md") }
        for (path, text) in extra { write(text, to: root + "/" + path) }
        try? FileManager.default.createDirectory(atPath: root + "/data_points", withIntermediateDirectories: true)
        return root
    }

    static func write(_ text: String, to path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func drafts(_ count: Int) -> [String: String] {
        var out: [String: String] = [:]
        for index in 0..<count { out[String(format: "draft_dp_%03d", index)] = SyntheticDrafts.draft(index) }
        out["draft_dp_bad_easy"] = DraftExample.with([.difficulty: "easy"]).files.values.first
        return out
    }

    @Test func resultsDoNotDependOnHowWorkIsSplit() throws {
        let root = Self.workspace(Self.drafts(60))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let one = try BatchChecker(options: BatchOptions(workspace: root, chunkSize: 1)).run()
        let many = try BatchChecker(options: BatchOptions(workspace: root, chunkSize: 7)).run()
        #expect(one.diagnostics == many.diagnostics)
        #expect(one.dataPointCount == 61)
        #expect(one.diagnostics.contains { $0.ruleID == "D203" && $0.path == "data_points/draft_dp_bad_easy/draft_spec.md" })
        #expect(one.diagnostics.contains { $0.ruleID == "X104" }, "61 drafts, 60 of them hard")
        #expect(one.statistics?.drafts == 61)
    }

    @Test func progressReachesTheTotal() throws {
        let root = Self.workspace(Self.drafts(40))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seen = Seen()
        _ = try BatchChecker(options: BatchOptions(workspace: root, chunkSize: 4)).run { done, total in seen.add(done, total) }
        #expect(seen.last?.0 == 41 && seen.last?.1 == 41)
        #expect(seen.count == 11)
    }

    @Test func shardsTogetherCheckEverythingOnceAndTheFirstRunsTheWorkspaceRules() throws {
        let root = Self.workspace(Self.drafts(30))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let full = try BatchChecker(options: BatchOptions(workspace: root)).run()
        var union: [Diagnostic] = []
        var checked = 0
        for index in 1...3 {
            let part = try BatchChecker(options: BatchOptions(workspace: root, shard: Shard(index: index, count: 3))).run()
            checked += part.dataPointCount
            union += part.diagnostics
            #expect(part.diagnostics.contains { $0.ruleID.hasPrefix("X") } == (index == 1))
        }
        #expect(checked == full.dataPointCount)
        #expect(union.sorted(by: Diagnostic.outputOrder) == full.diagnostics)
    }

    @Test func skeletonsAndHarborTasksAreLintedAndFoldersWithoutDraftsReported() throws {
        let root = Self.workspace(
            ["draft_dp_a": DraftExample.baseText],
            extra: [
                "data_points/draft_dp_a/Dockerfile": "FROM python:3.12-slim\n# TODO(harbor-scaffold): install\n",
                "data_points/draft_dp_b/harbor/task.toml": "[task]\nname = \"org/b\"\n",
                "data_points/draft_dp_b/harbor/instruction.md": "Do it. TODO(harbor-scaffold)\n",
                "data_points/draft_dp_c/notes.txt": "no draft here\n",
            ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try BatchChecker(options: BatchOptions(workspace: root, stage: .final)).run()
        let paths = Set(result.diagnostics.map(\.path))
        #expect(result.diagnostics.contains { $0.ruleID == "L002" && $0.path == "data_points/draft_dp_a/Dockerfile" })
        #expect(result.diagnostics.contains { $0.ruleID == "L002" && $0.path == "data_points/draft_dp_b/harbor/instruction.md" })
        #expect(result.diagnostics.contains { $0.ruleID == "I001" && $0.path == "data_points/draft_dp_c/draft_spec.md" })
        #expect(!paths.contains("data_points/draft_dp_b/draft_spec.md"), "a folder holding a Harbor task needs no draft")
        #expect(result.dataPointCount == 3)
        let line = try #require(result.diagnostics.first { $0.path == "data_points/draft_dp_a/Dockerfile" && $0.ruleID == "L002" })
        #expect(result.lineTexts.text(path: line.path, line: line.line) == "# TODO(harbor-scaffold): install")
    }

    @Test func aWorkspaceWithoutDataPointsIsAUsageError() {
        #expect(throws: UsageError.self) { try BatchChecker(options: BatchOptions(workspace: "/nonexistent-hs")).run() }
    }

    @Test func theSummaryCountsDataPointsBySeverity() throws {
        let root = Self.workspace(Self.drafts(12))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try BatchChecker(options: BatchOptions(workspace: root, displayRoot: "ws")).run()
        let summary = result.summary(of: result.report)
        #expect(summary.dataPoints == 13)
        #expect(summary.withErrors == 1)
        #expect(summary.clean + summary.withErrors + summary.withWarnings == 13)
        #expect(summary.workspaceFindings == 2, "X102: every draft is in Python; X104: every valid difficulty is hard")
        #expect(summary.rules.map(\.id).contains("D203"))
        let table = summary.table(style: .plain)
        #expect(table.contains("data points     13"))
        #expect(table.contains("languages       "))
        #expect(result.diagnostics.allSatisfy { $0.path.hasPrefix("ws/data_points") })
    }
}

/// Progress calls seen, from any thread.
final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(Int, Int)] = []
    func add(_ done: Int, _ total: Int) { lock.lock(); calls.append((done, total)); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return calls.count }
    var last: (Int, Int)? { lock.lock(); defer { lock.unlock() }; return calls.max { $0.0 < $1.0 } }
}
