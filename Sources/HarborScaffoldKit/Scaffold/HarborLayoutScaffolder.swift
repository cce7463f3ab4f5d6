import Foundation

/// The files of a builder-layout data point that an export to Harbor keeps, exactly as on disk.
public struct BuilderFiles: Sendable, Equatable {
    /// `prompt.md`, which becomes `instruction.md`.
    public var prompt: String
    /// `Dockerfile`, which becomes `environment/Dockerfile`.
    public var dockerfile: String
    /// `tests.py`, which becomes `tests/test_outputs.py`.
    public var tests: String
    /// `weights.json`, which becomes `tests/weights.json`.
    public var weights: String

    /// The files' names in the data point, in this order.
    public static let names = ["prompt.md", "Dockerfile", "tests.py", "weights.json"]

    /// Creates the set from file contents.
    public init(prompt: String, dockerfile: String, tests: String, weights: String) {
        self.prompt = prompt
        self.dockerfile = dockerfile
        self.tests = tests
        self.weights = weights
    }

    /// Reads the four files from the data point `folder`; each must be non-empty UTF-8 text.
    public static func read(from folder: String) throws(ScaffoldError) -> BuilderFiles {
        let reader = TextFileReader(confinedTo: folder)
        var texts: [String] = []
        for name in names {
            do {
                let bytes = try reader.readBytes(folder + "/" + name, shown: name)
                _ = try TextFileReader.decode(bytes, path: name)
                texts.append(String(decoding: bytes, as: UTF8.self))
            } catch {
                throw ScaffoldError(
                    "\(name): \(error.message); export needs the builder's "
                        + names.joined(separator: ", ") + " (write them with 'harbor-scaffold scaffold' first)")
            }
        }
        return BuilderFiles(prompt: texts[0], dockerfile: texts[1], tests: texts[2], weights: texts[3])
    }
}

/// Renders a Harbor task directory (`task.toml`, `instruction.md`, `environment/`, `tests/`,
/// `solution/`) from a draft, or from a builder-layout data point the builder has filled in.
public struct HarborLayoutScaffolder: Sendable {
    /// The blueprints to render.
    public let library: BlueprintLibrary
    /// The organisation of the task's name (`org/slug`).
    public let org: String

    /// The non-root user the agent runs as, created in `environment/Dockerfile`.
    public static let agentUser = "agent"
    /// Every file of the layout in write order, with whether it is a script.
    public static let paths: [(path: String, executable: Bool)] = [
        ("task.toml", false), ("instruction.md", false), ("environment/Dockerfile", false), ("tests/Dockerfile", false),
        ("tests/test.sh", true), ("tests/test_outputs.py", false), ("tests/weights.json", false), ("solution/solve.sh", true),
    ]

    /// Creates a scaffolder.
    public init(library: BlueprintLibrary, org: String = HarborTaskName.defaultOrg) {
        self.library = library
        self.org = org
    }

    /// Plans the Harbor task directory for `draft` of data point `taskID`, with the outline of the
    /// builder layout: the prompt, the stack's image, the failing tests and their weights.
    public func plan(_ draft: DraftSpec, taskID: String) throws(BlueprintError) -> ScaffoldPlan {
        let context = try Scaffolder(library: library).context(draft, taskID: taskID)
        let workdir = context.selection.stack.workdir
        let values = context.common
        let dockerfile = Self.insertBeforeEntrypoint(
            try DockerfileRenderer.render(context, library: library),
            try agentUserBlock(context, user: Self.agentUser, workdir: workdir))
        return try assemble(
            context, workdir: workdir, user: Self.agentUser,
            content: [
                "instruction.md": try library.render("common/prompt.md.tmpl", values),
                "environment/Dockerfile": dockerfile,
                "tests/test_outputs.py": try library.render("common/tests.py.tmpl", values),
                "tests/weights.json": Scaffolder.weightsJSON(context.tests),
            ],
            tests: context.tests)
    }

    /// Plans the Harbor task directory of a data point whose builder filled in `builder`: their
    /// prompt, Dockerfile, tests and weights are kept as they are (the Dockerfile gains the agent's
    /// user at its end unless it already sets a non-root `USER` or creates the user); `task.toml`,
    /// `tests/test.sh`, `tests/Dockerfile` and `solution/solve.sh` are generated from the draft.
    public func export(_ draft: DraftSpec, taskID: String, builder: BuilderFiles) throws(BlueprintError) -> ScaffoldPlan {
        let context = try Scaffolder(library: library).context(draft, taskID: taskID)
        let parsed = DockerfileParser.parse(text: builder.dockerfile)
        let finalStage = parsed.instructions.filter { $0.stageIndex == parsed.stages.indices.last }
        let workdir = finalStage.compactMap(\.workdir).last { $0.hasPrefix("/") && Self.isPlainPath($0) }
            ?? context.selection.stack.workdir
        var dockerfile = builder.dockerfile
        var user = Self.agentUser
        if let named = finalStage.compactMap(\.user).last, !named.isRoot, Self.isPlainName(named.user) {
            user = named.user
        } else if !Self.createsUser(Self.agentUser, in: parsed) {
            if !dockerfile.isEmpty, !dockerfile.hasSuffix("\n") { dockerfile += "\n" }
            dockerfile += "\n# Added by harbor-scaffold export.\n" + (try agentUserBlock(context, user: user, workdir: workdir))
        }
        let tests = Self.weightedTests(builder.weights)
        let plan = try assemble(
            context, workdir: workdir, user: user,
            content: [
                "instruction.md": builder.prompt, "environment/Dockerfile": dockerfile,
                "tests/test_outputs.py": builder.tests, "tests/weights.json": builder.weights,
            ],
            tests: tests)
        // The builder has adapted the blueprint already: its to-dos no longer apply.
        let selection = StackSelection(
            stack: plan.selection.stack, services: plan.selection.services, language: plan.selection.language,
            reasons: plan.selection.reasons, todos: [])
        return ScaffoldPlan(taskID: plan.taskID, selection: selection, tests: plan.tests, files: plan.files, manifest: plan.manifest)
    }

