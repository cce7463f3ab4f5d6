@testable import HarborScaffoldKit

/// Lints in-memory task folders for the P, W and M rule tests.
enum LintRuleTestSupport {
    /// The findings of the rules `select` names on `files` (a Harbor directory when a path has a
    /// `/` or the files include task.toml or instruction.md), rendered `ID path:line:column message`.
    static func findings(_ files: [String: String], stage: LintStage = .skeleton, select: [String]) -> [String] {
        diagnostics(files, stage: stage, select: select).map { "\($0.ruleID) \($0.path):\($0.line):\($0.column) \($0.message)" }
    }

    /// The diagnostics of the rules `select` names on `files`.
    static func diagnostics(_ files: [String: String], stage: LintStage = .skeleton, select: [String]) -> [Diagnostic] {
        let harbor = files.keys.contains { $0 == "task.toml" || $0 == "instruction.md" || $0.contains("/") }
        let target = LintTarget(layout: harbor ? .harbor : .builder, stage: stage, displayRoot: "", contents: files)
        return Linter(selection: RuleSelection(select: select)).lint(target)
    }
}
