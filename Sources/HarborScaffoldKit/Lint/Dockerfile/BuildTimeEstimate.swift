/// A rough estimate of how long `docker build` takes for a Dockerfile on a typical CI machine with a
/// fast network, from what its instructions do: base image pulls by image family, apt/apk package counts,
/// pip and npm installs (heavy packages such as torch priced on their own), compiles, large downloads
/// and database or search servers. Only stages the final stage needs are counted. The figures are
/// deliberately round; they tell a 2-minute build from a 10-minute one, not 110 s from 130 s.
struct BuildTimeEstimate: Sendable {
    /// One contribution to the estimate.
    struct Part: Sendable, Equatable {
        /// What costs the time (`apt`, `pip`, `torch`, `base image python:3.12-slim`…); parts with the same
        /// name are added up in the breakdown.
        let name: String
        /// Packages this part counts (0 when it is not a package count).
        let packages: Int
        /// Estimated seconds.
        let seconds: Int
        /// Index in ``Dockerfile/instructions`` of the instruction that causes it (nil for the fixed overhead).
        let instructionIndex: Int?
    }

    /// Every contribution, in file order.
    let parts: [Part]

    /// The estimated total, in seconds.
    var total: Int { parts.reduce(0) { $0 + $1.seconds } }

    /// Estimates the build of `dockerfile`.
    init(_ dockerfile: Dockerfile) {
        var estimator = Estimator()
        let instructions = dockerfile.instructions(inStages: dockerfile.builtStages)
        for instruction in instructions {
            estimator.add(instruction)
        }
        let runs = instructions.filter { $0.keyword == "RUN" }.count
        estimator.parts.append(Part(name: "layers and export", packages: 0, seconds: 5 + runs, instructionIndex: nil))
        parts = estimator.parts
    }

    /// The parts added up by name, costliest first (ties in file order).
    var groups: [Part] {
        var order: [String] = []
        var sums: [String: Part] = [:]
        for part in parts {
            if let sum = sums[part.name] {
                sums[part.name] = Part(
                    name: part.name, packages: sum.packages + part.packages, seconds: sum.seconds + part.seconds,
                    instructionIndex: sum.instructionIndex)
            } else {
                order.append(part.name)
                sums[part.name] = part
            }
        }
        let grouped = order.compactMap { sums[$0] }
        return grouped.enumerated().sorted { ($0.element.seconds, -$0.offset) > ($1.element.seconds, -$1.offset) }.map(\.element)
    }

    /// The breakdown for a hint: `apt 14 packages ≈ 38 s, pip 6 packages ≈ 18 s, …` (parts under 2 s left out).
    var breakdown: String {
        groups.filter { $0.seconds >= 2 }.map { group in
            let count = group.packages > 0 ? " \(group.packages) package\(group.packages == 1 ? "" : "s")" : ""
            return "\(group.name)\(count) ≈ \(group.seconds) s"
        }.joined(separator: ", ")
    }

    /// Where a finding about `estimate` points: the keyword of its costliest instruction, or line 1.
    static func anchor(of estimate: BuildTimeEstimate, in dockerfile: Dockerfile) -> SourceRange {
        guard let index = estimate.costliestInstruction, index < dockerfile.instructions.count else { return .line(1) }
        let instruction = dockerfile.instructions[index]
        if instruction.keyword == "FROM", let image = instruction.image { return image.range }
        return instruction.keywordRange
    }

    /// The instruction whose parts cost the most, if any.
    var costliestInstruction: Int? {
        var sums: [Int: Int] = [:]
        for part in parts { if let index = part.instructionIndex { sums[index, default: 0] += part.seconds } }
        return sums.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}

/// Walks instructions and prices what they do.
private struct Estimator {
    /// The parts priced so far.
    var parts: [BuildTimeEstimate.Part] = []
    /// The instruction being priced.
    private var index = 0
    /// Images already priced: BuildKit pulls each once, however many stages use it.
    private var pulled = Set<String>()

    /// Prices one instruction.
    mutating func add(_ instruction: DockerInstruction) {
        index = instruction.index
        switch instruction.keyword {
        case "FROM":
            if let image = instruction.image, image.stageReference == nil, !image.isScratch, !image.resolved.isEmpty,
                pulled.insert(image.resolved).inserted
            {
                add("base image \(image.resolved)", seconds: Prices.pull(image))
            }
        case "ADD":
            for source in instruction.copy?.sources ?? [] where source.isRemoteURL || source.isGitRepository {
                addDownload(source.value, isGit: source.isGitRepository)
            }
        case "RUN":
            addRun(instruction)
        default:
            break
        }
    }

