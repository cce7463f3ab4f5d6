/// What reporters need beyond the findings: colouring, where the workspace is (SARIF paths are
/// relative to it, and so are the paths fingerprints hash), the offending lines' text for
/// fingerprints, and `check`'s summary.
public struct ReportContext: Sendable {
    /// Colouring for text output.
    public var style: TextStyle
    /// The tool version written into SARIF.
    public var toolVersion: String
    /// The workspace folder (absolute), when known.
    public var workspaceRoot: String?
    /// The folder relative finding paths are relative to (absolute), when known.
    public var currentDirectory: String?
    /// The text of the lines findings point at.
    public var lineTexts: LineTexts
    /// `check`'s summary, shown by text and github output.
    public var summary: BatchSummary?
    /// Fingerprints computed before a baseline removed findings, one per remaining finding, so a
    /// finding keeps the fingerprint it was matched with.
    public var fingerprintsOfFullReport: [String]?

    /// Creates a context.
    public init(
        style: TextStyle = .plain, toolVersion: String = harborScaffoldVersion, workspaceRoot: String? = nil,
        currentDirectory: String? = nil, lineTexts: LineTexts = LineTexts(), summary: BatchSummary? = nil
    ) {
        self.style = style
        self.toolVersion = toolVersion
        self.workspaceRoot = workspaceRoot
        self.currentDirectory = currentDirectory
        self.lineTexts = lineTexts
        self.summary = summary
    }

    /// The absolute form of a finding's path, when it can be known.
    public func absolute(_ path: String) -> String? {
        if path.hasPrefix("/") { return path }
        guard let currentDirectory else { return nil }
        var parts = currentDirectory.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A finding's path relative to the workspace when it lies inside it, else as shown.
    public func workspaceRelative(_ path: String) -> String {
        guard let root = workspaceRoot, let absolute = absolute(path) else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        return absolute == root ? "." : path
    }

    /// Where SARIF should say a finding is: a URI relative to the workspace (`base` is then the
    /// workspace's base id) when the file lies inside it, else an absolute `file://` URI.
    public func sarifLocation(_ path: String) -> (uri: String, relativeToWorkspace: Bool) {
        if let root = workspaceRoot, let absolute = absolute(path) {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            if absolute.hasPrefix(prefix) { return (SARIFReporter.uriEncode(String(absolute.dropFirst(prefix.count))), true) }
            return ("file://" + SARIFReporter.uriEncode(absolute), false)
        }
        if path.hasPrefix("/") { return ("file://" + SARIFReporter.uriEncode(path), false) }
        return (SARIFReporter.uriEncode(path), true)
    }

    /// One fingerprint per finding of `report`, in its order.
    public func fingerprints(_ report: Report) -> [String] {
        if let known = fingerprintsOfFullReport, known.count == report.diagnostics.count { return known }
        return Fingerprint.compute(report.diagnostics, lines: lineTexts, relativePath: workspaceRelative)
    }
}
