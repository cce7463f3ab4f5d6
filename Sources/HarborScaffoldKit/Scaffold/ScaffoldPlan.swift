/// Everything a scaffold will write, rendered in memory before anything touches the disk.
public struct ScaffoldPlan: Sendable {
    /// The data point id.
    public let taskID: String
    /// The blueprints chosen.
    public let selection: StackSelection
    /// The tests planned from the Testing aspects.
    public let tests: [PlannedTest]
    /// The files, relative to the output folder.
    public let files: [GeneratedFile]
    /// The manifest to record (file hashes are filled in by the writer).
    public let manifest: Manifest
}