    /// Records a part for the current instruction.
    private mutating func add(_ name: String, packages: Int = 0, seconds: Int) {
        parts.append(BuildTimeEstimate.Part(name: name, packages: packages, seconds: seconds, instructionIndex: index))
    }

    /// Prices the commands of a `RUN`; a compile counts once per `RUN`, however many build commands it has.
    private mutating func addRun(_ instruction: DockerInstruction) {
        let commands = instruction.runCommands
        var compiles: String?
        for command in commands {
            guard let name = command.name else { continue }
            if let packages = SystemPackageCommand(command) {
                addSystemPackages(packages)
            } else if let install = PythonInstall(command) {
                addPython(install)
            } else if let install = NodeInstall(command) {
                addNode(install)
            } else if Prices.compilers.contains(name) {
                compiles = compiles ?? (name == "configure" ? "./configure && make" : name)
            } else {
                addTool(command, name: name)
            }
        }
        if let compiles {
            if let project = Prices.hugeProject(in: commands) {
                add("compiling \(project.name) from source", seconds: project.seconds)
            } else {
                add("compiling from source (\(compiles))", seconds: 90)
            }
        }
    }

    /// apt, apk and dnf: index updates, packages, heavy packages and servers.
    private mutating func addSystemPackages(_ packages: SystemPackageCommand) {
        let perPackage = packages.family == .apk ? 1 : 2
        if packages.isIndexUpdate {
            add(packages.family == .apk ? "apk" : "apt", seconds: packages.family == .apk ? 3 : 10)
            return
        }
        guard packages.isInstall else {
            if packages.isSystemUpgrade { add("system upgrade", seconds: 30) }
            return
        }
        let group = packages.family == .apt ? "apt" : packages.family == .apk ? "apk" : packages.tool
        var plain = 0
        for word in packages.packages {
            let name = String(word.text.lowercased().prefix { $0 != "=" && $0 != "/" && $0 != ":" })
            if let service = Prices.aptServices.first(where: { name == $0.package || name.hasPrefix($0.package + "-1") }) {
                add(service.name, seconds: service.seconds)
                plain += 1
            } else if let heavy = Prices.heavyAptPackages.first(where: { name.hasPrefix($0.prefix) }) {
                add(group, packages: 1, seconds: perPackage + heavy.extra)
            } else {
                plain += 1
            }
        }
        if packages.family == .rpm { add(group, seconds: 10) }
        if plain > 0 { add(group, packages: plain, seconds: plain * perPackage) }
    }

    /// pip, uv and pipx: packages (heavy ones by name) and requirement files.
    private mutating func addPython(_ install: PythonInstall) {
        let fast = install.tool == "uv pip" || install.tool == "uv add"
        let group = fast ? "uv" : install.tool == "pipx" ? "pipx" : "pip"
        let cpuOnly = install.indexURLs.contains { $0.contains("/cpu") }
        var plain = 0
        for word in install.packages {
            if let name = PythonRequirement(word).name, let heavy = Prices.heavyPythonPackages[name] {
                add(name, seconds: name == "torch" && cpuOnly ? 40 : heavy)
            } else {
                plain += 1
            }
        }
        for _ in install.requirementFiles { add("\(group) requirement files (≈ 15 packages each)", seconds: fast ? 15 : 45) }
        if plain > 0 { add(group, packages: plain, seconds: plain * (fast ? 1 : 3)) }
    }

    /// npm, yarn, pnpm and bun: named packages, or the whole package.json.
    private mutating func addNode(_ install: NodeInstall) {
        if install.packages.isEmpty {
            add("\(install.tool) dependencies from package.json", seconds: 45)
        } else {
            add(install.tool, packages: install.packages.count, seconds: 10 + 2 * install.packages.count)
        }
    }

