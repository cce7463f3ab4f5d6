/// One `artifacts` entry of task.toml (a path string or an `ArtifactConfig` table), as Harbor's
/// `artifacts.py` normalises it.
struct ArtifactEntry: Equatable {
    /// The container path collected.
    let source: String
    /// Where it goes below the trial's artifacts folder, when not derived from the source.
    let destination: String?
    /// Patterns excluded from a directory.
    let exclude: [String]
    /// The compose service it is collected from (`main` for the agent's container).
    let service: String
    /// Where it is written in task.toml (`nil` for the implicit convention entry).
    let range: SourceRange?

    /// The folder every agent may publish to, collected implicitly on Linux.
    static let convention = ArtifactEntry(source: "/logs/artifacts", destination: nil, exclude: [], service: "main", range: nil)

    /// `entries` after the implicit convention entry, unless one of them already collects that folder
    /// from the agent's container (Harbor's `with_convention_entry`).
    static func withConvention(_ entries: [ArtifactEntry]) -> [ArtifactEntry] {
        let explicit = entries.contains { entry in
            entry.service == convention.service && components(entry.source) == components(convention.source) && entry.source.hasPrefix("/")
        }
        return explicit ? entries : [convention] + entries
    }

    /// The entries of an `artifacts` array; entries that are neither strings nor tables with a string
    /// `source` are skipped (T103 reports them).
    static func entries(of list: TOMLTable.Entry?) -> [ArtifactEntry] {
        guard let list, let items = list.value.arrayValue else { return [] }
        return items.compactMap { item in
            if let source = item.stringValue {
                return ArtifactEntry(source: source, destination: nil, exclude: [], service: "main", range: list.valueRange)
            }
            guard let table = item.tableValue, let source = table.entry(for: "source"), let path = source.value.stringValue else {
                return nil
            }
            let destination = table["destination"]?.stringValue
            return ArtifactEntry(
                source: path, destination: destination?.isEmpty == true ? nil : destination,
                exclude: (table["exclude"]?.arrayValue ?? []).compactMap(\.stringValue),
                service: table["service"]?.stringValue ?? "main", range: source.valueRange)
        }
    }

    /// The path components of a container path (`.`, empty and `..` parts dropped).
    static func components(_ path: String) -> [Substring] {
        path.split(separator: "/").filter { $0 != "." && $0 != ".." }
    }

    /// Where the entry lands below the artifacts folder, as components.
    var output: [Substring] { Self.components(destination ?? source) }

    /// True when `inner` equals `outer` or lies below it.
    static func isWithin(_ inner: [Substring], _ outer: [Substring]) -> Bool {
        inner.count >= outer.count && Array(inner.prefix(outer.count)) == outer
    }

    /// True when an earlier entry already collects this one's source to the same place.
    func isCovered(by prior: ArtifactEntry) -> Bool {
        guard prior.service == service else { return false }
        let priorSource = Self.components(prior.source)
        let ownSource = Self.components(source)
        guard prior.source.hasPrefix("/") == source.hasPrefix("/"), Self.isWithin(ownSource, priorSource) else { return false }
        if ownSource == priorSource, output == prior.output { return prior.exclude == exclude }
        return prior.exclude.isEmpty && output == prior.output + ownSource.dropFirst(priorSource.count)
    }

    /// True when the two entries land on the same place or one inside the other.
    func overlaps(_ other: ArtifactEntry) -> Bool {
        Self.isWithin(output, other.output) || Self.isWithin(other.output, output)
    }

    /// How the entry is named in messages.
    var label: String { "\"\(source)\"" + (destination.map { " (to \"\($0)\")" } ?? "") }
}
