/// L002: a `TODO(harbor-scaffold)` placeholder is left in a task about to be submitted.
struct PlaceholderLeftRule: LintRule {
    static let description = RuleDescription(
        id: "L002", name: "placeholder-left", title: "A TODO(harbor-scaffold) placeholder is left at the final stage",
        severity: .error,
        rationale: """
            Scaffolded files mark what the builder must write with `TODO(harbor-scaffold)`. At `--stage final` \
            every marker must be gone: a placeholder test cannot pass, a placeholder prompt misleads the agent.
            """,
        triggering: [
            RuleExample(files: ["tests.py": "def test_x():\n    pytest.fail(\"TODO(harbor-scaffold): write it\")\n"], stage: .final),
            RuleExample(files: ["prompt.md": "<!-- TODO(harbor-scaffold): review -->\n# Task\n"], stage: .final),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": "def test_x():\n    pytest.fail(\"TODO(harbor-scaffold): write it\")\n"], stage: .skeleton),
            RuleExample(files: ["tests.py": "def test_x():\n    # TODO: tidy\n    assert 1 + 1 == 2\n"], stage: .final),
        ])

    private static let marker = Array(placeholderMarker.utf8)

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.stage == .final else { return }
        for path in target.files.keys.sorted() {
            guard let file = target.files[path] else { continue }
            var lastLine = 0
            var from = 0
            while let hit = ByteSearch.firstIndex(of: Self.marker, in: file.source.bytes, from: from) {
                let position = file.source.position(ofByte: hit)
                if position.line != lastLine {
                    sink.report(
                        "placeholder '\(placeholderMarker)' left in \(path)", in: file,
                        at: file.source.range(ofBytes: hit..<(hit + Self.marker.count)),
                        hint: "write what the placeholder asks for, then delete the marker")
                    lastLine = position.line
                }
                from = hit + Self.marker.count
            }
        }
    }
}
