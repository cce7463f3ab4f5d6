/// A stack blueprint's `blueprint.json`: the base image and conventions of one language and framework.
public struct StackBlueprint: Sendable, Decodable, Equatable {
    /// Stable id, e.g. `python-fastapi`.
    public let id: String
    /// Display title, e.g. `Python 3.12 + FastAPI`.
    public let title: String
    /// Draft Languages that may use it.
    public let languages: [String]
    /// The framework it is for (empty for generic ones).
    public let framework: String?
    /// Lowercase phrases that select it when found in the draft.
    public let match: [String]
    /// True for a language's fallback blueprint.
    public let generic: Bool
    /// The base image with its version tag.
    public let baseImage: String
    /// The app's working folder in the image.
    public let workdir: String
    /// The port the app listens on.
    public let appPort: Int
    /// apt packages the stack needs.
    public let aptPackages: [String]
    /// Which key of a service's `packages` applies (python, node, go, rust, java).
    public let servicePackageKey: String
    /// A sentence for the builder about how the stack runs.
    public let notes: String?

    enum CodingKeys: String, CodingKey {
        case id, title, languages, framework, match, generic, workdir, notes
        case baseImage = "base_image", appPort = "app_port", aptPackages = "apt_packages"
        case servicePackageKey = "service_package_key"
    }
}

/// A service blueprint's `service.json` plus its fragments.
public struct ServiceBlueprint: Sendable, Decodable, Equatable {
    /// Stable id, e.g. `postgresql`.
    public let id: String
    /// Display title.
    public let title: String
    /// Lowercase phrases that select it.
    public let match: [String]
    /// The port it listens on.
    public let port: Int
    /// apt packages it needs.
    public let aptPackages: [String]
    /// Environment variables the app and tests use to reach it.
    public let env: [String: String]
    /// Driver packages per language key.
    public let packages: [String: [String]]
    /// A command that succeeds once the service is ready.
    public let readyCheck: String?
    /// Its command-line client, if any.
    public let clientCommand: String?
    /// Dockerfile lines beyond apt packages (`setup.Dockerfile`).
    public var setup: String = ""
    /// Shell lines that start it (`start.sh`).
    public var start: String = ""

    enum CodingKeys: String, CodingKey {
        case id, title, match, port, env, packages
        case aptPackages = "apt_packages", readyCheck = "ready_check", clientCommand = "client_command"
    }
}
