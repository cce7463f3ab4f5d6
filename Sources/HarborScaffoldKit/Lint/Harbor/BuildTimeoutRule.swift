/// T104: the image may build for longer than the pipeline's five-minute budget.
struct BuildTimeoutRule: LintRule {
    /// The pipeline's build budget in seconds.
    static let budget = 300.0
    /// Harbor's default `build_timeout_sec`.
    static let harborDefault = 600.0

    static let description = RuleDescription(
        id: "T104", name: "build-timeout-over-budget", title: "build_timeout_sec exceeds the 5-minute build budget",
        severity: .warning,
        rationale: """
            The pipeline gives every environment image five minutes to build. Harbor waits \
            `[environment] build_timeout_sec` (600 s when unset) before giving up, so a slow build passes \
            locally and then times out in the pipeline. Set it to 300 or less so slow builds fail where \
            they are written.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "[environment]\nbuild_timeout_sec = 600.0\n"]),
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n[environment]\ncpus = 2\n"]),
            RuleExample(files: ["task.toml": "schema_version = \"1.4\"\n"]),
            RuleExample(files: ["task.toml": "[environment]\nbuild_timeout_sec = 300\n[verifier.environment]\nbuild_timeout_sec = 900\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["task.toml": "[environment]\nbuild_timeout_sec = 300\n"]),
            RuleExample(files: ["task.toml": "[environment]\nbuild_timeout_sec = 180.0\n[verifier.environment]\nbuild_timeout_sec = 240\n"]),
            RuleExample(
                files: ["task.toml": "[environment]\ndocker_image = \"ghcr.io/acme/env@sha256:0123\"\n"],
                excerpt: "A pre-built image is pulled, not built"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, document) = target.parsedTaskConfig else { return }
        check(document.entry(for: "environment"), label: "[environment]", file: file, into: &sink)
        if let verifier = document["verifier"]?.tableValue, let environment = verifier.entry(for: "environment") {
            check(environment, label: "[verifier.environment]", file: file, into: &sink)
        }
    }

    /// Checks one environment table (missing, or its `build_timeout_sec`).
    private func check(_ environment: TOMLTable.Entry?, label: String, file: LintFile, into sink: inout FindingSink) {
        let table = environment?.value.tableValue
        if let timeout = table?.entry(for: "build_timeout_sec") {
            guard let seconds = timeout.value.doubleValue, seconds > Self.budget else { return }
            sink.report(
                "build_timeout_sec = \(Self.format(seconds)) in \(label) exceeds the pipeline's 5-minute build budget",
                in: file, at: timeout.valueRange,
                hint: "set build_timeout_sec = 300 and make the build fit: pin small base images, combine RUN steps")
            return
        }
        if let image = table?["docker_image"]?.stringValue, !image.isEmpty { return }
        sink.report(
            "\(label) sets no build_timeout_sec, so Harbor waits its default 600 s, twice the pipeline's 5-minute build budget",
            in: file, at: environment?.valueRange ?? .line(1),
            hint: "add build_timeout_sec = 300 to \(label)")
    }

    private static func format(_ seconds: Double) -> String {
        seconds.rounded() == seconds && seconds < 1e15 ? String(Int64(seconds)) : String(seconds)
    }
}
