/// A task folder ready to lint: its layout, its files read once, and each artifact parsed once,
/// so that every rule works on the same parsed forms.
public struct LintTarget: Sendable {
    /// The layout.
    public let layout: TaskLayout
    /// The stage being checked.
    public let stage: LintStage
    /// How the folder is shown in findings (paths are `displayRoot/relative`).
    public let displayRoot: String
    /// Every file below the folder, relative, sorted (bounded walk).
    public let entries: [String]
    /// The text files read, by relative path.
    public let files: [String: LintFile]
    /// Files that could not be read.
    public let inputProblems: [Diagnostic]
    /// The symbolic links below the folder, in path order (links to files are also in ``entries``).
    public let links: [TaskLink]
    /// The folder on disk (absolute), when linted from disk; used for per-path configuration.
    public let absoluteRoot: String?
    /// Suppression comments of each file, by display path (for the Dockerfiles, read with their
    /// instructions, so that a comment above an instruction covers all of it).
    public let suppressions: [String: Suppressions]

    /// The agent's Dockerfile, parsed.
    public let dockerfile: (file: LintFile, parsed: Dockerfile)?
    /// The verifier's Dockerfile (`tests/Dockerfile`), parsed.
    public let verifierDockerfile: (file: LintFile, parsed: Dockerfile)?
    /// `task.toml`, parsed or with its error.
    public let taskConfig: (file: LintFile, parsed: Result<TOMLTable, TOMLError>)?
    /// The compose files Harbor reads (``isComposeFile(_:)``), in path order: each read into a
    /// ``ComposeFile``, or the YAML error that stopped it.
    let composeFiles: [(file: LintFile, parsed: Result<ComposeFile, YAMLError>)]
    /// `tests/test.sh`, parsed.
    public let testScript: (file: LintFile, parsed: ShellScript)?
    /// `solution/solve.sh`, parsed.
    public let solveScript: (file: LintFile, parsed: ShellScript)?
    /// Where `tests/test.sh` writes its reward and, when it writes one, how control reaches the
    /// writes: computed once for the reward rules (S101, S102).
    let rewardAnalysis: (writes: RewardWrites, flow: RewardFlow?)?
    /// The prompt as the agent reads it, computed once for the prompt rules and P108.
    let promptText: PromptText?
    /// The Python test files (``testFiles``), parsed, in path order.
    public let testModules: [(file: LintFile, parsed: PythonModule)]
    /// weights.json (``weightsPath``), parsed or with its error.
    public let weightsDocument: (file: LintFile, parsed: Result<JSONValue, JSONSyntaxError>)?

    /// Relative path of the agent prompt for this layout.
    public var promptPath: String { layout == .builder ? "prompt.md" : "instruction.md" }
    /// Relative path of the agent Dockerfile.
    public var dockerfilePath: String { layout == .builder ? "Dockerfile" : "environment/Dockerfile" }
    /// Relative path of weights.json.
    public var weightsPath: String { layout == .builder ? "weights.json" : "tests/weights.json" }
    /// The folder that is the agent image's build context, relative (`""` for the task folder itself).
    public var buildContext: String { layout == .builder ? "" : "environment" }

    /// The prompt, if present.
    public var prompt: LintFile? { files[promptPath] }
    /// weights.json, if present.
    public var weights: LintFile? { files[weightsPath] }
    /// The Python test files.
    public var testFiles: [LintFile] { testModules.map(\.file) }

