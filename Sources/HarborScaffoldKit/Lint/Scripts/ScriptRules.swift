extension LintRules {
    /// Script rules (S): the reward contract of tests/test.sh, what it trusts and fetches, and how
    /// test.sh and solve.sh are written.
    static let scripts: [any LintRule.Type] = [
        RewardNotWrittenRule.self, RewardIgnoresResultRule.self, ConftestHijackRule.self, RuntimeInstallRule.self,
        NetworkDownloadRule.self, CRLFScriptRule.self, MissingShebangRule.self, SolutionOnlyEchoesRule.self,
        PlaceholderSolutionRule.self, UnpinnedSolutionInstallRule.self,
    ]
}
