import Foundation

/// `.harbor-scaffold/manifest.json`: what harbor-scaffold generated, so later runs can tell the
/// builder's edits from untouched files.
public struct Manifest: Sendable, Equatable {
    /// The manifest's path inside an output folder.
    public static let relativePath = ".harbor-scaffold/manifest.json"

    /// harbor-scaffold's version that wrote it.
    public var toolVersion: String
    /// `builder` or `harbor`.
    public var layout: String
    /// SHA-256 of the draft's bytes as read.
    public var draftSHA256: String
    /// The stack blueprint and services used.
    public var blueprints: [String]
    /// SHA-256 of each generated file as generated, by relative path.
    public var files: [String: String]

    /// Creates a manifest.
    public init(toolVersion: String, layout: String, draftSHA256: String, blueprints: [String], files: [String: String]) {
        self.toolVersion = toolVersion
        self.layout = layout
        self.draftSHA256 = draftSHA256
        self.blueprints = blueprints
        self.files = files
    }

    /// The manifest as JSON with a stable key order.
    public var json: String {
        let entries = files.keys.sorted().map { "    " + JSONWriter.quote($0) + ": " + JSONWriter.quote(files[$0] ?? "") }
        return """
            {
              "tool": "harbor-scaffold",
              "version": \(JSONWriter.quote(toolVersion)),
              "layout": \(JSONWriter.quote(layout)),
              "draft_sha256": \(JSONWriter.quote(draftSHA256)),
              "blueprints": \(JSONWriter.array(blueprints.map(JSONWriter.quote))),
              "files": {
            \(entries.joined(separator: ",\n"))
              }
            }

            """
    }

    /// Reads a manifest; `nil` when the text is not one.
    public static func parse(_ text: String) -> Manifest? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let files = object["files"] as? [String: String]
        else { return nil }
        return Manifest(
            toolVersion: object["version"] as? String ?? "", layout: object["layout"] as? String ?? "",
            draftSHA256: object["draft_sha256"] as? String ?? "", blueprints: object["blueprints"] as? [String] ?? [],
            files: files)
    }
}
