/// The text of the lines findings point at, keyed by path and line, so fingerprints can use the
/// offending line's content instead of its number.
public struct LineTexts: Sendable {
    private var table: [String: String] = [:]

    /// No line texts.
    public init() {}

    /// True when no line is recorded.
    public var isEmpty: Bool { table.isEmpty }

    private static func key(_ path: String, _ line: Int) -> String { path + "\u{0}" + String(line) }

    /// The text of `line` in `path`, when known.
    public func text(path: String, line: Int) -> String? { table[Self.key(path, line)] }

    /// Records the text of `line` in `path`.
    public mutating func record(path: String, line: Int, text: Substring) {
        table[Self.key(path, line)] = String(text)
    }

    /// Records the lines `diagnostics` point at in `source` (those whose path is the source's).
    public mutating func record(_ diagnostics: [Diagnostic], in source: SourceText) {
        for diagnostic in diagnostics where diagnostic.path == source.path && diagnostic.range != nil {
            let line = diagnostic.line
            guard line >= 1, line <= source.lineStarts.count else { continue }
            record(path: diagnostic.path, line: line, text: source.lineText(line))
        }
    }

    /// Adds every entry of `other`.
    public mutating func merge(_ other: LineTexts) {
        table.merge(other.table) { current, _ in current }
    }

    /// Reads the lines `diagnostics` point at from disk; `resolve` turns a finding's path into a
    /// file path (or `nil` to skip it). Each file is read once; unreadable files are skipped.
    public static func read(for diagnostics: [Diagnostic], resolve: (String) -> String?) -> LineTexts {
        var result = LineTexts()
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics where diagnostic.range != nil { byPath[diagnostic.path, default: []].append(diagnostic) }
        for (path, found) in byPath {
            guard let file = resolve(path), let source = try? TextFileReader().read(file, displayPath: path) else { continue }
            result.record(found, in: source)
        }
        return result
    }
}

/// Stable identities for findings, for baselines, SARIF `partialFingerprints` and GitLab.
///
/// A fingerprint hashes (SHA-256) the rule id, the path relative to the workspace, the offending
/// line's text with white space collapsed, and the message with digit runs replaced by `#`, plus the
/// finding's rank among findings with the same identity. Line and column numbers are left out, so a
/// finding keeps its fingerprint when lines above it are added or removed, or when a number in its
/// message (a count, a similarity) changes.
public enum Fingerprint {
    /// The version prefix of the fingerprint scheme, used as the SARIF `partialFingerprints` key.
    public static let scheme = "harborScaffold/v1"

    /// One fingerprint per diagnostic, in the given order. `relativePath` maps a finding's path to
    /// the path the fingerprint uses (relative to the workspace).
    public static func compute(_ diagnostics: [Diagnostic], lines: LineTexts, relativePath: (String) -> String) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { diagnostic in
            let line = diagnostic.range == nil ? "" : normaliseLine(lines.text(path: diagnostic.path, line: diagnostic.line) ?? "")
            let identity = diagnostic.ruleID + "\u{0}" + relativePath(diagnostic.path) + "\u{0}" + line + "\u{0}"
                + normaliseMessage(diagnostic.message)
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            return String(SHA256.hex(identity + "\u{0}" + String(occurrence)).prefix(32))
        }
    }

    /// White space runs become one space; leading and trailing white space go.
    public static func normaliseLine<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Digit runs become `#`.
    public static func normaliseMessage(_ text: String) -> String {
        var out = ""
        var inDigits = false
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30, scalar.value <= 0x39 {
                if !inDigits { out.unicodeScalars.append("#") }
                inDigits = true
            } else {
                inDigits = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
