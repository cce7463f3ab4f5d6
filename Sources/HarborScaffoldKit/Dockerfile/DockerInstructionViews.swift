/// The typed view of `USER user[:group]`.
public struct DockerUser: Sendable, Hashable {
    /// The user name or UID.
    public var user: String
    /// The group name or GID, if given.
    public var group: String?
    /// Where the argument is.
    public var range: SourceRange

    /// True when the user is `root` or UID `0`.
    public var isRoot: Bool { user == "root" || user == "0" }
}

/// One port of an `EXPOSE` instruction (`80`, `443/tcp`, `8000-8010/udp`).
public struct DockerPort: Sendable, Hashable {
    /// The port as written.
    public var text: String
    /// The (first) port number; nil when not a number (for example a `$VARIABLE`).
    public var port: Int?
    /// The last port of a range (`8010` in `8000-8010`).
    public var endPort: Int?
    /// The protocol, lowercased (`tcp` when not written).
    public var transport: String
    /// Where the port is written.
    public var range: SourceRange
}

/// The typed view of `HEALTHCHECK`.
public struct DockerHealthcheck: Sendable, Hashable {
    /// True for `HEALTHCHECK NONE`.
    public var isDisabled: Bool
    /// The options (`--interval`, `--timeout`, `--start-period`, `--start-interval`, `--retries`).
    public var options: [DockerFlag]
    /// The command after `CMD`; nil for `NONE` or when `CMD` is missing.
    public var command: DockerInstructionForm?
}

extension DockerInstruction {
    /// `USER`: the user and optional group; nil for other keywords or without arguments.
    public var user: DockerUser? {
        guard keyword == "USER", let word = argumentWords.first else { return nil }
        let parts = word.value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        return DockerUser(
            user: parts.first.map(String.init) ?? "", group: parts.count > 1 ? String(parts[1]) : nil,
            range: word.range)
    }

    /// `WORKDIR`: the directory (quotes removed); nil for other keywords.
    public var workdir: String? {
        guard keyword == "WORKDIR", !argumentWords.isEmpty else { return nil }
        return argumentWords.map(\.value).joined(separator: " ")
    }

    /// `EXPOSE`: the ports; empty for other keywords.
    public var exposedPorts: [DockerPort] {
        guard keyword == "EXPOSE" else { return [] }
        return argumentWords.map { word in
            let parts = word.value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let numbers = (parts.first ?? "").split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            return DockerPort(
                text: word.value, port: numbers.first.flatMap { Int($0) },
                endPort: numbers.count > 1 ? Int(numbers[1]) : nil,
                transport: parts.count > 1 ? parts[1].lowercased() : "tcp", range: word.range)
        }
    }

    /// `HEALTHCHECK`: `NONE` or the options and command; nil for other keywords.
    public var healthcheck: DockerHealthcheck? {
        guard keyword == "HEALTHCHECK" else { return nil }
        guard let first = argumentWords.first else {
            return DockerHealthcheck(isDisabled: false, options: flags, command: nil)
        }
        if first.value.uppercased() == "NONE" {
            return DockerHealthcheck(isDisabled: true, options: flags, command: nil)
        }
        guard first.value.uppercased() == "CMD" else {
            return DockerHealthcheck(isDisabled: false, options: flags, command: nil)
        }
        let utf8 = Array(arguments.utf8)
        let restStart = min(first.localRange.upperBound, utf8.count)
        let rest = Array(utf8[restStart...])
        if let list = DockerJSONArray.parse(rest[...]) {
            return DockerHealthcheck(isDisabled: false, options: flags, command: .exec(list.map(\.value)))
        }
        let text = ShellByte.trimmingBlanks(Substring(String(decoding: rest, as: UTF8.self)))
        return DockerHealthcheck(isDisabled: false, options: flags, command: .shell(text))
    }

    /// `SHELL`: the new shell when written in exec form; nil otherwise.
    public var shellOverride: [String]? {
        guard keyword == "SHELL" else { return nil }
        return form.execArguments
    }

    /// `ONBUILD`: the keyword of the trigger instruction, uppercased (`RUN` in `ONBUILD RUN make`).
    public var onbuildKeyword: String? {
        guard keyword == "ONBUILD", let first = argumentWords.first else { return nil }
        return first.value.uppercased()
    }
}
