/// D404: the solution or its tests need the internet or a live third-party service after the build.
struct NetworkAtTestTimeRule: DraftRule {
    static let description = RuleDescription(
        id: "D404", name: "network-at-test-time", title: "Tests need the internet or a live third-party API",
        severity: .error,
        rationale: """
            The pipeline assumes "network access during build but consider offline scenarios for tasks", wants \
            "consistent, reproducible outcomes" and runs tests "in the same container after the agent completes \
            the task". Live third-party APIs need credentials, change and fail; public URLs make tests flaky. \
            Local mocks and stubs inside the container are fine.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Tests create a customer through the live Stripe API and verify that the gateway charges it once per tenant.",
            ]),
            DraftExample.with([
                .testing: "Tests download the tenant plans from https://plans.example-billing.io/v2/plans.json and compare the limits.",
            ]),
            DraftExample.with([
                .instructions: "The gateway fetches quota overrides from the GitHub API at startup; make limits apply per tenant using them.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests drive a mocked Stripe API (WireMock in the container) and verify that the gateway charges each tenant once; they run without network access.",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with FastAPI, Redis and PostgreSQL, all installed from the internet at build time; a fake S3 server (MinIO) runs in the container.",
                .testing: "Tests upload reports to the S3 bucket, then verify that requests beyond the tenant's limit return 429 with a Retry-After header.",
            ]),
            DraftExample.with([
                .instructions: "The gateway verifies signatures of Stripe API webhooks; make limits apply per tenant and keep http://localhost:8000/health unlimited.",
            ]),
        ])

    private static let kinds: Set<DraftFieldKind> = [.task, .instructions, .environmentSetup, .testing]

    /// Third-party services, each with the phrases that name it.
    private static let providers: [[String]] = [
        ["stripe"], ["github"], ["gitlab"], ["openai"], ["anthropic"], ["twilio"], ["sendgrid"], ["mailgun"],
        ["aws", "amazon web services", "s3", "amazon s3", "aws s3", "sqs", "aws sqs", "dynamodb", "aws lambda"],
        ["google cloud", "gcp", "gcs", "google cloud storage", "bigquery"], ["google maps"], ["azure"], ["slack"],
        ["paypal"], ["shopify"], ["salesforce"], ["firebase"], ["auth0"], ["okta"], ["plaid"], ["braintree"],
        ["cloudflare"], ["hugging face", "huggingface"], ["dropbox"], ["twitter"], ["discord"], ["telegram"],
        ["openweathermap"],
    ]

    private static let providerNames = providers.flatMap { $0 }
    private static let providerOwner: [Int] = providers.indices.flatMap { index in providers[index].map { _ in index } }

    /// Sentences that place the service in the container or replace it are fine.
    private static let mockWords = [
        "mock", "mocks", "mocked", "mocking", "stub", "stubs", "stubbed", "fake", "fakes", "faked", "simulate",
        "simulates", "simulated", "simulator", "emulate", "emulates", "emulated", "emulator", "local", "locally",
        "localhost", "localstack", "wiremock", "moto", "minio", "in the container", "inside the container",
        "same container", "recorded", "replayed", "replay", "replays", "cassette", "cassettes", "vcr", "offline",
        "test double", "test doubles", "compatible",
    ]

    /// Network during the build is allowed.
    private static let buildWords = [
        "build", "built", "build time", "install", "installs", "installed", "installing", "installation", "apt",
        "pip", "npm", "package", "packages", "image", "dependencies",
    ]

    private static let mocks = PhraseSet(mockWords)
    private static let providerSet = PhraseSet(providerNames)

    /// The internet or unnamed external services.
    private static let internet = FlagPhrases(
        [
            "the internet", "public internet", "internet access", "internet connection", "internet connectivity",
            "network access", "network connection", "network connectivity", "external network", "outbound network",
            "external api", "external apis", "external service", "external services", "third party api",
            "third party apis", "third party service", "third party services", "remote api", "remote apis",
            "online service", "online api",
        ],
        excuses: mockWords + buildWords)

    /// A provider or external service called live: `the real Stripe API`, `live S3`, `Stripe's sandbox`.
    private static let live = FlagPhrases(
        ["live", "real", "actual", "production", "public"].flatMap { qualifier in providerNames.map { "\(qualifier) \($0)" } }
            + providerNames.flatMap { ["\($0) sandbox", "\($0) test mode", "\($0) s sandbox"] },
        excuses: mockWords)

    /// A provider's API (`GitHub API`, `Stripe's API`, `S3 bucket`) with the provider each phrase names.
    private static let calledPhrases: [(phrase: String, provider: Int)] = providerNames.indices.flatMap { index in
        let name = providerNames[index]
        return (["api", "apis", "endpoint", "endpoints", "service", "servers", "bucket", "buckets"].map { "\(name) \($0)" }
            + ["\(name) s api"]).map { ($0, providerOwner[index]) }
    }

    /// A provider's API named where something calls it.
    private static let called = FlagPhrases(
        calledPhrases.map(\.phrase),
        needs: [
            "call", "calls", "calling", "called", "query", "queries", "querying", "hit", "hits", "hitting", "fetch",
            "fetches", "fetching", "fetched", "reach", "reaches", "connect", "connects", "connecting", "contact",
            "contacts", "pull", "pulls", "push", "pushes", "upload", "uploads", "uploaded", "download", "downloads",
            "post", "posts", "send", "sends", "against", "sync", "syncs", "retrieve", "retrieves", "read", "reads",
            "write", "writes", "create", "creates",
        ],
        excuses: mockWords)

    /// Verbs that make a URL in Instructions something the solution fetches rather than a reference.
    private static let fetchVerbs = PhraseSet([
        "fetch", "fetches", "fetching", "download", "downloads", "downloading", "call", "calls", "calling", "query",
        "queries", "poll", "polls", "polling", "scrape", "scrapes", "scraping", "crawl", "crawls", "request",
        "requests", "pull", "pulls", "get", "gets", "post", "posts", "sync", "syncs",
    ])

    /// Reports network needs per field: the internet or external services anywhere, a named provider only
    /// in fields that mention one, and public URLs outside Environment Setup (where they are build-time).
    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let (mocked, mentioning) = Self.providers(in: draft)
        for (index, field) in draft.fields.enumerated() where field.kind.map(Self.kinds.contains) ?? true {
            let name = FlagContext.name(field)
            var hits = Self.internet.hits(in: field.tokens)
            if mentioning.contains(index) {
                hits += Self.live.hits(in: field.tokens)
                if field.kind != .environmentSetup {
                    hits += Self.called.hits(in: field.tokens).filter { !mocked.contains(Self.calledPhrases[$0.phrase].provider) }
                }
            }
            var reachedTo = 0
            for hit in hits.sorted(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) where hit.tokens.lowerBound >= reachedTo {
                reachedTo = hit.tokens.upperBound
                sink.report(
                    "\(name) needs '\(FlagContext.quote(draft, field, hit.tokens))' at test time, but tests must run offline and reproducibly",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "run a mock or stub of the service inside the container and say so in Environment Setup")
            }
            if field.kind != .environmentSetup { checkURLs(draft, field, name, into: &sink) }
        }
    }

    /// The providers some sentence of the draft mocks, stubs or runs locally, and the indices of the fields
    /// that name any provider.
    private static func providers(in draft: DraftSpec) -> (mocked: Set<Int>, mentioning: Set<Int>) {
        var mocked: Set<Int> = []
        var mentioning: Set<Int> = []
        for (index, field) in draft.fields.enumerated() {
            for hit in providerSet.matches(in: field.tokens) {
                mentioning.insert(index)
                let sentence = field.tokens.sentence(containing: hit.tokens.lowerBound)
                if mocks.occurs(in: field.tokens, tokens: sentence) { mocked.insert(providerOwner[hit.phrase]) }
            }
        }
        return (mocked, mentioning)
    }

    private static let schemes = [Array("http://".utf8), Array("https://".utf8)]

    private func checkURLs(_ draft: DraftSpec, _ field: DraftField, _ name: String, into sink: inout FindingSink) {
        let bytes = draft.source.bytes
        var judged: (sentence: Int, reaches: Bool)?
        for line in LineScan.proseLines(draft, field) {
            var index = line.lowerBound
            while index < line.upperBound {
                guard bytes[index] == UInt8(ascii: "h"), LineScan.startsWord(bytes, at: index, from: line.lowerBound),
                    let scheme = Self.schemes.first(where: { LineScan.hasFolded($0, at: index, in: bytes, limit: line.upperBound) })
                else {
                    index += 1
                    continue
                }
                let start = index
                let hostStart = start + scheme.count
                var end = hostStart
                while end < line.upperBound, !Self.endsURL(bytes[end]) { end += 1 }
                while end > hostStart, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
                index = max(end, start + 1)
                guard Self.isPublicHost(bytes, hostStart..<end),
                    let token = FlagContext.token(atOrAfter: start, in: field.tokens)
                else { continue }
                let id = field.tokens.sentences[token]
                if judged?.sentence != id {
                    let sentence = field.tokens.sentence(containing: token)
                    let reaches = !Self.mocks.occurs(in: field.tokens, tokens: sentence)
                        && (field.kind == .testing || Self.fetchVerbs.occurs(in: field.tokens, tokens: sentence))
                    judged = (id, reaches)
                }
                guard judged?.reaches == true, !FlagContext.isNegated(token..<(token + 1), in: field.tokens) else { continue }
                sink.report(
                    "\(name) reaches the public URL '\(FlagContext.quote(draft, start..<end))' at test time, but tests must run offline",
                    at: draft.range(start..<end),
                    hint: "serve the data from a file or a stub inside the container")
            }
        }
    }

    private static func endsURL(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "`")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "]")
    }

    /// Domains reserved for examples and tests, internal zones and private names (matched at a dot).
    private static let privateDomains = [
        "local", "internal", "test", "example", "localhost", "invalid", "example.com", "example.org", "example.net",
        "svc", "lan", "docker.internal",
    ].map { Array($0.utf8) }

    private static let privatePrefixes = ["localhost", "127.", "0.0.0.0", "10.", "192.168.", "172.", "[::1]"]
        .map { Array($0.utf8) }

    /// True for a URL whose host has a dot and is not loopback, private or reserved for examples.
    static func isPublicHost(_ bytes: [UInt8], _ url: Range<Int>) -> Bool {
        var hostEnd = url.lowerBound
        while hostEnd < url.upperBound, bytes[hostEnd] != UInt8(ascii: "/"), bytes[hostEnd] != UInt8(ascii: ":"),
            bytes[hostEnd] != UInt8(ascii: "?"), bytes[hostEnd] != UInt8(ascii: "#")
        {
            hostEnd += 1
        }
        let host = url.lowerBound..<hostEnd
        guard host.count > 2, bytes[host].contains(UInt8(ascii: ".")) else { return false }
        if privatePrefixes.contains(where: { LineScan.hasFolded($0, at: host.lowerBound, in: bytes, limit: host.upperBound) }) {
            return false
        }
        if privateDomains.contains(where: { domain in
            let start = host.upperBound - domain.count
            return start >= host.lowerBound && LineScan.hasFolded(domain, at: start, in: bytes, limit: host.upperBound)
                && (start == host.lowerBound || bytes[start - 1] == UInt8(ascii: "."))
        }) {
            return false
        }
        return true
    }
}
