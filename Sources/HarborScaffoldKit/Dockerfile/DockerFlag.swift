/// A `--name=value` or `--name` flag written right after an instruction keyword
/// (`--from=build`, `--chown=app`, `--mount=type=cache,target=/root/.cache`, `--platform=…`, `--link`).
public struct DockerFlag: Sendable, Hashable {
    /// The flag name without the leading dashes (`from`, `mount`).
    public var name: String
    /// The value after `=` with quotes removed; nil for a bare flag such as `--link`.
    public var value: String?
    /// The flag as written.
    public var raw: String
    /// Where the flag is.
    public var range: SourceRange
    /// Byte offsets of the flag in the Dockerfile's normalised text.
    public var byteRange: Range<Int>

    /// Creates a flag.
    public init(name: String, value: String?, raw: String, range: SourceRange, byteRange: Range<Int>) {
        self.name = name
        self.value = value
        self.raw = raw
        self.range = range
        self.byteRange = byteRange
    }

    /// The flag's boolean value: true for a bare flag or `=true`, false for `=false`, nil otherwise.
    public var boolValue: Bool? {
        guard let value else { return true }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }
}
