/// A parsed template in harbor-scaffold's Mustache subset: `{{name}}`, `{{name|filter}}`, `{{.}}`,
/// `{{#section}}…{{/section}}`, `{{^inverted}}…{{/inverted}}` and `{{! comments }}`. A line holding
/// only a section tag or comment disappears. Untrusted values require a filter.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(name: String, filter: TemplateFilter?, line: Int)
        case section(name: String, inverted: Bool, body: [Node], line: Int)
    }

    /// The template's name, for errors.
    public let name: String
    let nodes: [Node]

    /// Parses `text`.
    public init(_ text: String, name: String) throws(TemplateError) {
        self.name = name
        var parser = TemplateParser(text: text, name: name)
        self.nodes = try parser.parse()
    }

    /// Renders with `context` as the outermost scope.
    public func render(_ context: [String: TemplateValue]) throws(TemplateError) -> String {
        var out = ""
        try render(nodes, scopes: [.object(context)], into: &out)
        return out
    }

    private func render(_ nodes: [Node], scopes: [TemplateValue], into out: inout String) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .variable(let variable, let filter, let line):
                guard let value = lookup(variable, in: scopes) else {
                    throw TemplateError(template: name, line: line, message: "unknown variable '\(variable)'")
                }
                out += try insert(value, filter: filter, variable: variable, line: line)
            case .section(let section, let inverted, let body, let line):
                guard let value = lookup(section, in: scopes) else {
                    throw TemplateError(template: name, line: line, message: "unknown section '\(section)'")
                }
                if inverted {
                    if !value.isTruthy { try render(body, scopes: scopes, into: &out) }
                } else if case .list(let items) = value {
                    for item in items { try render(body, scopes: scopes + [item], into: &out) }
                } else if value.isTruthy {
                    try render(body, scopes: scopes + [value], into: &out)
                }
            }
        }
    }

    private func lookup(_ name: String, in scopes: [TemplateValue]) -> TemplateValue? {
        if name == "." { return scopes.last }
        for scope in scopes.reversed() {
            if case .object(let members) = scope, let value = members[name] { return value }
        }
        return nil
    }

    private func insert(_ value: TemplateValue, filter: TemplateFilter?, variable: String, line: Int) throws(TemplateError) -> String {
        switch value {
        case .trusted(let text):
            return filter.map { $0.apply(text) } ?? text
        case .untrusted(let text):
            guard let filter else {
                throw TemplateError(
                    template: name, line: line,
                    message: "'\(variable)' holds draft text and needs a filter: "
                        + TemplateFilter.allCases.map { "{{\(variable)|\($0.rawValue)}}" }.joined(separator: ", "))
            }
            return filter.apply(text)
        case .bool(let flag):
            return flag ? "true" : "false"
        case .list, .object:
            throw TemplateError(template: name, line: line, message: "'\(variable)' is a list or object; use a section")
        }
    }
}
