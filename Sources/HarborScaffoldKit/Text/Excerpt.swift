/// Shortens text for quoting inside a one-line message.
public enum Excerpt {
    /// The first line of `text`, cut to `limit` characters with an ellipsis.
    public static func short(_ text: String, limit: Int = 40) -> String {
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? ""
        if line.count <= limit { return line }
        return String(line.prefix(limit - 1)) + "…"
    }
}
