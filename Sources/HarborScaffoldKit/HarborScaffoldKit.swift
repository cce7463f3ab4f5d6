/// The version of harbor-scaffold, reported by `--version` and stored in generated manifests.
public let harborScaffoldVersion = "0.1.0"
