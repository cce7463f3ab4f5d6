extension LintRules {
    /// Docker Compose rules (T2xx; T207 and T208, which also judge compose images, are Harbor rules):
    /// the compose files of a Harbor task, read without Docker.
    static let compose: [any LintRule.Type] = [
        InvalidComposeFileRule.self, ComposePrivilegedRule.self, ComposeCapabilitiesRule.self, ComposeWritableBindRule.self,
        ComposeExternalBindRule.self, ComposeSymlinkBindRule.self, ComposeHostAccessRule.self, IgnoredComposeFileRule.self,
        ComposeTestLeakRule.self,
    ]
}

extension LintTarget {
    /// The compose files that read as YAML (T201 reports the others).
    var readComposeFiles: [ComposeFile] {
        composeFiles.compactMap { try? $0.parsed.get() }
    }
}

extension YAMLNode {
    /// The value of `key` in this mapping when it is plain `true`.
    func isTrue(_ key: String) -> Bool {
        self[key]?.boolValue == true
    }
}
