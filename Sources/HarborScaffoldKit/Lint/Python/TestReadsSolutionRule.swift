/// P110: the tests read the reference solution.
struct TestReadsSolutionRule: LintRule {
    static let description = RuleDescription(
        id: "P110", name: "test-reads-solution", title: "The tests read the reference solution",
        severity: .error,
        rationale: """
            The reference solution (`solution/solve.sh`, uploaded to /solution) exists for the oracle run only. \
            Tests that import, run or read it pass for the oracle and break for every real agent, and Harbor's \
            anti_cheating_measures criterion forbids mixing the two. Paths in the tests' string literals are \
            checked, which also covers imports through `sys.path` or `importlib` (an agent's own `solution.py` \
            in /app is fine).
            """,
        triggering: [
            RuleExample(files: ["tests/test_outputs.py": "import subprocess\n\ndef test_same_output():\n    expected = subprocess.run([\"bash\", \"/solution/solve.sh\"], capture_output=True).stdout\n    assert run_agent_build() == expected\n"]),
            RuleExample(files: ["tests.py": "import sys\nsys.path.insert(0, \"/solution\")\nfrom fix import limits\n\ndef test_limit():\n    assert limits() == 3\n"]),
            RuleExample(files: ["tests.py": "def test_answer():\n    assert open('/app/answer.txt').read() in open('../solution/solve.sh').read()\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": "from solution import solve\n\ndef test_solve():\n    assert solve([3, 1]) == [1, 3]\n"], excerpt: "the agent's /app/solution.py"),
            RuleExample(files: ["tests.py": "def test_written():\n    assert open('/app/solution/notes.md').read()\n    assert 'solve.shape' in open('/app/README.md').read()\n"]),
        ])

    private static let script = Array("solve.sh".utf8)
    private static let folder = Array("/solution".utf8)

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            for literal in module.allBodies.flatMap(\.stringLiterals) where Self.namesSolution(Array(literal.value.utf8)) {
                sink.report(
                    "the tests read the reference solution ('\(literal.value)'), which only the oracle run has",
                    in: file, at: literal.range,
                    hint: "compare against expected values written into the test or files the environment provides")
            }
        }
    }

    /// True when `bytes` name `solve.sh` or the `/solution` folder as a path of its own (not
    /// `/app/solution/…` or `solve.shape`).
    private static func namesSolution(_ bytes: [UInt8]) -> Bool {
        occurs(script, in: bytes, after: { $0 == UInt8(ascii: "/") || isBoundary($0) })
            || occurs(folder, in: bytes, after: { $0 == UInt8(ascii: ".") || isBoundary($0) })
    }

    /// True when `needle` occurs in `bytes` after a byte that `startsPath` accepts and before a
    /// boundary or `/`.
    private static func occurs(_ needle: [UInt8], in bytes: [UInt8], after startsPath: (UInt8) -> Bool) -> Bool {
        var from = 0
        while let hit = ByteSearch.firstIndex(of: needle, in: bytes, from: from) {
            from = hit + 1
            let before = hit == 0 ? 0x20 : bytes[hit - 1]
            let after = hit + needle.count < bytes.count ? bytes[hit + needle.count] : 0x20
            if startsPath(before) && (isBoundary(after) || after == UInt8(ascii: "/")) { return true }
        }
        return false
    }

    private static func isBoundary(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: ";"), UInt8(ascii: "("):
            return true
        default:
            return false
        }
    }
}
