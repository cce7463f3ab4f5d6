/// C206: four or more `RUN` instructions in a row, each adding a layer.
struct ConsecutiveRunsRule: LintRule {
    static let description = RuleDescription(
        id: "C206", name: "consecutive-runs", title: "Many consecutive RUN instructions could be one layer",
        severity: .info,
        rationale: """
            Every `RUN` adds a layer and a snapshot step to the build, and files deleted in a later layer still \
            weigh in an earlier one (hadolint DL3059 flags any two in a row). Four or more in a row usually belong \
            together: join them with `&&` (or write one `RUN <<EOF` script) to build and pull faster within the \
            pipeline's 5-minute budget. Keeping a slow, rarely changing step in its own layer for caching is fine; \
            so are shorter runs.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN mkdir -p /app/data\nRUN useradd --create-home app\nRUN chown -R app /app\n# the logs folder\nRUN mkdir -p /var/log/app\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nWORKDIR /app\nRUN npm config set fund false\nRUN npm config set audit false\nRUN npm config set update-notifier false\nRUN npm config set loglevel warn\nRUN node --version\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN mkdir -p /app/data\nRUN useradd --create-home app\nWORKDIR /app\nRUN chown -R app /app\nRUN mkdir -p /var/log/app\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN mkdir -p /app/data \\\n && useradd --create-home app \\\n && chown -R app /app \\\n && mkdir -p /var/log/app\n"]),
        ])

    /// The shortest run of consecutive `RUN`s reported.
    static let threshold = 4

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        var group: [DockerInstruction] = []
        func flush(into sink: inout FindingSink) {
            defer { group.removeAll() }
            guard group.count >= Self.threshold, let first = group.first, let last = group.last else { return }
            sink.report(
                "\(group.count) consecutive RUN instructions (lines \(first.lines.lowerBound)–\(last.lines.upperBound)) each add a layer",
                in: file, at: first.keywordRange,
                hint: "join them into one RUN with && (or a RUN <<EOF script) unless a step must stay cached on its own")
        }
        for instruction in parsed.instructions {
            if instruction.keyword == "RUN", group.last.map({ $0.stageIndex == instruction.stageIndex }) ?? true {
                group.append(instruction)
            } else {
                flush(into: &sink)
                if instruction.keyword == "RUN" { group.append(instruction) }
            }
        }
        flush(into: &sink)
    }
}
