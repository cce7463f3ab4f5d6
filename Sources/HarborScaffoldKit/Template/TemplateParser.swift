/// Parses template text into nodes, removing lines that hold only a section tag or comment.
struct TemplateParser {
    let text: [Character]
    let name: String
    private var index = 0
    private var line = 1

    init(text: String, name: String) {
        self.text = Array(text)
        self.name = name
    }

    mutating func parse() throws(TemplateError) -> [Template.Node] {
        var stack: [(name: String, inverted: Bool, line: Int, nodes: [Template.Node])] = [("", false, 0, [])]
        var pending = ""
        func flush() {
            if !pending.isEmpty { stack[stack.count - 1].nodes.append(.text(pending)) }
            pending = ""
        }
        while index < text.count {
            guard text[index] == "{", index + 1 < text.count, text[index + 1] == "{" else {
                if text[index] == "\n" { line += 1 }
                pending.append(text[index])
                index += 1
                continue
            }
            let tagStart = index
            let tagLine = line
            guard let close = findClose(from: index + 2) else {
                throw TemplateError(template: name, line: line, message: "unclosed '{{'")
            }
            let body = String(text[(index + 2)..<close]).trimmingSpaces
            index = close + 2
            let sigil = body.first
            let isStandaloneKind = sigil == "#" || sigil == "^" || sigil == "/" || sigil == "!"
            if isStandaloneKind, standalone(tagStart: tagStart, pending: pending) {
                while let last = pending.last, last == " " || last == "\t" { pending.removeLast() }
                while index < text.count, text[index] == " " || text[index] == "\t" { index += 1 }
                if index < text.count, text[index] == "\n" {
                    index += 1
                    line += 1
                }
            }
            switch sigil {
            case "!":
                continue
            case "#", "^":
                flush()
                let section = String(body.dropFirst()).trimmingSpaces
                guard isName(section) else { throw TemplateError(template: name, line: tagLine, message: "bad section name '\(section)'") }
                stack.append((section, sigil == "^", tagLine, []))
            case "/":
                flush()
                let section = String(body.dropFirst()).trimmingSpaces
                guard stack.count > 1, let open = stack.last, open.name == section else {
                    throw TemplateError(template: name, line: tagLine, message: "'{{/\(section)}}' closes nothing open")
                }
                stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(name: open.name, inverted: open.inverted, body: open.nodes, line: open.line))
            default:
                flush()
                let parts = body.split(separator: "|", maxSplits: 1).map { String($0).trimmingSpaces }
                let variable = parts.first ?? ""
                guard variable == "." || isName(variable) else {
                    throw TemplateError(template: name, line: tagLine, message: "bad variable name '\(variable)'")
                }
                var filter: TemplateFilter?
                if parts.count == 2 {
                    guard let known = TemplateFilter(rawValue: parts[1]) else {
                        throw TemplateError(template: name, line: tagLine, message: "unknown filter '\(parts[1])'")
                    }
                    filter = known
                }
                stack[stack.count - 1].nodes.append(.variable(name: variable, filter: filter, line: tagLine))
            }
        }
        flush()
        guard stack.count == 1 else {
            let open = stack[stack.count - 1]
            throw TemplateError(template: name, line: open.line, message: "section '\(open.name)' is never closed")
        }
        return stack[0].nodes
    }

    private func findClose(from start: Int) -> Int? {
        var position = start
        while position + 1 < text.count {
            if text[position] == "\n" { return nil }
            if text[position] == "}", text[position + 1] == "}" { return position }
            position += 1
        }
        return nil
    }

    /// True when the tag is alone on its line (only spaces before it on the line and after it).
    private func standalone(tagStart: Int, pending: String) -> Bool {
        var before = tagStart - 1
        while before >= 0, text[before] == " " || text[before] == "\t" { before -= 1 }
        guard before < 0 || text[before] == "\n" else { return false }
        var after = index
        while after < text.count, text[after] == " " || text[after] == "\t" { after += 1 }
        return after == text.count || text[after] == "\n"
    }

    private func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
