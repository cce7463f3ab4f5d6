import Foundation

/// The blueprint files: built in, optionally overlaid by a user's folder (`--blueprints DIR`), whose
/// files win over built-in ones of the same path.
public struct BlueprintLibrary: Sendable {
    /// Every file by path relative to the blueprint root.
    public let files: [String: String]
    /// Paths that came from the user's folder.
    public let overridden: Set<String>
    /// The stacks, by id order.
    public let stacks: [StackBlueprint]
    /// The services, by id order.
    public let services: [ServiceBlueprint]

    /// The blueprints shipped inside the binary.
    public static func builtIn() throws(BlueprintError) -> BlueprintLibrary {
        try BlueprintLibrary(files: EmbeddedBlueprints.files, overridden: [])
    }

    /// The built-in blueprints overlaid by the files under `directory`.
    public static func overlaid(by directory: String) throws(BlueprintError) -> BlueprintLibrary {
        var files = EmbeddedBlueprints.files
        var overridden = Set<String>()
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard WorkspaceLocator.isFolder(root.path) else { throw BlueprintError("--blueprints '\(directory)' is not a folder") }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                !url.lastPathComponent.hasPrefix(".")
            else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            do {
                files[relative] = try TextFileReader().read(url.path, displayPath: relative).text
            } catch {
                throw BlueprintError("\(directory)/\(relative): \(error.message)")
            }
            overridden.insert(relative)
        }
        return try BlueprintLibrary(files: files, overridden: overridden)
    }

    init(files: [String: String], overridden: Set<String>) throws(BlueprintError) {
        self.files = files
        self.overridden = overridden
        var stacks: [StackBlueprint] = []
        var services: [ServiceBlueprint] = []
        for path in files.keys.sorted() {
            let parts = path.split(separator: "/")
            guard parts.count == 3 else { continue }
            if parts[0] == "stacks", parts[2] == "blueprint.json" {
                stacks.append(try Self.decode(StackBlueprint.self, files[path] ?? "", path: path))
            } else if parts[0] == "services", parts[2] == "service.json" {
                var service = try Self.decode(ServiceBlueprint.self, files[path] ?? "", path: path)
                service.setup = files["services/\(parts[1])/setup.Dockerfile"] ?? ""
                service.start = files["services/\(parts[1])/start.sh"] ?? ""
                services.append(service)
            }
        }
        self.stacks = stacks
        self.services = services
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, path: String) throws(BlueprintError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw BlueprintError("\(path): invalid blueprint JSON (\(error))")
        }
    }

    /// The parsed template at `path`.
    public func template(_ path: String) throws(BlueprintError) -> Template {
        guard let text = files[path] else { throw BlueprintError("missing blueprint file '\(path)'") }
        do {
            return try Template(text, name: path)
        } catch {
            throw BlueprintError(error.description)
        }
    }

    /// Renders the template at `path`.
    public func render(_ path: String, _ context: [String: TemplateValue]) throws(BlueprintError) -> String {
        let parsed = try template(path)
        do {
            return try parsed.render(context)
        } catch {
            throw BlueprintError(error.description)
        }
    }
}

/// A blueprint that cannot be loaded or rendered.
public struct BlueprintError: Error, Equatable, Sendable {
    /// What is wrong, naming the blueprint file.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
