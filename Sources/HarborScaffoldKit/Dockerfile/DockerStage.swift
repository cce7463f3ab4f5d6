/// A build stage: a `FROM` instruction and the instructions up to the next `FROM`.
public struct DockerStage: Sendable, Hashable {
    /// 0-based stage index (usable as `COPY --from=<index>`).
    public var index: Int
    /// The stage's image reference.
    public var image: DockerImageReference
    /// The stage name given with `AS`, if any.
    public var name: String? { image.alias }
    /// Index in ``Dockerfile/instructions`` of the stage's `FROM`.
    public var fromInstructionIndex: Int
    /// Indices in ``Dockerfile/instructions`` of the stage's instructions, `FROM` included.
    public var instructionIndices: [Int]
    /// Index of the earlier stage the `FROM` builds on, if any.
    public var baseStageIndex: Int? { image.stageReference }
    /// The shell used for shell-form commands at the end of the stage (`["/bin/sh", "-c"]` unless
    /// `SHELL` changed it here or in a base stage).
    public var finalShell: [String]

    /// Creates a stage.
    public init(
        index: Int, image: DockerImageReference, fromInstructionIndex: Int, instructionIndices: [Int],
        finalShell: [String] = DockerInstruction.defaultShell
    ) {
        self.index = index
        self.image = image
        self.fromInstructionIndex = fromInstructionIndex
        self.instructionIndices = instructionIndices
        self.finalShell = finalShell
    }
}
