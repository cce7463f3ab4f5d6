/// One entry of a service's `volumes:`, in the short (`./data:/data:ro`) or long
/// (`{type: bind, source: ./data, target: /data, read_only: true}`) syntax, with named volumes that
/// the `local` driver binds to a host folder (`driver_opts: {o: bind, device: /srv}`) seen as binds.
struct ComposeMount {
    /// What is mounted.
    enum Kind: Equatable {
        /// A host path.
        case bind
        /// A named or anonymous volume.
        case volume
        /// tmpfs and the other types, which touch no host path.
        case other
    }

    /// The kind, with local-bind volumes counted as binds.
    let kind: Kind
    /// The host path as written (for a local-bind volume: its `device`), before interpolation.
    let source: String?
    /// Whether the container can only read it.
    let isReadOnly: Bool
    /// The volume entry.
    let range: SourceRange
    /// `services.<name>.volumes[<index>]`.
    let label: String
    /// For a local-bind volume, its name.
    let volumeName: String?

    /// The host path as findings show it: `'./data'`, or `the volume 'seed' (bound to './seed')`.
    var shownSource: String {
        let path = "'\(source ?? "")'"
        return volumeName.map { "the volume '\($0)' (bound to \(path))" } ?? path
    }

    /// A named volume the `local` driver binds to a host folder.
    struct LocalBind {
        /// The `device` as written.
        let device: String
        /// True when the driver options end with `ro`.
        let isReadOnly: Bool
    }

    /// The named volumes of the top-level `volumes:` that bind a host folder.
    static func localBindVolumes(_ node: YAMLNode?, interpolation: ComposeInterpolation) -> [String: LocalBind] {
        var result: [String: LocalBind] = [:]
        for entry in node?.mappingValue ?? [] {
            let volume = entry.value
            guard let name = entry.key.stringValue, volume.mappingValue != nil else { continue }
            let driver = volume["driver"]?.stringValue ?? "local"
            let options = volume["driver_opts"]
            let flags = (options?["o"]?.stringValue ?? "").split(separator: ",").map { String($0).trimmingSpaces }
            guard driver == "local", flags.contains("bind") || flags.contains("rbind"), let device = options?["device"]?.stringValue else { continue }
            let access = flags.last { $0 == "ro" || $0 == "rw" }
            result[name] = LocalBind(device: device, isReadOnly: access == "ro")
        }
        return result
    }

    /// The mounts of `service`, and what docker compose would refuse in them.
    static func mounts(
        of service: YAMLNode, label: String, localBinds: [String: LocalBind], interpolation: ComposeInterpolation
    ) -> ([ComposeMount], [ComposeFile.Problem]) {
        guard let node = service["volumes"], !node.isNull else { return ([], []) }
        guard let items = node.sequenceValue else {
            return ([], [ComposeFile.Problem(message: "`\(label).volumes` must be a list", range: node.range)])
        }
        var mounts: [ComposeMount] = []
        var problems: [ComposeFile.Problem] = []
        for (index, item) in items.enumerated() {
            let itemLabel = "\(label).volumes[\(index)]"
            if let text = item.stringValue {
                mounts.append(short(text, range: item.range, label: itemLabel, localBinds: localBinds, interpolation: interpolation))
            } else if item.mappingValue != nil {
                switch long(item, label: itemLabel, localBinds: localBinds) {
                case .success(let mount): mounts.append(mount)
                case .failure(let problem): problems.append(problem)
                }
            } else {
                problems.append(ComposeFile.Problem(message: "`\(itemLabel)` must be a string or a mapping", range: item.range))
            }
        }
        return (mounts, problems)
    }

    /// `SOURCE:TARGET[:MODE]` or just `TARGET` (an anonymous volume).
    private static func short(
        _ text: String, range: SourceRange, label: String, localBinds: [String: LocalBind], interpolation: ComposeInterpolation
    ) -> ComposeMount {
        let parts = splitOutsideBraces(text)
        guard parts.count >= 2 else {
            return ComposeMount(kind: .volume, source: nil, isReadOnly: false, range: range, label: label, volumeName: nil)
        }
        let source = parts[0]
        let modes = parts.count > 2 ? parts[2].split(separator: ",").map(String.init) : []
        let readOnly = modes.contains("ro")
        if isHostPath(source, interpolation: interpolation) {
            return ComposeMount(kind: .bind, source: source, isReadOnly: readOnly, range: range, label: label, volumeName: nil)
        }
        if let bind = localBinds[source] {
            return ComposeMount(
                kind: .bind, source: bind.device, isReadOnly: readOnly || bind.isReadOnly, range: range, label: label, volumeName: source)
        }
        return ComposeMount(kind: .volume, source: source, isReadOnly: readOnly, range: range, label: label, volumeName: nil)
    }

    /// The long syntax: `type`, `source`, `target`, `read_only`.
    private static func long(_ item: YAMLNode, label: String, localBinds: [String: LocalBind]) -> Result<ComposeMount, ComposeFile.Problem> {
        guard let type = item["type"]?.stringValue else {
            return .failure(ComposeFile.Problem(message: "`\(label)` needs a `type` (bind, volume, tmpfs…)", range: item.range))
        }
        let source = item["source"]?.stringValue
        let readOnly = item["read_only"]?.boolValue ?? false
        switch type {
        case "bind":
            guard let source, !source.isEmpty else {
                return .failure(ComposeFile.Problem(message: "`\(label)` is a bind mount without a `source`", range: item.range))
            }
            return .success(ComposeMount(kind: .bind, source: source, isReadOnly: readOnly, range: item.range, label: label, volumeName: nil))
        case "volume":
            if let source, let bind = localBinds[source] {
                return .success(
                    ComposeMount(
                        kind: .bind, source: bind.device, isReadOnly: readOnly || bind.isReadOnly, range: item.range, label: label,
                        volumeName: source))
            }
            return .success(ComposeMount(kind: .volume, source: source, isReadOnly: readOnly, range: item.range, label: label, volumeName: nil))
        default:
            return .success(ComposeMount(kind: .other, source: source, isReadOnly: readOnly, range: item.range, label: label, volumeName: nil))
        }
    }

    /// Docker compose treats a short-syntax source as a host path when it starts with `.`, `/` or
    /// `~` once interpolated; anything else names a volume.
    private static func isHostPath(_ source: String, interpolation: ComposeInterpolation) -> Bool {
        switch interpolation.interpolate(source) {
        case .runtimePath, .hostDependent: return true
        case .text(let text): return text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~")
        }
    }

    /// `text` split at `:` outside `${…}`.
    static func splitOutsideBraces(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var previous: Character?
        for character in text {
            if character == "{", previous == "$" { depth += 1 }
            if character == "}", depth > 0 { depth -= 1 }
            if character == ":", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        parts.append(current)
        return parts
    }
}
