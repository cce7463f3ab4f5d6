import Testing
@testable import HarborScaffoldKit

/// The compose rules read whatever shape the YAML has: mutated compose files (valid YAML of the
/// wrong shape included) give findings, never a crash, and T201 exactly when the YAML is broken.
@Suite struct ComposeRobustnessTests {
    @Test func mutatedComposeFilesNeverCrashTheRules() {
        var random = SplitMix64(seed: 0xC0305E)
        let seeds = YAMLComposeCorpus.files.map(\.text) + [ComposeRuleTests.terminalBenchStyle]
        let fragments = [
            "privileged: true", "volumes: 3", "- ../tests:/t", "cap_add: {a: b}", "image: [x]", "services: []", "build: {context: ../..}",
            "- type: bind", "network_mode: host", "<<: *missing", "volumes:\n  - ${X:-~}:/x", "x: &a [*a]", "\t", ":", "- ", "{", "'",
        ]
        let linter = Linter(selection: RuleSelection(select: ["T2"]))
        var broken = 0
        for _ in 0..<400 {
            var lines = seeds[random.below(seeds.count)].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + random.below(4)) where !lines.isEmpty {
                let at = random.below(lines.count)
                let indent = String(repeating: " ", count: 2 * random.below(4))
                switch random.below(3) {
                case 0: lines.insert(indent + fragments[random.below(fragments.count)], at: at)
                case 1: lines.remove(at: at)
                default: lines[at] = indent + fragments[random.below(fragments.count)]
                }
            }
            let text = lines.joined(separator: "\n")
            let target = LintTarget(
                layout: .harbor, stage: .skeleton, displayRoot: "", contents: ["environment/docker-compose.yaml": text],
                links: ["environment/data": "/srv/data"])
            let found = linter.lint(target)
            let parses = (try? YAMLParser.parse(SourceText(path: "x", text: text))) != nil
            #expect(parses || found.contains { $0.ruleID == "T201" }, "\(text)")
            if !parses { broken += 1 }
            #expect(found.allSatisfy { $0.line >= 1 })
        }
        #expect(broken > 20 && broken < 380, "the mutations should give both broken and readable files: \(broken)")
    }
}
