import Foundation
import Testing
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// Paths and helpers shared by the CLI tests.
enum Fixture {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// The sample workspace.
    static let workspace = root + "/Samples/shared_workspace"
    /// Golden files for the CLI tests.
    static let golden = root + "/Tests/HarborScaffoldCLITests/Golden"

    /// Every sample data point id, sorted.
    static let sampleIDs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: workspace + "/data_points")) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()

    /// Runs the tool in-process from `directory` with `variables`.
    static func run(_ arguments: [String], in directory: String = workspace, variables: [String: String] = [:], terminal: Bool = false) -> CommandOutcome {
        CommandLineTool.run(arguments, environment: Environment(variables: variables, currentDirectory: directory, outputIsTerminal: terminal, errorIsTerminal: terminal))
    }

    /// Compares `actual` with the golden file at `relativePath`; with `UPDATE_GOLDEN=1` rewrites it.
    static func assertGolden(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = golden + "/" + relativePath
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("missing golden file \(relativePath); run UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from \(relativePath)", sourceLocation: sourceLocation)
    }

    /// A fresh empty folder.
    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hs-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