    /// Files below the build context, relative to it.
    public var buildContextEntries: [String] {
        guard !buildContext.isEmpty else { return entries }
        let prefix = buildContext + "/"
        return entries.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Builds a target from file contents and symbolic links (path → stored target), for rule
    /// examples and tests.
    public init(
        layout: TaskLayout, stage: LintStage, displayRoot: String, contents: [String: String], extraEntries: [String] = [],
        links: [String: String] = [:]
    ) {
        var files: [String: LintFile] = [:]
        for (path, text) in contents {
            let shown = displayRoot.isEmpty ? path : displayRoot + "/" + path
            files[path] = LintFile(path: path, source: SourceText(path: shown, text: text))
        }
        let entries = Array(Set(contents.keys).union(extraEntries)).sorted()
        self.init(
            layout: layout, stage: stage, displayRoot: displayRoot, entries: entries, files: files, inputProblems: [],
            links: TaskLink.resolve(links, entries: entries), absoluteRoot: nil)
    }

    init(
        layout: TaskLayout, stage: LintStage, displayRoot: String, entries: [String], files: [String: LintFile],
        inputProblems: [Diagnostic], links: [TaskLink], absoluteRoot: String?
    ) {
        self.absoluteRoot = absoluteRoot
        self.links = links
        self.layout = layout
        self.stage = stage
        self.displayRoot = displayRoot
        self.entries = entries
        self.files = files
        self.inputProblems = inputProblems
        let dockerPath = layout == .builder ? "Dockerfile" : "environment/Dockerfile"
        dockerfile = files[dockerPath].map { ($0, DockerfileParser.parse($0.source)) }
        verifierDockerfile = layout == .harbor ? files["tests/Dockerfile"].map { ($0, DockerfileParser.parse($0.source)) } : nil
        let parsedDockerfiles = Dictionary(
            [dockerfile, verifierDockerfile].compactMap { $0 }.map { ($0.file.path, $0.parsed) }, uniquingKeysWith: { first, _ in first })
        suppressions = Dictionary(uniqueKeysWithValues: files.values.map { file in
            (file.source.path, parsedDockerfiles[file.path].map { Suppressions(file.source, dockerfile: $0) } ?? Suppressions(file.source))
        })
        taskConfig = files["task.toml"].map { file in
            (file, Result { () throws(TOMLError) -> TOMLTable in try TOMLParser.parse(file.source) })
        }
        let composePaths = layout == .harbor ? files.keys.filter(Self.isComposeFile).sorted() : []
        // task.toml's [environment] env, read only for tasks that have compose files.
        let environmentValues = composePaths.isEmpty ? [:] : Self.environmentValues(taskConfig)
        composeFiles = composePaths.compactMap { files[$0] }.map { file in
            (file, Result { () throws(YAMLError) -> ComposeFile in
                ComposeFile(file: file, root: try YAMLParser.parse(file.source), taskEnvironment: environmentValues)
            })
        }
        testScript = files["tests/test.sh"].map { ($0, ShellParser.parse($0.source.text)) }
        solveScript = files["solution/solve.sh"].map { ($0, ShellParser.parse($0.source.text)) }
        rewardAnalysis = (layout == .harbor ? testScript : nil).map { _, script in
            let writes = RewardWrites(script)
            let writesReward = (script.allCommands.flatMap(writes.writes(of:)) + script.compounds.flatMap(writes.writes(of:)))
                .contains { $0.target == .reward }
            return (writes, writesReward ? RewardFlow(script, rewards: writes) : nil)
        }
        promptText = files[layout == .builder ? "prompt.md" : "instruction.md"].map(PromptText.init)
        let testPaths = layout == .builder
            ? (files["tests.py"] == nil ? [] : ["tests.py"])
            : files.keys.sorted().filter { $0.hasPrefix("tests/test_") && $0.hasSuffix(".py") && !$0.dropFirst(6).contains("/") }
        testModules = testPaths.compactMap { files[$0] }.map { ($0, PythonModule.parse($0.source)) }
        weightsDocument = files[layout == .builder ? "weights.json" : "tests/weights.json"].map { ($0, JSONReader.parse($0.source.bytes)) }
    }

    /// The literal string values of task.toml's `[environment] env`.
    private static func environmentValues(_ taskConfig: (file: LintFile, parsed: Result<TOMLTable, TOMLError>)?) -> [String: String] {
        let table = (try? taskConfig?.parsed.get())?["environment"]?.tableValue?["env"]?.tableValue
        let pairs = (table?.entries ?? []).compactMap { entry in entry.value.stringValue.map { (entry.key, $0) } }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The path relative to the task folder of a display path.
    public func relative(_ displayPath: String) -> String {
        displayRoot.isEmpty ? displayPath : String(displayPath.dropFirst(displayRoot.count + 1))
    }

    /// The display path of a relative path.
    public func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : displayRoot + "/" + relative
    }
}
