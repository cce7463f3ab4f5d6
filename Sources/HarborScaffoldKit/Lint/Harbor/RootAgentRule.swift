/// T108: the agent runs as root (opt-in, like Harbor's own `root-agent`).
struct RootAgentRule: LintRule {
    static let description = RuleDescription(
        id: "T108", name: "root-agent", title: "The agent runs as root", severity: .warning,
        rationale: """
            An agent running as root can rewrite anything in its container: system Python, the package \
            cache, files the task meant to be read-only. Harbor runs the agent as `[agent] user` from \
            task.toml, or else as the image's default user, which is root unless the Dockerfile says \
            `USER`. Harbor's own lint reports every task without `[agent] user` (its opt-in root-agent \
            rule); this rule also reads the Dockerfile, so an image whose final stage switches to a \
            non-root `USER` passes. In the builder layout only the Dockerfile decides. Off by default: \
            enable it with `--extend-select T108` (or `root-agent`).
            """,
        triggering: [
            RuleExample(files: ["task.toml": "[agent]\ntimeout_sec = 600.0\n", "environment/Dockerfile": "FROM python:3.12-slim\n"]),
            RuleExample(files: ["task.toml": "[agent]\nuser = \"root\"\n", "environment/Dockerfile": "FROM python:3.12-slim\nUSER app\n"]),
            RuleExample(files: ["task.toml": "[agent]\nuser = 0\n"]),
            RuleExample(files: ["task.toml": "[agent]\nuser = \"0:0\"\n"]),
            RuleExample(files: [
                "task.toml": "[agent]\nuser = \"app\"\n[[steps]]\nname = \"setup\"\n[steps.agent]\nuser = \"root\"\n",
            ]),
            RuleExample(files: [
                "task.toml": "[environment]\ndocker_image = \"ghcr.io/acme/task@sha256:0123\"\n", "environment/Dockerfile": "FROM python:3.12-slim\nUSER app\n",
            ]),
            RuleExample("FROM python:3.12-slim AS build\nUSER app\nFROM python:3.12-slim\nCOPY --from=build /app /app\n", file: "Dockerfile"),
            RuleExample("FROM python:3.12-slim\nUSER app\nRUN id\nUSER root\n", file: "Dockerfile"),
        ],
        nonTriggering: [
            RuleExample(files: ["task.toml": "[agent]\nuser = \"agent\"\n"]),
            RuleExample(files: ["task.toml": "[agent]\nuser = 1000\n"]),
            RuleExample(files: ["task.toml": "[agent]\ntimeout_sec = 600.0\n", "environment/Dockerfile": "FROM python:3.12-slim\nUSER 1000:1000\n"]),
            RuleExample("FROM python:3.12-slim AS base\nUSER app\nFROM base\nRUN id\n", file: "Dockerfile"),
            RuleExample("FROM python:3.12-slim\nARG APP_USER\nUSER ${APP_USER}\n", file: "Dockerfile", excerpt: "A user chosen at build time cannot be judged"),
        ],
        optIn: true)

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        let imageUser = target.dockerfile.map { ImageUser(of: $0.parsed) }
        guard target.layout == .harbor else {
            if let (file, _) = target.dockerfile, let imageUser, imageUser.isRoot {
                sink.report(
                    "the agent runs as root: the image's final stage sets no non-root USER", in: file,
                    at: imageUser.instruction?.range ?? .line(1), hint: "add `USER <name>` (created with useradd) at the end of the Dockerfile")
            }
            return
        }
        guard let (file, document) = target.parsedTaskConfig else { return }
        let prebuilt = document["environment"]?.tableValue?["docker_image"] != nil
        let taskAgent = document["agent"]?.tableValue
        let steps = (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue)
        let passes: [(label: String, agent: TOMLTable?)] =
            steps.isEmpty ? [("[agent]", taskAgent)] : steps.enumerated().map { index, step in ("[[steps]] #\(index + 1)", step["agent"]?.tableValue) }
        for pass in passes {
            let chosen = pass.agent?.entry(for: "user") ?? taskAgent?.entry(for: "user")
            if let chosen {
                guard Self.isRoot(chosen.value) else { continue }
                sink.report(
                    "\(pass.label) runs the agent as root (user = \(Self.display(chosen.value)))", in: file, at: chosen.valueRange,
                    hint: "create a user in environment/Dockerfile and set `user = \"<name>\"` in [agent]")
            } else if prebuilt || imageUser?.isRoot ?? true {
                let range = document.entry(for: "agent")?.keyRange ?? .line(1)
                let reason =
                    prebuilt ? "and runs a prebuilt docker_image whose default user is unknown"
                    : target.dockerfile == nil ? "and no environment/Dockerfile shows the image's default user"
                    : "and environment/Dockerfile's final stage sets no non-root USER"
                sink.report(
                    "\(pass.label) sets no user \(reason), so the agent runs as root", in: file, at: range,
                    hint: "set `user = \"<name>\"` in [agent], or end environment/Dockerfile with `USER <name>`")
            }
        }
    }

    /// True for `root`, `0` and `0:<group>` (as a string or an integer).
    static func isRoot(_ value: TOMLValue) -> Bool {
        if let number = value.intValue { return number == 0 }
        guard let text = value.stringValue else { return false }
        let user = text.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? text
        return user == "root" || user == "0"
    }

    private static func display(_ value: TOMLValue) -> String {
        value.stringValue.map { "\"\($0)\"" } ?? value.intValue.map(String.init) ?? value.typeName
    }
}

/// The user the final image of a Dockerfile runs as: the last `USER` of its final stage's chain.
struct ImageUser {
    /// The deciding `USER` instruction, if any.
    let instruction: DockerInstruction?
    /// True when the image runs as root: no `USER`, or `USER root`/`USER 0`. A user named by an
    /// unresolved variable counts as not root (it cannot be judged).
    let isRoot: Bool

    init(of dockerfile: Dockerfile) {
        let user = dockerfile.instructions(inStages: dockerfile.finalImageStages).last { $0.is("USER") }
        instruction = user
        guard let user else {
            isRoot = true
            return
        }
        let name = user.arguments.split(separator: ":", omittingEmptySubsequences: false).first.map { String($0).trimmingSpaces } ?? ""
        isRoot = name == "root" || name == "0" || name.isEmpty
    }
}
