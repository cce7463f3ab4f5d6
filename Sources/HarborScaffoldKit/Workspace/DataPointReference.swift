import Foundation

/// A data point named on the command line, resolved to its folder and draft file.
public struct DataPointReference: Sendable, Equatable {
    /// The data point folder (absolute).
    public let folder: String
    /// The draft file (absolute); it may not exist, which validation reports.
    public let draftPath: String
    /// The data point's id: the folder's name.
    public var id: String { URL(fileURLWithPath: folder).lastPathComponent }

    /// The draft's file name inside a data point folder.
    public static let draftFileName = "draft_spec.md"

    /// Creates a reference from its parts.
    public init(folder: String, draftPath: String) {
        self.folder = folder
        self.draftPath = draftPath
    }

    /// Resolves a command-line argument: an existing file or folder is a path; anything else must be
    /// a task id (no `/`, `\`, `..`, not starting with `.` or `-`) found under `<workspace>/data_points/`.
    public static func resolve(
        _ argument: String, workspace: String?, currentDirectory: String
    ) throws(UsageError) -> DataPointReference {
        let absolute = PathDisplay.absolute(argument, relativeTo: currentDirectory)
        var isDirectory: ObjCBool = false
        if !argument.isEmpty, FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                return DataPointReference(folder: absolute, draftPath: absolute + "/" + draftFileName)
            }
            let folder = URL(fileURLWithPath: absolute).deletingLastPathComponent().standardizedFileURL.path
            return DataPointReference(folder: folder, draftPath: absolute)
        }
        let looksLikePath = argument.contains("/") || argument.contains("\\") || argument.hasSuffix(".md")
        guard PathSafety.isSafeTaskID(argument) else {
            if looksLikePath && !argument.contains("..") {
                throw UsageError("no such file or folder: '\(argument)'")
            }
            throw UsageError(
                "'\(argument)' is not a task id and no such path exists",
                hint: "task ids name a folder in data_points/ and contain no '/', '\\' or '..'")
        }
        guard let workspace else {
            throw UsageError(
                "cannot resolve task id '\(argument)': no workspace found",
                hint: "pass --workspace DIR, set \(WorkspaceLocator.environmentVariable), or run inside shared_workspace/")
        }
        let folder = workspace + "/data_points/" + argument
        guard WorkspaceLocator.isFolder(folder) else {
            let known = (try? FileManager.default.contentsOfDirectory(atPath: workspace + "/data_points")) ?? []
            let guess = EditDistance.suggestion(for: argument, among: known.sorted())
            throw UsageError(
                "no data point '\(argument)' in \(workspace)/data_points",
                hint: guess.map { "did you mean '\($0)'?" })
        }
        return DataPointReference(folder: folder, draftPath: folder + "/" + draftFileName)
    }
}
