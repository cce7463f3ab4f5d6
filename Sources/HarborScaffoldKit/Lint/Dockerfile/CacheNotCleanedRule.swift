/// C205: a package manager's download cache or index is left in the image layer.
struct CacheNotCleanedRule: LintRule {
    static let description = RuleDescription(
        id: "C205", name: "cache-not-cleaned", title: "A package cache stays in the image", severity: .info,
        rationale: """
            Files deleted in a later `RUN` still take space in the earlier layer, so caches must go in the same \
            `RUN` that fills them: apt's lists (`rm -rf /var/lib/apt/lists/*`, hadolint DL3009), pip's wheel cache \
            (`--no-cache-dir` or `ENV PIP_NO_CACHE_DIR=1`, DL3042), apk's index (`apk add --no-cache`), npm's \
            cache (`npm cache clean --force`). A leaner image pulls and starts faster for every trial. A BuildKit \
            cache mount (`RUN --mount=type=cache,target=…`) keeps the cache out of the image and is fine.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install fastapi==0.115.12\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nRUN npm ci --omit=dev\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir fastapi==0.115.12\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install fastapi==0.115.12\nFROM node:22-bookworm-slim\nRUN npm install --save-exact express@4.21.2 && npm cache clean --force\n"]),
            RuleExample(files: ["Dockerfile": "# syntax=docker/dockerfile:1.7\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,target=/var/lib/apt/lists \\\n    apt-get update && apt-get install -y --no-install-recommends curl && pip install fastapi==0.115.12\nRUN apk add --no-cache curl\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        // Whether ENV PIP_NO_CACHE_DIR is in force, per stage (inherited from a base stage).
        var pipCacheOff: [Int: Bool] = [:]
        for instruction in parsed.instructionsWithTriggers {
            guard let stage = instruction.stageIndex else { continue }
            switch instruction.keyword {
            case "FROM":
                let base = stage < parsed.stages.count ? parsed.stages[stage].baseStageIndex : nil
                pipCacheOff[stage] = base.flatMap { pipCacheOff[$0] } ?? false
            case "ENV" where !instruction.isOnbuildTrigger:
                if instruction.keyValues.contains(where: { $0.key == "PIP_NO_CACHE_DIR" && Self.isTrue($0.value) }) { pipCacheOff[stage] = true }
            case "RUN":
                check(instruction, pipCacheOff: pipCacheOff[stage] ?? false, file: file, parsed: parsed, into: &sink)
            default:
                break
            }
        }
    }

    /// Checks one `RUN`; caches must be cleaned in the same `RUN` that fills them.
    private func check(_ instruction: DockerInstruction, pipCacheOff: Bool, file: LintFile, parsed: Dockerfile, into sink: inout FindingSink) {
        let commands = instruction.runCommands
        let mounts = instruction.flags(named: "mount").compactMap(\.value).filter { $0.contains("type=cache") }
        func mounted(_ path: String) -> Bool { mounts.contains { $0.contains("target=" + path) || $0.contains("dst=" + path) } }
        for command in commands {
            if let packages = SystemPackageCommand(command), packages.isInstall {
                if packages.family == .apt, !mounted("/var/lib/apt"), !Self.removes("/var/lib/apt/lists", in: commands) {
                    sink.report(
                        "\(packages.tool) install leaves the apt package lists in this layer", in: file,
                        at: parsed.range(of: packages.subcommand), hint: "end this RUN with && rm -rf /var/lib/apt/lists/*")
                } else if packages.family == .apk, !packages.command.hasOption("--no-cache"), !Self.removes("/var/cache/apk", in: commands) {
                    sink.report(
                        "apk add keeps its package index in this layer", in: file, at: parsed.range(of: packages.subcommand),
                        hint: "use apk add --no-cache")
                }
            } else if let install = PythonInstall(command), install.tool == "pip", !install.disablesCache, !pipCacheOff,
                !command.assignments.contains(where: { $0.name == "PIP_NO_CACHE_DIR" }), !mounted("/root/.cache"),
                let word = command.nameWord
            {
                sink.report(
                    "pip install keeps its download cache in this layer", in: file, at: parsed.range(of: word),
                    hint: "add --no-cache-dir, or set ENV PIP_NO_CACHE_DIR=1 before it")
            } else if let install = NodeInstall(command), install.tool == "npm", !mounted("/root/.npm"),
                !commands.contains(where: { $0.name == "npm" && $0.argumentTexts.starts(with: ["cache", "clean"]) }),
                let word = command.nameWord
            {
                sink.report(
                    "npm \(install.isLockedInstall ? "ci" : "install") keeps its download cache in this layer", in: file,
                    at: parsed.range(of: word), hint: "end this RUN with && npm cache clean --force")
            }
        }
    }

    /// True when a `rm` in `commands` deletes `path` or something below it.
    static func removes(_ path: String, in commands: [ShellCommand]) -> Bool {
        commands.contains { command in
            command.name == "rm" && command.operands.contains { $0.text.hasPrefix(path) }
        }
    }

    /// pip reads any non-empty value but `0`, `false`, `no` and `off` as true.
    static func isTrue(_ value: String?) -> Bool {
        guard let value = value?.lowercased(), !value.isEmpty else { return false }
        return !["0", "false", "no", "off"].contains(value)
    }
}
