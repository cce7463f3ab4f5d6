/// An image Harbor pulls rather than builds: task.toml's `docker_image` (the agent's, a separate
/// verifier's, a step's verifier's) or a compose service's `image:` without `build:`.
struct PulledImage {
    /// The file that names it.
    let file: LintFile
    /// The field, as findings name it (`[environment] docker_image`, `services.db.image`).
    let label: String
    /// The image, split into its parts; its range is where it is written.
    let image: DockerImageReference

    /// Splits `written` (with variables already substituted into `resolved`) into an image reference.
    init(file: LintFile, label: String, written: String, resolved: String, range: SourceRange) {
        self.file = file
        self.label = label
        let parts = DockerImageReference.components(of: resolved)
        image = DockerImageReference(
            raw: written, resolved: resolved, registry: parts.registry, repository: parts.repository, tag: parts.tag, digest: parts.digest,
            range: range)
    }
}

extension LintTarget {
    /// The images the task pulls, in file order; images set by variables and `scratch` are left out.
    var pulledImages: [PulledImage] {
        var result: [PulledImage] = []
        if let (file, document) = parsedTaskConfig {
            var tables: [(label: String, table: TOMLTable?)] = [
                ("[environment]", document["environment"]?.tableValue),
                ("[verifier.environment]", document["verifier"]?.tableValue?["environment"]?.tableValue),
            ]
            for (index, step) in (document["steps"]?.arrayValue ?? []).compactMap(\.tableValue).enumerated() {
                tables.append(("[[steps]] #\(index + 1) verifier.environment", step["verifier"]?.tableValue?["environment"]?.tableValue))
            }
            for (label, table) in tables {
                guard let entry = table?.entry(for: "docker_image"), let written = entry.value.stringValue, Self.isJudged(written) else { continue }
                result.append(PulledImage(file: file, label: "\(label) docker_image", written: written, resolved: written, range: entry.valueRange))
            }
        }
        for compose in readComposeFiles {
            for service in compose.services where service.node["build"] == nil {
                guard let node = service.node["image"], let written = node.stringValue,
                    case .text(let resolved) = compose.interpolation.interpolate(written), Self.isJudged(resolved)
                else { continue }
                result.append(PulledImage(file: compose.file, label: "\(service.label).image", written: written, resolved: resolved, range: node.range))
            }
        }
        return result
    }

    private static func isJudged(_ image: String) -> Bool {
        !image.isEmpty && !image.contains("$") && image != "scratch"
    }
}
