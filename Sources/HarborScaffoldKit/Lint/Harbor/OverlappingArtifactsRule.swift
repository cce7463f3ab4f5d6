/// T106: two artifact entries land on the same place in the trial's artifacts folder.
struct OverlappingArtifactsRule: LintRule {
    static let description = RuleDescription(
        id: "T106", name: "overlapping-artifacts", title: "Two artifacts are collected to the same place", severity: .warning,
        rationale: """
            Harbor copies each `artifacts` entry to its source path (or `destination`) below the trial's \
            artifacts folder, after the implicit /logs/artifacts entry. When two entries land on the same \
            path or one inside the other, Harbor keeps the first and silently skips the rest, so an output \
            the reviewers expect is missing. Harbor's lint calls this overlapping-artifacts.
            """,
        triggering: [
            RuleExample(files: ["task.toml": "artifacts = [\"/app/out\", { source = \"/tmp/out\", destination = \"app/out\" }]\n"]),
            RuleExample(files: ["task.toml": "artifacts = [{ source = \"/app\", exclude = [\"*.pyc\"] }, \"/app/logs\"]\n"]),
            RuleExample(files: ["task.toml": "artifacts = [{ source = \"/srv/report\", destination = \"logs\" }]\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["task.toml": "artifacts = [\"/app\", \"/app/logs\", \"/logs/artifacts/extra\"]\n"]),
            RuleExample(files: ["task.toml": "artifacts = [\"/app/out\", { source = \"/tmp/out\", destination = \"tmp-out\" }]\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, document) = target.parsedTaskConfig,
            document.value(at: ["environment", "os"])?.stringValue?.lowercased() != "windows"
        else { return }
        let base = ArtifactEntry.entries(of: document.entry(for: "artifacts"))
        var reported = collisions(ArtifactEntry.withConvention(base)).map { ($0.first, $0.second) }
        for step in (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue) {
            let entries = ArtifactEntry.withConvention(base + ArtifactEntry.entries(of: step.entry(for: "artifacts")))
            for collision in collisions(entries)
            where !reported.contains(where: { $0 == (collision.first, collision.second) }) {
                reported.append((collision.first, collision.second))
            }
        }
        for (first, second) in reported {
            let shown = second.range ?? first.range
            let earlier = first.range == nil ? "Harbor's implicit \(first.label) entry" : first.label
            sink.report(
                "artifact \(second.label) lands on or around the path of \(earlier), so Harbor skips it when collecting",
                in: file, at: shown,
                hint: "give one of them a distinct `destination`, or collect only the enclosing folder")
        }
    }

    /// Every pair (earlier, later) that collides in Harbor's sense.
    private func collisions(_ entries: [ArtifactEntry]) -> [(first: ArtifactEntry, second: ArtifactEntry)] {
        var result: [(first: ArtifactEntry, second: ArtifactEntry)] = []
        for (index, later) in entries.enumerated() {
            for prior in entries[..<index] where !later.isCovered(by: prior) && later.overlaps(prior) {
                result.append((prior, later))
            }
        }
        return result
    }
}
