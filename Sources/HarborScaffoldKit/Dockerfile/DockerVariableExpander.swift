/// Substitutes global `ARG` values into `FROM` lines as BuildKit's word processing does: `$NAME`,
/// `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`, `${NAME:?message}`,
/// with quotes removed (no expansion inside single quotes) and the escape character honoured.
struct DockerVariableExpander {
    /// Platform variables BuildKit defines automatically for `FROM` lines; left as written.
    static let automaticVariables: Set<String> = [
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH",
        "TARGETVARIANT",
    ]

    /// Declared variables: a value for `ARG NAME=value`, nil for `ARG NAME` without a default.
    var values: [String: String?] = [:]
    var escape: UInt8 = ShellByte.backslash

    /// Expands `text`, returning the result and the variables that had no value.
    func expand(_ text: String) -> (String, [String]) {
        var unresolved: [String] = []
        let result = expand(Array(text.utf8)[...], depth: 0, unresolved: &unresolved)
        var seen = Set<String>()
        return (String(decoding: result, as: UTF8.self), unresolved.filter { seen.insert($0).inserted })
    }

    private func lookup(_ name: String) -> String? {
        guard let declared = values[name] else { return nil }
        return declared
    }

    private func expand(_ bytes: ArraySlice<UInt8>, depth: Int, unresolved: inout [String]) -> [UInt8] {
        var result: [UInt8] = []
        var index = bytes.startIndex
        let end = bytes.endIndex
        var inDoubleQuotes = false
        while index < end {
            let byte = bytes[index]
            if byte == escape, index + 1 < end {
                let next = bytes[index + 1]
                if !inDoubleQuotes || next == ShellByte.dollar || next == ShellByte.doubleQuote || next == escape {
                    result.append(next)
                    index += 2
                    continue
                }
            }
            if byte == ShellByte.doubleQuote {
                inDoubleQuotes.toggle()
                index += 1
                continue
            }
            if byte == ShellByte.singleQuote, !inDoubleQuotes {
                var cursor = index + 1
                while cursor < end, bytes[cursor] != ShellByte.singleQuote { cursor += 1 }
                result.append(contentsOf: bytes[(index + 1)..<cursor])
                index = min(cursor + 1, end)
                continue
            }
            guard byte == ShellByte.dollar, index + 1 < end else {
                result.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if ShellByte.isNameStart(next) {
                var cursor = index + 1
                while cursor < end, ShellByte.isNameCharacter(bytes[cursor]) { cursor += 1 }
                let name = String(decoding: bytes[(index + 1)..<cursor], as: UTF8.self)
                result.append(contentsOf: value(of: name, original: bytes[index..<cursor], unresolved: &unresolved))
                index = cursor
                continue
            }
            guard next == ShellByte.openBrace, let close = closingBrace(bytes, from: index + 2) else {
                result.append(byte)
                index += 1
                continue
            }
            result.append(
                contentsOf: braced(bytes[(index + 2)..<close], original: bytes[index...close], depth: depth,
                    unresolved: &unresolved))
            index = close + 1
        }
        return result
    }

    private func value(of name: String, original: ArraySlice<UInt8>, unresolved: inout [String]) -> [UInt8] {
        if let value = lookup(name) { return Array(value.utf8) }
        if Self.automaticVariables.contains(name) { return Array(original) }
        unresolved.append(name)
        return []
    }

    private func closingBrace(_ bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        var depth = 1
        var index = from
        while index < bytes.endIndex {
            if bytes[index] == ShellByte.openBrace { depth += 1 }
            if bytes[index] == ShellByte.closeBrace {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// Expands the inside of `${…}`.
    private func braced(
        _ inner: ArraySlice<UInt8>, original: ArraySlice<UInt8>, depth: Int, unresolved: inout [String]
    ) -> [UInt8] {
        var cursor = inner.startIndex
        while cursor < inner.endIndex, ShellByte.isNameCharacter(inner[cursor]) { cursor += 1 }
        let name = String(decoding: inner[inner.startIndex..<cursor], as: UTF8.self)
        let rest = inner[cursor...]
        guard let first = rest.first else { return value(of: name, original: original, unresolved: &unresolved) }
        let colon = first == ShellByte.colon
        let operatorIndex = colon ? rest.startIndex + 1 : rest.startIndex
        guard operatorIndex < rest.endIndex else { return value(of: name, original: original, unresolved: &unresolved) }
        let op = rest[operatorIndex]
        let word = rest[(operatorIndex + 1)...]
        let current = lookup(name)
        let isSet = colon ? !(current ?? "").isEmpty : current != nil
        if Self.automaticVariables.contains(name), current == nil { return Array(original) }
        func expandWord() -> [UInt8] {
            depth < 8 ? expand(word, depth: depth + 1, unresolved: &unresolved) : Array(word)
        }
        switch op {
        case ShellByte.minus:
            return isSet ? Array((current ?? "").utf8) : expandWord()
        case ShellByte.plus:
            return isSet ? expandWord() : []
        case ShellByte.question:
            if !isSet { unresolved.append(name) }
            return Array((current ?? "").utf8)
        default:
            // Pattern operators (`#`, `%`, `/`…) are not applied: use the plain value.
            return value(of: name, original: original, unresolved: &unresolved)
        }
    }
}
