import Foundation

/// `.harbor-scaffold.toml`: rule selection, per-path ignores and severity overrides, found by
/// walking up from the linted path (or named with `--config`).
///
/// ```toml
/// select = ["D", "C"]          # replaces the default (all rules)
/// extend-select = ["P"]
/// ignore = ["C204"]
/// [per-file-ignores]
/// "data_points/legacy_*/Dockerfile" = ["C101"]
/// [severity]
/// D305 = "error"
/// ```
public struct LintConfiguration: Sendable {
    /// The file's name.
    public static let fileName = ".harbor-scaffold.toml"

    /// Where it was read from.
    public let path: String
    /// `select`.
    public var select: [String] = []
    /// `extend-select`.
    public var extendSelect: [String] = []
    /// `ignore`.
    public var ignore: [String] = []
    /// `[per-file-ignores]`: glob (relative to the file's folder) → selectors.
    public var perFileIgnores: [(pattern: String, selectors: [String])] = []
    /// `[severity]`: rule id → severity.
    public var severities: [String: Severity] = [:]

    /// The nearest configuration file at or above `folder`.
    public static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads the configuration at `path`; errors name the file, line and column.
    public static func load(_ path: String) throws(UsageError) -> LintConfiguration {
        let source: SourceText
        do {
            source = try TextFileReader().read(path)
        } catch {
            if error.kind == .empty { return LintConfiguration(path: path) }
            throw UsageError("\(path): \(error.message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(source)
        } catch {
            throw UsageError("\(path):\(error.position.line):\(error.position.column): \(error.message)")
        }
        var configuration = LintConfiguration(path: path)
        for entry in table.entries {
            let place = "\(path):\(entry.keyRange.start.line):\(entry.keyRange.start.column)"
            switch entry.key {
            case "select": configuration.select = try strings(entry.value, place)
            case "extend-select": configuration.extendSelect = try strings(entry.value, place)
            case "ignore": configuration.ignore = try strings(entry.value, place)
            case "per-file-ignores":
                guard let patterns = entry.value.tableValue else { throw UsageError("\(place): per-file-ignores must be a table") }
                for item in patterns.entries {
                    configuration.perFileIgnores.append((item.key, try strings(item.value, place)))
                }
            case "severity":
                guard let levels = entry.value.tableValue else { throw UsageError("\(place): severity must be a table") }
                for item in levels.entries {
                    guard let name = item.value.stringValue, let level = Severity(rawValue: name) else {
                        throw UsageError("\(place): severity of \(item.key) must be \"error\", \"warning\" or \"info\"")
                    }
                    configuration.severities[item.key.uppercased()] = level
                }
            default:
                let known = ["select", "extend-select", "ignore", "per-file-ignores", "severity"]
                let guess = EditDistance.suggestion(for: entry.key, among: known)
                throw UsageError("\(place): unknown setting '\(entry.key)'" + (guess.map { "; did you mean '\($0)'?" } ?? ""))
            }
        }
        return configuration
    }

    private static func strings(_ value: TOMLValue, _ place: String) throws(UsageError) -> [String] {
        guard let items = value.arrayValue?.compactMap(\.stringValue), items.count == value.arrayValue?.count else {
            throw UsageError("\(place): expected an array of strings")
        }
        return items
    }

    private init(path: String) { self.path = path }

    /// The selection from this file, with command-line selectors taking precedence: a command-line
    /// `--select` replaces the file's, `--extend-select` and `--ignore` add to it.
    public func selection(overriddenBy commandLine: RuleSelection) -> RuleSelection {
        RuleSelection(
            select: commandLine.select.isEmpty ? select : commandLine.select,
            extendSelect: extendSelect + commandLine.extendSelect, ignore: ignore + commandLine.ignore,
            severityOverrides: severities.merging(commandLine.severityOverrides) { _, cli in cli })
    }

    /// True when a per-file ignore covers `rule` at `absolutePath`.
    public func ignores(_ rule: RuleDescription, absolutePath: String) -> Bool {
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        let relative = PathDisplay.relative(absolutePath, to: base)
        return perFileIgnores.contains { entry in
            Glob.matches(entry.pattern, relative) && entry.selectors.contains { RuleSelection.specificity($0, rule) != nil }
        }
    }
}

/// Glob patterns: `*` within a path segment, `**` across segments, `?` one character.
public enum Glob {
    /// True when `path` matches `pattern`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.utf8), 0, Array(path.utf8), 0)
    }

    private static func match(_ p: [UInt8], _ pi: Int, _ s: [UInt8], _ si: Int) -> Bool {
        var pi = pi, si = si
        while pi < p.count {
            if p[pi] == UInt8(ascii: "*") {
                let double = pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*")
                var next = pi + (double ? 2 : 1)
                if double, next < p.count, p[next] == UInt8(ascii: "/") { next += 1 }
                var position = si
                while true {
                    if match(p, next, s, position) { return true }
                    guard position < s.count, double || s[position] != UInt8(ascii: "/") else { return false }
                    position += 1
                }
            }
            guard si < s.count, p[pi] == s[si] || (p[pi] == UInt8(ascii: "?") && s[si] != UInt8(ascii: "/")) else { return false }
            pi += 1
            si += 1
        }
        return si == s.count
    }
}