    /// Build tools, clones and downloads.
    private mutating func addTool(_ command: ShellCommand, name: String) {
        let args = command.argumentTexts
        let first = args.first { !$0.hasPrefix("-") } ?? ""
        switch (name, first) {
        case ("cargo", "build"), ("cargo", "test"): add("cargo build", seconds: 150)
        case ("cargo", "install"): add("cargo install", seconds: 120)
        case ("cargo", "fetch"): add("cargo fetch", seconds: 20)
        case ("go", "build"), ("go", "install"), ("go", "test"): add("go build", seconds: 40)
        case ("go", "mod"): add("go mod download", seconds: 20)
        case ("go", "get"): add("go get", seconds: 10)
        case ("mvn", _), ("mvnw", _):
            if args.contains(where: { $0.hasPrefix("dependency:") }) {
                add("Maven dependencies", seconds: 60)
            } else if args.contains(where: Prices.mavenPhases.contains) {
                add("Maven build", seconds: 90)
            }
        case ("gradle", _), ("gradlew", _): if !first.isEmpty { add("Gradle build", seconds: 100) }
        case ("dotnet", "build"), ("dotnet", "publish"), ("dotnet", "restore"): add("dotnet build", seconds: 60)
        case ("npm", "run"), ("yarn", "run"), ("pnpm", "run"), ("yarn", "build"), ("pnpm", "build"), ("nest", "build"), ("tsc", _):
            if name == "tsc" || args.contains(where: { $0.contains("build") }) { add("JavaScript build", seconds: 20) }
        case ("gem", "install"): add("gem", packages: max(1, command.operands.count - 1), seconds: 5 * max(1, command.operands.count - 1))
        case ("conda", "install"), ("mamba", "install"), ("micromamba", "install"): add("conda", seconds: 60)
        case ("git", _) where args.contains("clone"): add("git clone", seconds: args.contains { $0.hasPrefix("--depth") } ? 5 : 15)
        case ("git", _) where args.starts(with: ["lfs", "pull"]): add("Git LFS download", seconds: 60)
        case ("huggingface-cli", "download"), ("hf", "download"): add("Hugging Face download", seconds: 90)
        case ("curl", _), ("wget", _):
            for url in args where url.contains("://") { addDownload(url, isGit: false) }
        default: break
        }
    }

    /// A URL fetched by `curl`, `wget` or `ADD`, priced by what it names.
    private mutating func addDownload(_ url: String, isGit: Bool) {
        let lower = url.lowercased()
        if let service = Prices.downloadedServices.first(where: { lower.contains($0.key) }) {
            add(service.name, seconds: service.seconds)
        } else if isGit {
            add("git clone", seconds: 15)
        } else if Prices.modelSuffixes.contains(where: lower.hasSuffix) {
            add("model or dataset downloads", seconds: 60)
        } else if Prices.archiveSuffixes.contains(where: lower.hasSuffix) {
            add("archive downloads", seconds: 10)
        }
    }
}

/// The price list behind ``BuildTimeEstimate``.
private enum Prices {
    /// Seconds to pull a base image, by image family and variant.
    static func pull(_ image: DockerImageReference) -> Int {
        let repository = image.repository.lowercased()
        let name = repository.hasPrefix("library/") ? String(repository.dropFirst(8)) : repository
        let tag = (image.tag ?? "").lowercased()
        let small = tag.contains("slim") || tag.contains("alpine")
        switch name {
        case "alpine", "busybox": return 2
        case "debian", "ubuntu", "fedora", "rockylinux", "almalinux": return 5
        case "python", "node", "ruby", "php": return small ? 10 : 30
        case "golang": return small ? 15 : 30
        case "rust": return small ? 20 : 40
        case "eclipse-temurin", "openjdk", "amazoncorretto": return 20
        case "maven", "gradle": return 30
        case "postgres", "mysql", "mariadb", "mongo", "redis": return 15
        case "nvidia/cuda": return tag.contains("devel") ? 150 : 60
        case "pytorch/pytorch": return 180
        case "tensorflow/tensorflow": return 120
        default: return name.hasPrefix("jupyter/") ? 90 : 20
        }
    }

    /// apt packages that are servers: priced on their own (download, cluster or data directory set-up).
    static let aptServices: [(package: String, name: String, seconds: Int)] = [
        ("postgresql", "PostgreSQL server", 15), ("mariadb-server", "MariaDB server", 15), ("mysql-server", "MySQL server", 15),
        ("default-mysql-server", "MariaDB server", 15), ("mongodb-org", "MongoDB server", 25), ("mongodb-org-server", "MongoDB server", 25),
        ("elasticsearch", "Elasticsearch", 60), ("rabbitmq-server", "RabbitMQ server", 15), ("redis-server", "Redis server", 3),
    ]

