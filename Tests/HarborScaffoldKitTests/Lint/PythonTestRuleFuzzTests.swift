import Testing
@testable import HarborScaffoldKit

/// The P, W and M rules never crash and only point inside the files they lint, whatever the input.
@Suite struct PythonTestRuleFuzzTests {
    /// Fragments of test code that exercise the rules' paths, glued at random.
    private static let fragments = [
        "def test_a():\n", "    ", "\t", "\n", "class TestX:\n", "async def test_b(client):\n", "@pytest.fixture\n",
        "while True:", "while time.monotonic() < deadline:", "for _ in range(3):", "if x:", "else:", "try:", "except OSError:",
        "with open('/app/out.csv') as f:", " time.sleep(1)", " await asyncio.sleep(0.5)", " pytest.fail('TODO(harbor-scaffold)')",
        " raise NotImplementedError", " assert False", " assert True", " assert x == 1", " pass", " ...", " return",
        " break", "requests.get(", "'https://api.example.com/v1'", "f\"http://{HOST}:8000/api/{id}?q=1\"", ")", "(", "[", "]",
        "BASE = 'http://pypi.org'\n", "socket.create_connection(('8.8.8.8', 53))", "random.randint(1, 2)", "random.seed()",
        "np.random.default_rng()", "datetime.now()", "now = time.time()\n", "'/solution/solve.sh'", "'/tests/x.json'",
        "\"\"\"doc\"\"\"", "'''", "\"", "#", ":", ",", "=", "import requests, random, time, socket, subprocess\n",
        "from datetime import datetime\n", "subprocess.run(['curl', 'https://x.io'])", "\\\n", "é", "\u{0}",
    ]

    private static func python(_ random: inout SplitMix64) -> String {
        (0..<random.below(40)).map { _ in fragments[random.below(fragments.count)] }.joined()
    }

    private static let jsonPieces = ["{", "}", "\"test_a\"", "\"test_b\"", ":", ",", "0.5", "-1", "1e999", "\"0.5\"", "[", "]", "null", " ", "\n", "\\"]
    private static let promptPieces = [
        "hidden tests", " the grader will", " Tests will check", "tests.py", " /tests/test_outputs.py", " weights.json", "<!--", "-->",
        "TODO(harbor-scaffold)", "\n", " ", "`", "/app/out.csv", "the verifier", "by", ".", "é", "your solution will be graded",
    ]

    private static func pieces(_ from: [String], _ random: inout SplitMix64, upTo count: Int) -> String {
        (0..<random.below(count)).map { _ in from[random.below(from.count)] }.joined()
    }

    @Test func randomTasksNeverBreakTheRules() {
        var random = SplitMix64(seed: 0x1147_0001)
        var problems: [String] = []
        for round in 0..<1500 {
            let harbor = round % 3 == 0
            var files = [
                harbor ? "tests/test_outputs.py" : "tests.py": Self.python(&random),
                harbor ? "tests/weights.json" : "weights.json": Self.pieces(Self.jsonPieces, &random, upTo: 14),
                harbor ? "instruction.md" : "prompt.md": Self.pieces(Self.promptPieces, &random, upTo: 20),
            ]
            if harbor { files["task.toml"] = "" }
            let stage: LintStage = round % 2 == 0 ? .skeleton : .final
            let sources = files.mapValues { SourceText(path: "", text: $0) }
            for diagnostic in LintRuleTestSupport.diagnostics(files, stage: stage, select: ["P", "W", "M"]) {
                guard let source = sources[diagnostic.path] else {
                    problems.append("\(diagnostic.ruleID) names an unknown file \(diagnostic.path)")
                    continue
                }
                if let range = diagnostic.range,
                    range.start.line < 1 || range.end.line > source.lineCount + 1 || range.end < range.start || range.start.column < 1
                {
                    problems.append("\(diagnostic.ruleID) \(range) outside \(diagnostic.path): \(String(reflecting: files[diagnostic.path] ?? ""))")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
    }

    @Test func blockQueriesStayInBoundsOnEveryToken() {
        var random = SplitMix64(seed: 0x1147_0002)
        for _ in 0..<800 {
            let module = PythonModule.parse(SourceText(path: "t.py", text: Self.python(&random)))
            let blocks = PythonBlocks(module)
            for index in blocks.tokens.indices {
                for block in blocks.enclosingBlocks(ofToken: index) {
                    #expect(block.header.upperBound <= block.body.lowerBound && block.body.upperBound <= blocks.tokens.count)
                    #expect(block.header.lowerBound <= index && index <= block.body.upperBound, "a block encloses its tokens")
                }
            }
            for call in module.allBodies.flatMap(\.calls) {
                #expect(blocks.token(at: call.range.start) != nil, "every call starts at a token")
            }
        }
    }
}
