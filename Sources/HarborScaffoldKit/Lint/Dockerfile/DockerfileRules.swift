extension LintRules {
    /// Rules on the agent's (and, where noted, the verifier's) Dockerfile: syntax (C0xx), determinism
    /// (C1xx), build time and hygiene (C2xx), integrity of the evaluation (C3xx).
    static let dockerfile: [any LintRule.Type] = [
        DockerfileSyntaxRule.self,
        UnpinnedBaseImageRule.self, BaseImageDigestRule.self, UnpinnedPipInstallRule.self, UnpinnedNodeInstallRule.self,
        GoInstallLatestRule.self, RemoteScriptPipeRule.self, RemoteAddUnverifiedRule.self, GitCloneUnpinnedRule.self,
        AptGetUpgradeRule.self,
        BuildOverBudgetRule.self, BuildNearBudgetRule.self, AptGetWithoutYesRule.self, NoInstallRecommendsRule.self,
        CacheNotCleanedRule.self, ConsecutiveRunsRule.self, PipeWithoutPipefailRule.self, CmdShellFormRule.self,
        TestsInImageRule.self, TestPackagesInImageRule.self, AnswersInImageRule.self, SecretInEnvRule.self,
    ]
}
