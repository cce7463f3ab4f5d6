/// One source of a `COPY` or `ADD` instruction.
public struct DockerCopySource: Sendable, Hashable {
    /// The source path or URL with quotes removed.
    public var value: String
    /// Where the source is written.
    public var range: SourceRange
    /// True for an `http://` or `https://` URL (only `ADD` downloads them).
    public var isRemoteURL: Bool
    /// True for a Git repository (`git@host:…`, `git://…`, or an HTTP(S) URL ending in `.git` / `.git#ref`).
    public var isGitRepository: Bool
    /// True when the source contains glob characters (`*`, `?`, `[`).
    public var hasWildcard: Bool

    /// Creates a source from an argument word.
    public init(argument: DockerArgument) {
        value = argument.value
        range = argument.range
        let lower = argument.value.lowercased()
        let isHTTP = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        isRemoteURL = isHTTP
        isGitRepository =
            lower.hasPrefix("git@") || lower.hasPrefix("git://") || lower.hasPrefix("ssh://")
            || (isHTTP && (lower.hasSuffix(".git") || lower.contains(".git#")))
        hasWildcard = argument.value.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
    }
}

/// The typed view of a `COPY` or `ADD` instruction.
public struct DockerCopy: Sendable, Hashable {
    /// True for `ADD`.
    public var isAdd: Bool
    /// The sources (here-document markers excluded; see ``heredocs``).
    public var sources: [DockerCopySource]
    /// The destination (last argument), if any.
    public var destination: DockerArgument?
    /// Here-documents used as sources (`COPY <<EOF /app/config`).
    public var heredocs: [DockerHeredoc]
    /// The `--from` stage name, stage index or image, if given.
    public var from: String?
    /// The `--chown` value, if given.
    public var chown: String?
    /// The `--chmod` value, if given.
    public var chmod: String?
    /// True when `--link` is given (and not `=false`).
    public var link: Bool
    /// The `--checksum` value of `ADD`, if given.
    public var checksum: String?

    /// True when any source is an HTTP(S) URL.
    public var hasRemoteSource: Bool { sources.contains { $0.isRemoteURL || $0.isGitRepository } }
}

extension DockerInstruction {
    /// The typed view of a `COPY` or `ADD` instruction; nil for other keywords.
    public var copy: DockerCopy? {
        guard keyword == "COPY" || keyword == "ADD" else { return nil }
        let markers = Set(heredocs.map(\.markerByteRange))
        let words = argumentWords.filter { !markers.contains($0.byteRange) }
        let destination = words.last
        let sources = words.dropLast().map(DockerCopySource.init(argument:))
        return DockerCopy(
            isAdd: keyword == "ADD", sources: Array(sources), destination: destination, heredocs: heredocs,
            from: flag("from")?.value, chown: flag("chown")?.value, chmod: flag("chmod")?.value,
            link: flag("link").map { $0.boolValue ?? true } ?? false, checksum: flag("checksum")?.value)
    }
}