    /// Adds the generated task.toml, verifier files and solution placeholder to `content`.
    private func assemble(
        _ context: ScaffoldContext, workdir: String, user: String, content: [String: String], tests: [PlannedTest]
    ) throws(BlueprintError) -> ScaffoldPlan {
        let config = TaskConfigRenderer(context: context, org: org, agentUser: user, workdir: workdir)
        var values = config.values
        let drivers = context.selection.services.flatMap { $0.packages["python"] ?? [] }
        values["has_python_drivers"] = .bool(!drivers.isEmpty)
        values["python_drivers"] = .list(drivers.map { .trusted($0) })
        var all = content
        all["task.toml"] = try config.render(library)
        all["tests/Dockerfile"] = try library.render("harbor/tests.Dockerfile.tmpl", values)
        all["tests/test.sh"] = try library.render("harbor/test.sh.tmpl", values)
        all["solution/solve.sh"] = try library.render("harbor/solve.sh.tmpl", values)
        let files = Self.paths.map { GeneratedFile(path: $0.path, content: all[$0.path] ?? "", executable: $0.executable) }
        let manifest = Manifest(
            toolVersion: harborScaffoldVersion, layout: ScaffoldLayout.harbor.rawValue, draftSHA256: context.draftSHA,
            blueprints: context.selection.ids, files: [:])
        return ScaffoldPlan(taskID: context.taskID, selection: context.selection, tests: tests, files: files, manifest: manifest)
    }

    /// The Dockerfile lines that create the agent's user and give it the project (and the
    /// services' client files, such as PostgreSQL's password file).
    private func agentUserBlock(_ context: ScaffoldContext, user: String, workdir: String) throws(BlueprintError) -> String {
        let files = context.selection.services.flatMap { service in
            service.env.keys.sorted().filter { $0.hasSuffix("FILE") }.compactMap { service.env[$0] }
        }.filter { $0.hasPrefix("/") && Self.isPlainPath($0) }
        var values = context.common
        values["agent_user"] = .trusted(user)
        values["workdir"] = .trusted(workdir)
        values["agent_files"] = .list(files.map { .trusted($0) })
        return try library.render("harbor/agent-user.Dockerfile.tmpl", values)
    }

    /// `block` inserted before the last line starting with `ENTRYPOINT`, or appended.
    static func insertBeforeEntrypoint(_ dockerfile: String, _ block: String) -> String {
        var lines = dockerfile.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.lastIndex(where: { $0.uppercased().hasPrefix("ENTRYPOINT ") }) else {
            return dockerfile + (dockerfile.hasSuffix("\n") ? "" : "\n") + block
        }
        var blockLines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if blockLines.last == "" { blockLines.removeLast() }
        lines.insert(contentsOf: blockLines, at: index)
        return lines.joined(separator: "\n")
    }

    /// True when a `RUN` of `dockerfile` creates `user` with useradd or adduser.
    static func createsUser(_ user: String, in dockerfile: Dockerfile) -> Bool {
        dockerfile.instructions.contains { instruction in
            guard instruction.is("RUN") else { return false }
            let words = instruction.arguments.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\\" })
            return words.contains { $0 == "useradd" || $0 == "adduser" } && words.contains { $0 == Substring(user) }
        }
    }

    /// The tests of a builder's weights.json, for reporting (empty when it cannot be read).
    static func weightedTests(_ text: String) -> [PlannedTest] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        let tests = object.compactMap { name, value -> PlannedTest? in
            guard let weight = value as? Double, weight.isFinite else { return nil }
            return PlannedTest(name: name, aspects: [], hundredths: Int((weight * 100).rounded()))
        }
        func position(_ test: PlannedTest) -> Int {
            text.range(of: JSONWriter.quote(test.name)).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? Int.max
        }
        return tests.sorted { (position($0), $0.name) < (position($1), $1.name) }
    }

    private static func isPlainPath(_ path: String) -> Bool {
        !path.contains("..") && path.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/._-".unicodeScalars.contains($0)) }
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
