extension LintRules {
    /// Harbor task rules (T): task.toml syntax, schema and values, the task's files, and placement of the verifier.
    static let harbor: [any LintRule.Type] = [
        TaskConfigSyntaxRule.self, MissingTaskFileRule.self, UnknownConfigFieldRule.self, InvalidConfigValueRule.self,
        BuildTimeoutRule.self, SharedVerifierRule.self, OverlappingArtifactsRule.self, ArtifactLogOverlapRule.self,
        RootAgentRule.self, TaskLinkRule.self, UnpinnedPulledImageRule.self, PulledImageDigestRule.self,
    ]
}
