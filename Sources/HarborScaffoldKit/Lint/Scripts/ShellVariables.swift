/// What a script assigns to its variables, so that words such as `"$LOGS/reward.txt"` or
/// `"${TESTS_DIR}"` can be resolved to the paths they name.
///
/// Resolution is static and conservative: a variable assigned one value (or several that resolve
/// alike) resolves to it, an unassigned one to its `${NAME:-default}` default or to the value Harbor
/// gives it, and anything else (command substitutions, `$1`, string operations) is unknown.
struct ShellVariables {
    /// Variables Harbor sets for the verifier, with their values when unset.
    static let harborDefaults = ["HARBOR_VERIFIER_LOGS": "/logs/verifier", "HARBOR_TESTS_DIR": "/tests"]
    /// Builtins whose `NAME=value` operands assign variables.
    static let declarationCommands: Set<String> = ["export", "readonly", "declare", "local", "typeset"]
    private static let maximumDepth = 8

    private var values: [String: [String]] = [:]

    /// Reads every assignment of `script` (in any branch, function or substitution).
    init(_ script: ShellScript) {
        for command in script.allCommands {
            for assignment in command.assignments where !assignment.isAppend {
                values[assignment.name, default: []].append(assignment.value)
            }
            guard let name = command.name, Self.declarationCommands.contains(name) else { continue }
            for word in command.arguments {
                if let assignment = ShellByte.assignment(from: word), !assignment.isAppend {
                    values[assignment.name, default: []].append(assignment.value)
                }
            }
        }
    }

    /// Reads `script`'s assignments on top of those of `inherited`, the variables of the script that
    /// runs it with `bash -c` (which it sees when they are exported or expanded into its text before it
    /// starts); a name that `script` assigns keeps only its own values.
    init(_ script: ShellScript, inheriting inherited: ShellVariables) {
        self.init(script)
        for (name, assigned) in inherited.values where values[name] == nil { values[name] = assigned }
    }

    /// True when the script assigns `name` anywhere.
    func isAssigned(_ name: String) -> Bool { values[name] != nil }

    /// `text` with its variables expanded, or nil when that cannot be known statically.
    func resolve(_ text: String) -> String? {
        resolve(Substring(text), visiting: [])
    }

    /// The value of `name` (with `fallback` as its `${NAME:-fallback}` default), or nil when unknown.
    /// `visiting` holds the variables being resolved, so that `LOGS="${LOGS:-/logs/verifier}"` reads
    /// the outer `LOGS` as unset rather than looping.
    private func value(of name: Substring, fallback: Substring?, visiting: [Substring]) -> String? {
        if let assigned = values[String(name)], !visiting.contains(name) {
            // Many different assignments make the value unknowable (and resolving them all costly).
            guard assigned.count <= Self.maximumDepth else { return nil }
            let inner = visiting + [name]
            guard let first = resolve(Substring(assigned[0]), visiting: inner) else { return nil }
            for other in assigned.dropFirst() where resolve(Substring(other), visiting: inner) != first { return nil }
            return first
        }
        if let fallback { return resolve(fallback, visiting: visiting) }
        return Self.harborDefaults[String(name)]
    }

    /// `text` with `$NAME` and `${NAME…}` expanded; nil on anything else that expands.
    private func resolve(_ text: Substring, visiting: [Substring]) -> String? {
        guard visiting.count < Self.maximumDepth else { return nil }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "`" { return nil }
            guard character == "$" else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            let next = text.index(after: index)
            guard next < text.endIndex else {
                result.append(character)
                break
            }
            if text[next] == "{" {
                guard let (expanded, end) = braced(text, from: text.index(after: next), visiting: visiting) else { return nil }
                result += expanded
                index = end
            } else if Self.isNameStart(text[next]) {
                var end = next
                while end < text.endIndex, Self.isNameCharacter(text[end]) { end = text.index(after: end) }
                guard let expanded = value(of: text[next..<end], fallback: nil, visiting: visiting) else { return nil }
                result += expanded
                index = end
            } else {
                return nil
            }
        }
        return result
    }

    /// `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:=default}` starting after the `{`:
    /// the expansion and the index after the closing `}`.
    private func braced(_ text: Substring, from start: Substring.Index, visiting: [Substring]) -> (String, Substring.Index)? {
        var end = start
        var open = 1
        while end < text.endIndex {
            if text[end] == "{" { open += 1 }
            if text[end] == "}" {
                open -= 1
                if open == 0 { break }
            }
            end = text.index(after: end)
        }
        guard end < text.endIndex else { return nil }
        let inner = text[start..<end]
        var nameEnd = inner.startIndex
        while nameEnd < inner.endIndex, Self.isNameCharacter(inner[nameEnd]) { nameEnd = inner.index(after: nameEnd) }
        let name = inner[inner.startIndex..<nameEnd]
        guard let first = name.first, Self.isNameStart(first) else { return nil }
        let rest = inner[nameEnd...]
        var fallback: Substring?
        for marker in [":-", ":=", "-", "="] where rest.hasPrefix(marker) {
            fallback = rest.dropFirst(marker.count)
            break
        }
        guard rest.isEmpty || fallback != nil else { return nil }
        guard let expanded = value(of: name, fallback: fallback, visiting: visiting) else { return nil }
        return (expanded, text.index(after: end))
    }

    private static func isNameStart(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        isNameStart(character) || (character.isASCII && character.isNumber)
    }
}

/// Path arithmetic on container paths.
enum ContainerPath {
    /// `path` with `.` and empty components removed and `..` applied (`/logs//verifier/` → `/logs/verifier`).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `relative` resolved against the folder `base` (returned unchanged when already absolute).
    static func join(_ base: String, _ relative: String) -> String {
        relative.hasPrefix("/") ? normalize(relative) : normalize(base + "/" + relative)
    }

    /// True when `path` is `folder` or lies below it (both normalised, absolute).
    static func isWithin(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The last component of `path`.
    static func basename(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}
