/// A key/value pair declared by `ENV`, `ARG` or `LABEL`.
public struct DockerKeyValue: Sendable, Hashable {
    /// The key (variable or label name) with quotes removed.
    public var key: String
    /// The value with quotes removed; nil for `ARG NAME` without a default.
    public var value: String?
    /// Range of the key.
    public var keyRange: SourceRange
    /// Range of the whole pair (`key=value`, or `key value…` in the legacy form).
    public var range: SourceRange
    /// True for the legacy space-separated form (`ENV key value`).
    public var isLegacyForm: Bool

    /// Creates a pair.
    public init(key: String, value: String?, keyRange: SourceRange, range: SourceRange, isLegacyForm: Bool = false) {
        self.key = key
        self.value = value
        self.keyRange = keyRange
        self.range = range
        self.isLegacyForm = isLegacyForm
    }
}
