import Foundation
@testable import HarborScaffoldCLI
@testable import HarborScaffoldKit

/// Temporary workspaces made of copies of sample data points, for `check` tests.
enum CheckFixture {
    /// A fresh workspace holding copies of the sample data points `ids`.
    static func workspace(_ ids: [String]) -> String {
        let root = Fixture.temporaryFolder() + "/shared_workspace"
        try? FileManager.default.createDirectory(atPath: root + "/data_points", withIntermediateDirectories: true)
        for id in ids {
            try? FileManager.default.copyItem(atPath: Fixture.workspace + "/data_points/" + id, toPath: root + "/data_points/" + id)
        }
        return root
    }

    /// Runs the tool in `directory` with a captured standard error stream.
    static func run(
        _ arguments: [String], in directory: String, variables: [String: String] = [:], terminal: Bool = false
    ) -> (outcome: CommandOutcome, stream: String) {
        let box = StreamBox()
        let outcome = CommandLineTool.run(
            arguments,
            environment: Environment(
                variables: variables, currentDirectory: directory, outputIsTerminal: terminal, errorIsTerminal: terminal,
                errorStream: { box.append($0) }))
        return (outcome, box.text)
    }

    /// `text` with the absolute `folder` replaced by `/WORKSPACE`.
    static func anonymised(_ text: String, _ folder: String) -> String {
        text.replacingOccurrences(of: folder, with: "/WORKSPACE")
    }
}

/// Text written to a stream from any thread.
final class StreamBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""
    func append(_ text: String) { lock.lock(); storage += text; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return storage }
}
