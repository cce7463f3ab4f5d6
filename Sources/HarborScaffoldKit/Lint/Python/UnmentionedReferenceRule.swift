/// P108: the tests use a file or endpoint that the prompt never names.
struct UnmentionedReferenceRule: LintRule {
    static let description = RuleDescription(
        id: "P108", name: "unmentioned-reference", title: "The tests use a file or endpoint the prompt never names",
        severity: .warning,
        rationale: """
            Harbor's file_reference_mentioned criterion fails a task whose tests read files or call interfaces \
            that the instruction never names: the agent cannot produce `/app/output.csv` or serve `/api/usage` if \
            it was never told to. This decides it statically by comparing the paths and endpoints in the tests' \
            string literals with the prompt text (a file counts as named when its file name appears). The tests' \
            own folders (/tests, /logs), system paths and external URLs are skipped.
            """,
        triggering: [
            RuleExample(files: [
                "prompt.md": "# Summarise sales\n\nWrite a script that totals the sales per region.\n",
                "tests.py": "import csv\n\ndef test_totals():\n    rows = list(csv.reader(open(\"/app/output/summary.csv\")))\n    assert rows[0] == [\"region\", \"total\"]\n",
            ]),
            RuleExample(files: [
                "instruction.md": "Make the gateway apply limits per tenant; `GET /api/usage` reports usage.\n",
                "tests/test_outputs.py": "def test_reset(base_url):\n    assert get(f\"{base_url}/api/limits/{TENANT}?window=1\") == 200\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                "prompt.md": "Write the totals per region to `output/summary.csv` in the project folder `/app` and serve them at `GET /api/usage`.\n",
                "tests.py": """
                    import os

                    WORKDIR = os.environ.get("APP_WORKDIR", "/app")

                    def test_totals():
                        with open("/app/output/summary.csv", encoding="utf-8") as handle:
                            assert handle.readline().strip() == "region,total"
                        assert open("/tests/expected.json").read()
                        assert fetch("http://127.0.0.1:8000/api/usage/") == {"Content-Type": "application/json"}
                    """,
                "weights.json": "{}",
            ], excerpt: "prompt.md names summary.csv, /app and /api/usage; /tests is the verifier's own"),
            RuleExample(files: [
                "prompt.md": "Serve `GET /api/tenants/<id>/usage`.\n",
                "tests.py": "def test_usage(base_url):\n    assert get(base_url + \"/api/tenants/\" + TENANT + \"/usage\") == 200\n",
            ]),
            RuleExample(files: ["tests.py": "def test_totals():\n    assert open('/app/out.csv').read()\n"], excerpt: "no prompt: nothing to compare with"),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let prompt = target.promptText else { return }
        let text = ByteSearchIndex(prompt.visible)
        var judged: Set<Substring> = []
        for (file, module) in target.testModules {
            let literals = module.allBodies.flatMap(\.stringLiterals).sorted { $0.range.start < $1.range.start }
            for literal in literals where !literal.isBytes {
                guard let path = LiteralReferences.referencedPath(literal.value), judged.insert(path).inserted,
                    !Self.isNamed(path, in: text)
                else { continue }
                let kind = LiteralReferences.isFile(path) ? "file" : "path"
                sink.report(
                    "the tests use the \(kind) '\(path)', which \(prompt.file.path) never names", in: file, at: literal.range,
                    hint: "name '\(path)' in \(prompt.file.path) where the task says what to produce or serve")
            }
        }
    }

    /// True when the prompt names `path`: the whole path, or for a file its file name.
    private static func isNamed(_ path: Substring, in prompt: ByteSearchIndex) -> Bool {
        if prompt.contains(path) { return true }
        guard LiteralReferences.isFile(path), let name = path.split(separator: "/").last else { return false }
        return prompt.contains(name)
    }
}
