/// P104: a test reaches a host outside the container.
struct NetworkAccessRule: LintRule {
    static let description = RuleDescription(
        id: "P104", name: "network-access", title: "A test reaches a host outside the container",
        severity: .error,
        rationale: """
            Tests run "in the same container after the agent completes the task" and the pipeline wants \
            "consistent, reproducible outcomes"; Harbor tasks often run with network_mode = "no-network". A \
            test that calls a public host fails offline, flakes with the service and checks something the agent \
            did not build. Loopback, 0.0.0.0 and service names without dots (`redis`, `app`) are fine. The rule \
            follows URLs passed to requests, httpx, urllib, aiohttp, http.client, socket and subprocess calls, \
            through module constants (`BASE_URL = "https://…"`), fixtures and helpers that make such calls.
            """,
        triggering: [
            RuleExample(files: ["tests.py": """
                import requests

                def test_rates():
                    \"\"\"Rates come from the live API.\"\"\"
                    response = requests.get("https://api.exchangerate.host/latest", timeout=5)
                    assert response.status_code == 200
                """]),
            RuleExample(files: ["tests.py": """
                import os
                import httpx

                BASE_URL = os.environ.get("BASE_URL", "https://staging.example.com")

                def test_health():
                    assert httpx.get(f"{BASE_URL}/health").status_code == 200
                """]),
            RuleExample(files: ["tests.py": """
                import socket

                def test_dns():
                    with socket.create_connection(("pypi.org", 443), timeout=2):
                        pass
                """]),
            RuleExample(files: ["tests.py": """
                import urllib.request

                def fetch(url):
                    return urllib.request.urlopen(url).read()

                def test_feed():
                    assert fetch("http://feeds.example.org/rss")
                """]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": """
                import os
                import requests

                APP_HOST = os.environ.get("APP_HOST", "127.0.0.1")
                BASE_URL = f"http://{APP_HOST}:8000"

                def test_limit():
                    assert requests.get(BASE_URL + "/api/usage").status_code == 429
                    assert requests.get("http://localhost:8000/health").ok
                    assert requests.get("http://gateway:8080/v1/ping").ok
                """]),
            RuleExample(files: ["tests.py": """
                import requests

                def test_shortener():
                    response = requests.post("http://127.0.0.1:8000/shorten", json={"url": "https://example.com/a/long/path"})
                    assert response.json()["target"] == "https://example.com/a/long/path"
                """]),
            RuleExample(files: ["tests.py": """
                def test_links():
                    html = render_page()
                    assert "https://docs.python.org/3/" in html
                """]),
        ])

    /// Call prefixes (resolved) that open connections.
    private static let clientPrefixes = [
        "requests.", "httpx.", "urllib.request.", "urllib3.", "aiohttp.", "http.client.", "socket.", "websocket.",
        "websockets.", "subprocess.", "os.system", "os.popen", "pycurl.",
    ]
    /// Method names that make a request on a client object (`session.get`, `client.post`).
    private static let requestMethods: Set<Substring> = [
        "get", "post", "put", "patch", "delete", "head", "options", "request", "urlopen", "connect", "create_connection",
        "stream", "ws_connect", "send",
    ]
    /// Modules whose import makes `x.get(...)`-style calls likely requests.
    private static let clientModules: Set<Substring> = [
        "requests", "httpx", "urllib", "urllib3", "aiohttp", "http", "socket", "websocket", "websockets",
    ]
    /// How many names are followed from a call to the constants and helpers behind it.
    private static let maximumHops = 3

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            var reported: Set<SourcePosition> = []
            let hasClient = module.imports.contains { Self.clientModules.contains($0.module.prefix { $0 != "." }) }
            let isDirect = { (call: PythonCall) in Self.isDirectNetworkCall(call, hasClient: hasClient) }
            let helpers = Set(module.functions.filter { $0.calls.contains(where: isDirect) }.map(\.name))
            var flow = LiteralFlow(module)
            let scopes = [(module.body, nil as PythonFunction?)] + module.classes.map { ($0.body, nil) }
                + module.functions.map { ($0.body, $0) }
            for (body, function) in scopes {
                for call in body.calls {
                    let direct = isDirect(call)
                    guard direct || helpers.contains(call.callee) else { continue }
                    let destinations = Self.destinations(of: call, isHelper: !direct)
                    let literals = Self.literals(reaching: destinations, in: body, function: function, flow: &flow)
                    let bareHosts = call.calls("create_connection") || call.calls("connect") || call.calls("getaddrinfo")
                        || call.calls("gethostbyname") || call.calls("HTTPConnection") || call.calls("HTTPSConnection")
                    for literal in literals where !reported.contains(literal.range.start) {
                        guard let host = Self.externalHost(literal.value, bareHostAllowed: bareHosts) else { continue }
                        reported.insert(literal.range.start)
                        sink.report(
                            "the test reaches \(host) outside the container; tests must run offline against local services",
                            in: file, at: literal.range,
                            hint: "serve the data from a stub or a file inside the container and use 127.0.0.1 or a service name")
                    }
                }
            }
        }
    }

    private static func isDirectNetworkCall(_ call: PythonCall, hasClient: Bool) -> Bool {
        let name = call.resolvedCallee
        if clientPrefixes.contains(where: { name.hasPrefix($0) }) { return true }
        guard hasClient, let dot = call.callee.lastIndex(of: ".") else { return false }
        return requestMethods.contains(call.callee[call.callee.index(after: dot)...])
    }

    /// The host a literal reaches when it is not a local one: a URL's host, or (for socket-style
    /// calls) a bare host name.
    private static func externalHost(_ value: String, bareHostAllowed: Bool) -> Substring? {
        if let url = LiteralReferences.url(value[...]) {
            return LiteralReferences.isLocalHost(url.host) ? nil : url.host
        }
        let bare = value[...]
        guard bareHostAllowed, LiteralReferences.looksLikeHost(bare), !LiteralReferences.isLocalHost(bare) else { return nil }
        return bare
    }

    /// Keywords whose argument is where a call connects to.
    private static let destinationKeywords: Set<String> = ["url", "base_url", "host", "address", "endpoint", "uri"]

    /// The arguments of `call` that say where it connects: for a client call its URL (the first
    /// argument, both for `request(method, url)`, or a `url=`-like keyword), for a command every
    /// argument, for a helper every positional argument that is not a dict or list payload.
    private static func destinations(of call: PythonCall, isHelper: Bool) -> [SourceRange] {
        let resolved = call.resolvedCallee
        if resolved.hasPrefix("subprocess.") || resolved.hasPrefix("os.") { return call.arguments.map(\.range) }
        let keyworded = call.arguments.filter { $0.keyword.map(destinationKeywords.contains) ?? false }
        let positional = call.arguments.filter { $0.keyword == nil && !$0.text.hasPrefix("*") }
        if isHelper {
            return (positional.filter { !$0.text.hasPrefix("{") && !$0.text.hasPrefix("[") } + keyworded).map(\.range)
        }
        let count = call.callee.hasSuffix("request") ? 2 : 1
        return (positional.prefix(count) + keyworded).map(\.range)
    }

    /// The string literals that flow into the `destinations` of a call: those written there, and
    /// those of the assignments and functions whose names they use, followed for a few hops.
    private static func literals(
        reaching destinations: [SourceRange], in body: PythonBodySummary, function: PythonFunction?, flow: inout LiteralFlow
    ) -> [PythonStringConstant] {
        let inside = { (range: SourceRange) in destinations.contains { $0.encloses(range) } }
        var found = body.stringLiterals.filter { inside($0.range) }
        var frontier = body.names.filter { inside($0.range) }.map(\.name)
        var seen = Set(frontier)
        for _ in 0..<maximumHops where !frontier.isEmpty {
            var next: [String] = []
            for name in frontier {
                let reached = flow.sources(of: name, in: function)
                found += reached.literals
                for reference in reached.names where seen.insert(reference).inserted { next.append(reference) }
            }
            frontier = next
        }
        return found
    }
}

/// Where a name used in test code gets its value, as the string literals and names written
/// there: assignments to it in the function or at module level (`BASE_URL = "https://…"`), and
/// the module-level function of that name (a fixture or helper; only its URL literals). Module-level
/// answers are computed once per name.
private struct LiteralFlow {
    private let module: PythonBodySummary
    private let moduleLiterals: [PythonStringConstant]
    private let moduleAssignments: [String: [PythonAssignment]]
    private let functions: [String: [PythonFunction]]
    private var cache: [String: (literals: [PythonStringConstant], names: [String])] = [:]

    init(_ module: PythonModule) {
        self.module = module.body
        moduleLiterals = module.body.stringLiterals.sorted { $0.range.start < $1.range.start }
        moduleAssignments = Dictionary(grouping: module.body.assignments, by: \.target)
        functions = Dictionary(grouping: module.functions.filter { $0.enclosingClassIndex == nil }, by: \.name)
    }

    /// The literals and names that give `name` its value, seen from `function` (nil at module level).
    mutating func sources(of name: String, in function: PythonFunction?) -> (literals: [PythonStringConstant], names: [String]) {
        var literals: [PythonStringConstant] = []
        var names: [String] = []
        if let body = function?.body {
            for assignment in body.assignments where assignment.target == name {
                literals += body.stringLiterals.filter { assignment.range.encloses($0.range) }
                names += body.names.filter { assignment.range.encloses($0.range) }.map(\.name)
            }
        }
        let global = moduleSources(of: name)
        return (literals + global.literals, names + global.names)
    }

    private mutating func moduleSources(of name: String) -> (literals: [PythonStringConstant], names: [String]) {
        if let known = cache[name] { return known }
        var literals: [PythonStringConstant] = []
        var names: [String] = []
        for assignment in moduleAssignments[name] ?? [] {
            literals += literalsWithin(assignment.range)
            names += module.names.filter { assignment.range.encloses($0.range) }.map(\.name)
        }
        for helper in functions[name] ?? [] {
            literals += helper.stringLiterals.filter { LiteralReferences.url($0.value[...]) != nil }
            names += helper.names.map(\.name)
        }
        cache[name] = (literals, names)
        return (literals, names)
    }

    /// The module-level literals inside `range` (binary search in source order).
    private func literalsWithin(_ range: SourceRange) -> [PythonStringConstant] {
        var low = 0
        var high = moduleLiterals.count
        while low < high {
            let middle = (low + high) / 2
            if moduleLiterals[middle].range.start < range.start { low = middle + 1 } else { high = middle }
        }
        var found: [PythonStringConstant] = []
        while low < moduleLiterals.count, moduleLiterals[low].range.start < range.end {
            if range.encloses(moduleLiterals[low].range) { found.append(moduleLiterals[low]) }
            low += 1
        }
        return found
    }
}
