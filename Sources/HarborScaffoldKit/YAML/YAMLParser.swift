/// Reads YAML documents: the subset of YAML 1.2 that docker compose files use.
///
/// Supported: block and flow collections, all scalar styles, comments, anchors and aliases,
/// merge keys (`<<`), tags (kept as written), `---` / `...` markers and `%YAML` / `%TAG`
/// directives (skipped). Not supported, and reported as errors: explicit keys (`? `), keys that
/// are collections, aliases inside the node they refer to, and streams of several documents.
/// Any input is safe: the parser never traps or hangs, runs in time linear in the input, and
/// reads nesting without recursion (the deepest documents parse on a thread with a small stack).
public enum YAMLParser {
    /// Collections may be nested at most this deep.
    public static let maximumDepth = 256
    /// The most nodes aliases may stand for in one document, a defence against "billion laughs".
    public static let maximumAliasExpansion = 1_000_000

    /// Parses a single-document YAML stream (an empty document or one with only comments gives a
    /// null scalar node).
    ///
    /// Invalid documents throw the first error found, with its line and column.
    public static func parse(_ source: SourceText) throws(YAMLError) -> YAMLNode {
        var composer = YAMLComposer(source: source)
        return try composer.parseStream(source.bytes)
    }
}

/// The stream: directives, the one document and its markers.
extension YAMLComposer {
    mutating func parseStream(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode {
        if let control = bytes.firstIndex(where: YAMLBytes.isForbiddenControl) {
            throw error("control character \(CodePoint.label(UInt32(bytes[control]))) is not allowed in YAML",
                        at: control)
        }
        try take()
        var hasDirectives = false
        while try peek().kind == .directive {
            hasDirectives = true
            try take()
        }
        let first = try peek()
        if first.kind == .documentStart {
            try take()
        } else if hasDirectives {
            throw error("expected '---' after the directives, found \(first.description)", at: first.start)
        }
        let root: YAMLNode
        switch try peek().kind {
        case .streamEnd, .documentStart, .documentEnd, .directive: root = emptyNode()
        default: root = try parseRoot()
        }
        var ended = false
        while try peek().kind == .documentEnd {
            ended = true
            try take()
        }
        let next = try peek()
        switch next.kind {
        case .streamEnd:
            return root
        case .documentStart, .directive:
            throw error("only one YAML document is supported", at: next.start)
        default:
            throw error(ended ? "only one YAML document is supported"
                              : "expected the end of the document, found \(next.description)", at: next.start)
        }
    }
}
