import Foundation

/// Finds the `shared_workspace` folder that holds `data_points/`.
public enum WorkspaceLocator {
    /// The environment variable naming the workspace.
    public static let environmentVariable = "HARBOR_SCAFFOLD_WORKSPACE"

    /// The workspace from `--workspace`, else `$HARBOR_SCAFFOLD_WORKSPACE`, else the nearest folder
    /// at or above `currentDirectory` that is named `shared_workspace` or holds `data_points/`.
    public static func locate(
        explicit: String?, environment: [String: String], currentDirectory: String
    ) throws(UsageError) -> String? {
        if let explicit {
            return try existingFolder(explicit, relativeTo: currentDirectory, origin: "--workspace")
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try existingFolder(fromEnvironment, relativeTo: currentDirectory, origin: "$\(environmentVariable)")
        }
        var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
        while true {
            if folder.lastPathComponent == "shared_workspace" || isFolder(folder.appendingPathComponent("data_points").path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    private static func existingFolder(_ path: String, relativeTo base: String, origin: String) throws(UsageError) -> String {
        let absolute = PathDisplay.absolute(path, relativeTo: base)
        guard isFolder(absolute) else {
            throw UsageError("\(origin) '\(path)' is not a folder")
        }
        return absolute
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
