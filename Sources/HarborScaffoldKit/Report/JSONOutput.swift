extension JSONText {
    /// The value as JSON text: objects and arrays one member per line, indented by two spaces per
    /// level, except arrays and objects of scalars with at most `inlineLimit` members, which stay on
    /// one line. Keys keep their order.
    public func rendered(inlineLimit: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: 0, inlineLimit: inlineLimit)
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(into out: inout String, indent: Int, inlineLimit: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .number(text): out += text
        case let .string(text): out += JSONWriter.quote(text)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            if items.count <= inlineLimit, items.allSatisfy(\.isScalar) {
                out += "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
                return
            }
            let inner = String(repeating: "  ", count: indent + 1)
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: indent + 1, inlineLimit: inlineLimit)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            if members.count <= inlineLimit, members.allSatisfy(\.1.isScalar) {
                out += "{" + members.map { JSONWriter.quote($0.0) + ": " + $0.1.rendered() }.joined(separator: ", ") + "}"
                return
            }
            let inner = String(repeating: "  ", count: indent + 1)
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += inner + JSONWriter.quote(member.0) + ": "
                member.1.write(into: &out, indent: indent + 1, inlineLimit: inlineLimit)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A number value.
    static func int(_ value: Int) -> JSONText { .number(String(value)) }
}
