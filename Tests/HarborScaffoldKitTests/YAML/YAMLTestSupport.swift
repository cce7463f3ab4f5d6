@testable import HarborScaffoldKit

/// Parses `text` as a YAML document.
func parseYAML(_ text: String) throws(YAMLError) -> YAMLNode {
    try YAMLParser.parse(SourceText(path: "test.yaml", text: text))
}

/// The error `text` produces, or nil when it parses.
func yamlError(_ text: String) -> YAMLError? {
    do {
        _ = try parseYAML(text)
        return nil
    } catch {
        return error
    }
}

/// A compact rendering of a node's values for expectations: `{key: value, ...}`, `[a, b]`, plain
/// scalars as written (an empty one as `~`), other styles as Swift string literals, tags in front.
func render(_ node: YAMLNode) -> String {
    let body: String
    switch node.kind {
    case .scalar(let scalar):
        if scalar.style == .plain {
            body = scalar.text.isEmpty ? "~" : scalar.text
        } else {
            body = scalar.text.debugDescription
        }
    case .sequence(let items):
        body = "[" + items.map(render).joined(separator: ", ") + "]"
    case .mapping(let entries):
        body = "{" + entries.map { render($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
    }
    return node.tag.map { $0 + " " + body } ?? body
}

/// `text` parsed and rendered, or `error: line:column: message`.
func renderYAML(_ text: String) -> String {
    do {
        return render(try parseYAML(text))
    } catch {
        return "error: \(error)"
    }
}

/// A range, shorter to write in expectations (1-based lines and columns, end exclusive).
func yamlRange(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(start: SourcePosition(line: startLine, column: startColumn),
                end: SourcePosition(line: endLine, column: endColumn))
}
