/// The image of a `FROM` instruction, split into its parts after `ARG` substitution.
///
/// `FROM --platform=linux/amd64 registry:5000/org/img:1.2@sha256:abc AS build` gives registry
/// `registry:5000`, repository `org/img`, tag `1.2`, digest `sha256:abc`, platform `linux/amd64`,
/// alias `build`.
public struct DockerImageReference: Sendable, Hashable {
    /// The image word as written (`python:${PY}-slim`).
    public var raw: String
    /// The image after substituting global `ARG` defaults (`python:3.12-slim`). Variables without a
    /// value become empty (see ``unresolvedVariables``); automatic platform variables
    /// (`$TARGETPLATFORM`, `$BUILDARCH`…) are left as written.
    public var resolved: String
    /// The registry host (and port) when the first path component names one (contains `.` or `:`, or
    /// is `localhost`).
    public var registry: String?
    /// The repository path without registry, tag or digest (`python`, `org/img`).
    public var repository: String
    /// The tag, if written.
    public var tag: String?
    /// The digest (`sha256:…`), if written.
    public var digest: String?
    /// The `--platform` flag value as written, if any.
    public var platform: String?
    /// The stage name given with `AS`, as written.
    public var alias: String?
    /// Range of the alias word.
    public var aliasRange: SourceRange?
    /// Variables used in the image that had no value and no inline default (`ARG PY` without a default,
    /// or never declared before the first `FROM`).
    public var unresolvedVariables: [String]
    /// Index of the earlier stage this `FROM` builds on (`FROM build`), if the image names one.
    public var stageReference: Int?
    /// Range of the image word.
    public var range: SourceRange

    /// Creates an image reference.
    public init(
        raw: String, resolved: String, registry: String? = nil, repository: String, tag: String? = nil,
        digest: String? = nil, platform: String? = nil, alias: String? = nil, aliasRange: SourceRange? = nil,
        unresolvedVariables: [String] = [], stageReference: Int? = nil, range: SourceRange
    ) {
        self.raw = raw
        self.resolved = resolved
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.platform = platform
        self.alias = alias
        self.aliasRange = aliasRange
        self.unresolvedVariables = unresolvedVariables
        self.stageReference = stageReference
        self.range = range
    }

    /// True for `FROM scratch`.
    public var isScratch: Bool { resolved.lowercased() == "scratch" }
    /// True when the image is pinned by digest.
    public var isPinnedByDigest: Bool { digest != nil }
    /// True when the reference names neither a tag nor a digest, nor an earlier stage (so `latest` is implied).
    public var usesImplicitLatest: Bool { tag == nil && digest == nil && stageReference == nil && !isScratch }
    /// The image name with its registry (`registry:5000/org/img`).
    public var name: String { registry.map { "\($0)/\(repository)" } ?? repository }

    /// Splits `reference` into registry, repository, tag and digest.
    static func components(of reference: String) -> (registry: String?, repository: String, tag: String?, digest: String?) {
        var namePart = Substring(reference)
        var digest: String?
        if let at = namePart.firstIndex(of: "@") {
            digest = String(namePart[namePart.index(after: at)...])
            namePart = namePart[..<at]
        }
        var tag: String?
        let lastSlash = namePart.lastIndex(of: "/")
        let tail = lastSlash.map { namePart[namePart.index(after: $0)...] } ?? namePart
        if let colon = tail.lastIndex(of: ":") {
            tag = String(tail[tail.index(after: colon)...])
            namePart = namePart[..<colon]
        }
        var registry: String?
        var repository = String(namePart)
        if let slash = namePart.firstIndex(of: "/") {
            let first = namePart[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" {
                registry = String(first)
                repository = String(namePart[namePart.index(after: slash)...])
            }
        }
        return (registry, repository, tag, digest)
    }
}
