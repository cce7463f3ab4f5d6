import Foundation
import Testing

/// Golden files for the library tests, under `Tests/HarborScaffoldKitTests/Golden/`.
enum Golden {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let folder = root + "/Tests/HarborScaffoldKitTests/Golden"

    /// Compares `actual` with the golden file; `UPDATE_GOLDEN=1` rewrites it instead.
    static func check(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + relativePath
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("missing golden file \(relativePath); run UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden \(relativePath)", sourceLocation: sourceLocation)
    }
}