    /// apt packages that take well over the usual 2 s: extra seconds by name prefix.
    static let heavyAptPackages: [(prefix: String, extra: Int)] = [
        ("texlive-full", 400), ("texlive", 60), ("libreoffice", 90), ("cuda", 300), ("openjdk-", 25), ("default-jdk", 25),
        ("default-jre", 15), ("chromium", 30), ("firefox", 25), ("golang", 20), ("rustc", 20), ("cargo", 20), ("llvm", 20),
        ("clang", 20), ("build-essential", 12), ("maven", 8), ("gradle", 15), ("nodejs", 8), ("ffmpeg", 15), ("g++", 5), ("gcc", 5),
    ]

    /// pip packages that take well over the usual 3 s (wheels of hundreds of megabytes, or compiled).
    static let heavyPythonPackages: [String: Int] = [
        "torch": 180, "tensorflow": 150, "tensorflow-cpu": 90, "jax": 40, "jaxlib": 40, "vllm": 240, "torchvision": 30,
        "torchaudio": 30, "numpy": 8, "scipy": 12, "pandas": 10, "scikit-learn": 12, "matplotlib": 8, "opencv-python": 12,
        "opencv-python-headless": 12, "pyarrow": 15, "transformers": 10, "xgboost": 20, "lightgbm": 8, "catboost": 20,
        "spacy": 20, "polars": 8, "psycopg2": 15, "mysqlclient": 15, "grpcio-tools": 10,
    ]

    /// Servers installed from downloads rather than apt, by a word of their URL.
    static let downloadedServices: [(key: String, name: String, seconds: Int)] = [
        ("elasticsearch", "Elasticsearch", 60), ("opensearch", "OpenSearch", 60), ("kafka", "Kafka", 40),
        ("mongodb-linux", "MongoDB server", 25), ("minio", "MinIO", 10),
    ]

    /// Maven phases that compile the project.
    static let mavenPhases: Set<String> = ["compile", "package", "install", "verify", "test", "test-compile"]

    /// Commands that compile from source.
    static let compilers: Set<String> = ["make", "cmake", "ninja", "meson", "configure", "bazel", "scons", "b2"]

    /// Projects whose build alone exceeds the budget, by a word in the RUN's download, clone or build commands.
    static let hugeProjects: [(key: String, name: String, seconds: Int)] = [
        ("llvm", "LLVM", 1500), ("chromium", "Chromium", 3600), ("gnu/gcc", "GCC", 1200), ("gcc.gnu.org", "GCC", 1200),
        ("gcc-mirror", "GCC", 1200),
        ("qt-everywhere", "Qt", 1800), ("qtbase", "Qt", 900), ("tensorflow", "TensorFlow", 3000), ("pytorch", "PyTorch", 2400),
        ("opencv", "OpenCV", 900), ("boost_", "Boost", 600), ("/linux/kernel", "the Linux kernel", 900),
    ]

    /// The huge project a RUN builds, from the words of its git, curl, wget, tar, cd and build commands.
    static func hugeProject(in commands: [ShellCommand]) -> (name: String, seconds: Int)? {
        let inspected: Set<String> = ["git", "curl", "wget", "tar", "cd", "cmake", "make", "ninja", "configure", "meson", "unzip"]
        for command in commands where inspected.contains(command.name ?? "") {
            for word in command.words {
                let lower = word.text.lowercased()
                if let project = hugeProjects.first(where: { lower.contains($0.key) }) { return (project.name, project.seconds) }
            }
        }
        return nil
    }

    /// File types of models and datasets (large downloads).
    static let modelSuffixes = [".safetensors", ".gguf", ".bin", ".pt", ".pth", ".ckpt", ".onnx", ".h5", ".parquet", ".npz", ".tfrecord", ".arrow"]
    /// Archive file types.
    static let archiveSuffixes = [".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tar.zst", ".zip", ".jar", ".deb"]
}

/// The pipeline's build-time budget, lowered by the task's own `build_timeout_sec` when that is shorter.
enum BuildBudget {
    /// "Docker containers must build in under 5 minutes".
    static let pipelineSeconds = 300
    /// Above this share of the budget, C202 warns.
    static let warningShare = 0.8

    /// The budget in seconds and where it comes from.
    static func of(_ target: LintTarget) -> (seconds: Int, source: String) {
        if case .success(let table)? = target.taskConfig?.parsed,
            let value = table.value(at: ["environment", "build_timeout_sec"])?.doubleValue, value.isFinite, value >= 1,
            value < Double(pipelineSeconds)
        {
            let seconds = Int(value)
            return (seconds, "the task's build_timeout_sec of \(seconds) s")
        }
        return (pipelineSeconds, "the pipeline's \(pipelineSeconds) s (5-minute) budget")
    }
}
