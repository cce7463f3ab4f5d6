/// T107: with a separate verifier, an artifact overlaps the verifier's or the agent's log folder.
struct ArtifactLogOverlapRule: LintRule {
    /// The log folders Harbor protects.
    static let protectedFolders = ["/logs/verifier", "/logs/agent"]

    static let description = RuleDescription(
        id: "T107", name: "artifact-log-overlap", title: "An artifact overlaps the verifier's or agent's logs",
        severity: .error,
        rationale: """
            A separate verifier receives the task's artifacts in its own filesystem before grading. An \
            artifact whose source is, contains or lies inside /logs/verifier or /logs/agent lets files \
            from the agent's container land on the verifier's logs, including reward.txt. Harbor's lint \
            calls this artifact-log-overlap.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "artifacts = [\"/logs\"]\n[verifier]\nenvironment_mode = \"separate\"\n"]),
            RuleExample(files: [
                "task.toml": "artifacts = [{ source = \"/logs/verifier/reward.txt\", destination = \"reward\" }]\n[verifier.environment]\ncpus = 1\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["task.toml": "artifacts = [\"/logs/artifacts/out\", \"/app/logs\"]\n[verifier]\nenvironment_mode = \"separate\"\n"]),
            RuleExample(files: ["task.toml": "artifacts = [\"/logs\"]\n"], excerpt: "A shared verifier restores no artifacts (T105 reports the shared mode)"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, document) = target.parsedTaskConfig, VerifierPlacement.hasSeparatePass(document),
            document.value(at: ["environment", "os"])?.stringValue?.lowercased() != "windows"
        else { return }
        var entries = ArtifactEntry.entries(of: document.entry(for: "artifacts"))
        for step in (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue) {
            entries += ArtifactEntry.entries(of: step.entry(for: "artifacts"))
        }
        for entry in entries where entry.source.hasPrefix("/") {
            let source = ArtifactEntry.components(entry.source)
            guard let folder = Self.protectedFolders.first(where: { folder in
                let protected = ArtifactEntry.components(folder)
                return ArtifactEntry.isWithin(source, protected) || ArtifactEntry.isWithin(protected, source)
            }) else { continue }
            sink.report(
                "artifact \(entry.label) overlaps \(folder), so files from the agent's container can replace the verifier's logs and reward",
                in: file, at: entry.range,
                hint: "collect outputs from another folder, e.g. /logs/artifacts/…, which Harbor collects anyway")
        }
    }
}
