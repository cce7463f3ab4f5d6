/// C304: a credential written into the Dockerfile (`ENV`/`ARG` default, URL password, or a token in a `RUN`).
struct SecretInEnvRule: LintRule {
    static let description = RuleDescription(
        id: "C304", name: "secret-in-env", title: "A real-looking credential is baked into the image", severity: .error,
        rationale: """
            `ENV` values and `ARG` defaults are stored in the image and its history, and task folders are shared: \
            a real API key or token there is leaked to every agent run and every reader of the data set. A value \
            counts as real when a secret-named variable (…TOKEN, …SECRET, …PASSWORD, …API_KEY, …ACCESS_KEY, \
            …PRIVATE_KEY) holds 12 or more characters mixing letter cases, digits or symbols, or when any value \
            starts like a known token (`sk-`, `ghp_`, `github_pat_`, `AKIA`, `xoxb-`, `glpat-`, `hf_`); URL \
            passwords and tokens in `RUN` lines are checked the same way. Fixed local development credentials \
            such as `POSTGRES_PASSWORD=app` or `postgresql://app:app@127.0.0.1/app` are fine. Pass real secrets at \
            run time through task.toml's `env` tables. Applies to `tests/Dockerfile` too.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nENV STRIPE_API_KEY=sk_live_51HqT9xKQ2bYv8RzLmN4pW7eF\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nARG NPM_TOKEN=npm_8fJ2kQ9xLmP4vR7tW1yZ3bN6cD0eH5gA\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nENV DATABASE_URL=postgresql://billing:Vq7#pL2x!Rm9zT@db.internal.example.com:5432/billing\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN curl -H \"Authorization: token ghp_R2d4T6f8H0j2K4l6N8p0Q2s4U6w8Y0a2C4e6\" -fsSLo /tmp/x https://api.github.com/repos/org/x\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nENV POSTGRES_PASSWORD=app DATABASE_URL=postgresql://app:app@127.0.0.1:5432/app PGPASSFILE=/etc/postgresql-common/pgpass\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nARG GITHUB_TOKEN\nENV API_KEY=${API_KEY} JWT_SECRET=change-me-in-production SECRET_KEY_FILE=/run/secrets/django_key\n"]),
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nENV ACCESS_TOKEN_TTL_SECONDS=3600 TOKEN_HEADER=X-Api-Token\nRUN echo task-runner-disk-usage-report-generator > /etc/motd\n"]),
        ])

    /// Parts of variable names that say the value is a secret.
    static let secretNames = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "AUTH_KEY"]
    /// Name endings whose value is a reference to a secret, not the secret.
    static let referenceSuffixes = ["_FILE", "_PATH", "_DIR", "_URL", "_HEADER", "_NAME"]
    /// Prefixes of well-known token formats, with the number of characters that must follow.
    static let tokenPrefixes: [(prefix: String, minimumRest: Int)] = [
        ("sk-", 20), ("sk_live_", 16), ("rk_live_", 16), ("ghp_", 30), ("gho_", 30), ("ghs_", 30), ("github_pat_", 30),
        ("AKIA", 16), ("ASIA", 16), ("xoxb-", 20), ("xoxp-", 20), ("glpat-", 20), ("hf_", 30), ("npm_", 30), ("pypi-", 40),
        ("AIza", 30),
    ]
    /// The first bytes of ``tokenPrefixes``.
    static let tokenInitials = Set(tokenPrefixes.compactMap(\.prefix.utf8.first))
    /// Words in a value that mark it as a placeholder.
    static let placeholders = ["changeme", "change-me", "change_me", "example", "placeholder", "dummy", "your", "xxxx", "fake", "sample", "redacted", "replace", "insecure"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for dockerfile in target.dockerfiles(includingVerifier: true) {
            for instruction in dockerfile.parsed.instructionsWithTriggers {
                switch instruction.keyword {
                case "ENV", "ARG":
                    for pair in instruction.keyValues {
                        guard let value = pair.value, !value.contains("$"), let reason = Self.secretReason(name: pair.key, value: value) else { continue }
                        sink.report(
                            "\(instruction.keyword) \(pair.key) holds \(reason), stored in the image and its history",
                            in: dockerfile.file, at: pair.keyRange,
                            hint: "remove the value; pass the secret at run time through task.toml ([environment] env, [verifier] env) or a build secret (RUN --mount=type=secret)")
                    }
                case "RUN":
                    for command in instruction.runCommands {
                        for word in command.words where !word.hasExpansion {
                            guard let token = Self.knownToken(in: word.text) else { continue }
                            sink.report(
                                "RUN contains what looks like a \(token) token, stored in the image history", in: dockerfile.file,
                                at: dockerfile.parsed.range(of: word),
                                hint: "pass it as a build secret (RUN --mount=type=secret,id=token) and read it from /run/secrets/token")
                        }
                    }
                default:
                    break
                }
            }
        }
    }

    /// Why `value` of variable `name` is a real-looking secret, or nil.
    static func secretReason(name: String, value: String) -> String? {
        if let token = knownToken(in: value) { return "what looks like a \(token) token" }
        if let password = urlPassword(in: value), looksReal(password) { return "a URL with a real-looking password" }
        let upper = name.uppercased()
        guard secretNames.contains(where: { upper.contains($0) }), !referenceSuffixes.contains(where: { upper.hasSuffix($0) }),
            looksReal(value)
        else { return nil }
        return "a real-looking credential"
    }

    /// 12 or more characters of at least three classes (lower, upper, digit, symbol), or 20 or more of two
    /// classes including digits, and no placeholder word.
    static func looksReal(_ value: String) -> Bool {
        let lower = value.lowercased()
        guard value.count >= 12, !value.contains(" "), !placeholders.contains(where: { lower.contains($0) }) else { return false }
        let hasLower = value.contains(where: \.isLowercase)
        let hasUpper = value.contains(where: \.isUppercase)
        let hasDigit = value.contains(where: \.isNumber)
        let hasSymbol = value.contains { !$0.isLetter && !$0.isNumber }
        let classes = [hasLower, hasUpper, hasDigit, hasSymbol].filter { $0 }.count
        return classes >= 3 || (value.count >= 20 && classes >= 2 && hasDigit)
    }

    /// The password of `scheme://user:password@host…`, if any.
    static func urlPassword(in value: String) -> String? {
        guard let scheme = value.range(of: "://") else { return nil }
        let rest = value[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let credentials = rest[..<at]
        guard !credentials.contains("/"), let colon = credentials.firstIndex(of: ":") else { return nil }
        return String(credentials[credentials.index(after: colon)...])
    }

    /// The kind of well-known token (`ghp_`) that starts a word inside `text`, if any: the prefix must not
    /// follow a letter or digit, and enough letters, digits, `_` or `-` (at least one digit) must follow it.
    static func knownToken(in text: String) -> String? {
        guard text.utf8.count >= 20 else { return nil }
        let bytes = Array(text.utf8)
        func isWordByte(_ byte: UInt8) -> Bool { ShellByte.isAlphanumeric(byte) || byte == ShellByte.underscore || byte == ShellByte.minus }
        for start in bytes.indices where tokenInitials.contains(bytes[start]) && (start == 0 || !ShellByte.isAlphanumeric(bytes[start - 1])) {
            for (prefix, minimumRest) in tokenPrefixes {
                let head = prefix.utf8
                guard bytes[start] == head.first, start + head.count + minimumRest <= bytes.count,
                    bytes[start..<(start + head.count)].elementsEqual(head)
                else { continue }
                var end = start + head.count
                var hasDigit = false
                while end < bytes.count, isWordByte(bytes[end]) {
                    hasDigit = hasDigit || ShellByte.isDigit(bytes[end])
                    end += 1
                }
                if end - start - head.count >= minimumRest, hasDigit { return prefix }
            }
        }
        return nil
    }
}
