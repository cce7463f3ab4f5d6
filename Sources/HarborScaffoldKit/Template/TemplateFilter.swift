/// Escaping filters: each turns any text into something safe for one kind of output.
public enum TemplateFilter: String, CaseIterable, Sendable {
    /// `#` comment lines (Dockerfile, shell, Python, TOML): one line each, quoted with `# > `.
    case comment
    /// A double-quoted Python string literal.
    case python
    /// The inside of a Python triple-quoted docstring (quotes and backslashes escaped).
    case docstring
    /// A JSON string literal (also a valid TOML basic string).
    case json
    /// Plain Markdown text on one line: control characters removed, HTML comment markers defused.
    case inline
    /// Multi-line Markdown text: control characters removed, HTML comment markers defused.
    case markdown

    /// Applies the filter.
    public func apply(_ text: String) -> String {
        switch self {
        case .comment: SafeText.commentLines(text)
        case .python: SafeText.pythonString(text)
        case .docstring: SafeText.docstringBody(text)
        case .json: JSONWriter.quote(text)
        case .inline: SafeText.markdown(text).split(whereSeparator: \.isNewline).joined(separator: " ")
        case .markdown: SafeText.markdown(text)
        }
    }
}
