import Testing
@testable import HarborScaffoldKit

/// The constraint (D4xx) and red-flag (D5xx) rules on real drafts from the sample workspace, and on
/// input no draft should contain.
@Suite struct ConstraintSampleTests {
    private static let ruleFamilies = ["D4", "D5"]

    @Test(arguments: ConstraintRuleFixtures.good.map(\.id))
    func goodSamplesAreClean(_ id: String) throws {
        let text = try #require(ConstraintRuleFixtures.good.first { $0.id == id }?.text)
        let found = ConstraintRuleProbe.findings(text, Self.ruleFamilies)
        #expect(found.isEmpty, "\(found.map { "\($0.ruleID) \($0.line):\($0.column) \($0.message)" })")
    }

    @Test func dockerfileLookingProseFlagsOnlyTheLinesWithInstructionArguments() throws {
        let text = ConstraintRuleFixtures.hostilePathDockerfile
        let found = ConstraintRuleProbe.findings(text, Self.ruleFamilies)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.ruleID == "D502")
        #expect(finding.message.contains("'USER root, to place sentinel files unde…' and 1 more line"))
        #expect(finding.range?.start.line == 8 && finding.range?.end.line == 9)
    }

    @Test func shellSyntaxQuotedAsTemplateDataIsNotACommand() {
        let found = ConstraintRuleProbe.findings(ConstraintRuleFixtures.hostileTemplateShell, Self.ruleFamilies)
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    /// Cuts of real drafts at every few bytes, odd bytes and half-written fields: rules must not trap.
    @Test func rulesNeverTrapOnTruncatedOrOddInput() {
        var inputs = [
            "", "\n", "Task:", "Environment Setup: FROM", "Testing: assert", "```", "~~~\n", "Instructions: $(", "`",
            "Environment Setup: 5 GB", "Testing: https://", "Testing: http://.", "USER ", "Instructions: a && ",
            "Key Technologies: Django,", "Language: go\nKey Technologies: (((Django", "Testing: 1.5.5.5 GB",
            String(repeating: "9", count: 400) + " GB dump", "Environment Setup: \t\t\tdef x(:\n\tx = (\n\t}",
            "Instructions: \u{202E}txt.exe\u{202C} 🚀 ZWJ\u{200D}", "Testing: it(\"", "Testing: expect(",
        ]
        for sample in ConstraintRuleFixtures.good.map(\.text) + [ConstraintRuleFixtures.hostileTemplateShell] {
            let bytes = Array(sample.utf8)
            for cut in stride(from: 0, to: bytes.count, by: 37) {
                inputs.append(String(decoding: bytes[..<cut], as: UTF8.self))
            }
        }
        var generator = SplitMix(seed: 0x5EED)
        let alphabet = Array("abcFROMRUNUSER:=$()`|&>/.- \n\t0123456789GBTaskTesting#*~'\"".utf8)
        for _ in 0..<300 {
            let length = Int(generator.next() % 120)
            inputs.append(String(decoding: (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        for input in inputs {
            for line in ["", "Environment Setup: ", "Testing: ", "Instructions: "] {
                _ = ConstraintRuleProbe.findings(line + input, Self.ruleFamilies)
            }
        }
    }
}

/// A small deterministic random generator for the robustness test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
