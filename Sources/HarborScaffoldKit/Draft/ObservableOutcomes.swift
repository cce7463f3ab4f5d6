/// A kind of observable result a Python test can check, after the pipeline's Testing guideline
/// ("file outputs, API responses, stdout, return codes, etc.").
enum ObservableOutcome: Int, CaseIterable, Sendable {
    case statusCode, responseBody, header, file, output, exitCode, databaseState, metric, log, error
    case returnValue, message, storedState, processState, testResult, expectedValue

    /// The name used in ``TestingAspect/outcomes``.
    var name: String {
        switch self {
        case .statusCode: "status code"
        case .responseBody: "response body"
        case .header: "header"
        case .file: "file"
        case .output: "output"
        case .exitCode: "exit code"
        case .databaseState: "database state"
        case .metric: "metric"
        case .log: "log"
        case .error: "error"
        case .returnValue: "return value"
        case .message: "message"
        case .storedState: "stored state"
        case .processState: "process state"
        case .testResult: "test result"
        case .expectedValue: "expected value"
        }
    }
}

/// A set of ``ObservableOutcome`` kinds as a bit mask, so scanning allocates nothing.
struct OutcomeKinds: OptionSet, Sendable {
    let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    init(_ kind: ObservableOutcome) { rawValue = 1 << UInt32(kind.rawValue) }

    /// Comparisons ("matches", "identical") that only say something is checked, not what.
    static let comparisons = OutcomeKinds(.expectedValue)

    /// The names of the kinds in the set, in declaration order.
    var names: [String] {
        ObservableOutcome.allCases.filter { contains(OutcomeKinds($0)) }.map(\.name)
    }
}

/// Finds the observable outcomes a stretch of Testing text names.
enum ObservableOutcomes {
    private static let vocabulary: [(ObservableOutcome, [String])] = [
        (.statusCode, [
            "status code", "status codes", "http status", "status", "statuses", "response code", "response codes",
            "http code", "http codes",
        ]),
        (.responseBody, [
            "response body", "response bodies", "body", "bodies", "json", "payload", "payloads", "schema", "response",
            "responses", "content type", "response format", "response formats", "responds", "respond", "responded",
            "html",
        ]),
        (.header, ["header", "headers", "cookie", "cookies", "set cookie"]),
        (.file, [
            "file", "files", "csv", "tsv", "parquet", "xlsx", "pdf", "output file", "directory", "directories",
            "folder", "writes", "written", "contents", "file contents", "exists", "exist", "report", "reports",
        ]),
        (.output, [
            "stdout", "stderr", "standard output", "standard error", "output", "outputs", "prints", "printed", "print",
            "console", "produces", "produce", "produced", "reported", "shows", "show", "lists",
        ]),
        (.exitCode, [
            "exit code", "exit codes", "exit status", "return code", "return codes", "exits", "exit", "non zero",
            "nonzero",
        ]),
        (.databaseState, [
            "database", "databases", "db", "row", "rows", "row count", "row counts", "record", "records", "table",
            "tables", "column", "columns", "index", "indexes", "indices", "query result", "query results", "document",
            "documents", "collection", "collections",
        ]),
        (.metric, [
            "metric", "metrics", "counter", "counters", "count", "counts", "number of", "latency", "throughput",
            "duration", "hit", "hits", "miss", "misses", "statements", "queries", "total", "totals", "sum", "average",
            "percentile", "memory usage", "histogram", "gauge", "connections", "connection count",
        ]),
        (.log, ["log", "logs", "logged", "log line", "log lines", "log entry", "log entries", "audit log"]),
        (.error, [
            "error", "errors", "error message", "error messages", "exception", "exceptions", "raises", "raise",
            "raised", "traceback", "stack trace", "warning", "warnings", "crash", "crashes", "crashing",
        ]),
        (.returnValue, [
            "returns", "return", "returned", "returning", "return value", "return values", "result", "results",
            "value", "values", "yields", "amount", "amounts", "price", "prices", "balance", "balances", "date",
            "dates", "timestamp", "timestamps", "times", "id", "ids", "token", "tokens", "redirect", "redirects",
        ]),
        (.message, [
            "message", "messages", "event", "events", "email", "emails", "notification", "notifications", "webhook",
            "webhooks", "queue", "queued", "enqueued", "published", "publishes",
        ]),
        (.storedState, ["cache", "cached", "ttl", "redis key", "redis keys", "stored", "stores", "persisted", "persists",
            "expires", "expired"]),
        (.processState, ["listens on", "listening", "health check", "healthz", "is running"]),
        (.testResult, [
            "pass", "passes", "passed", "passing", "fail", "fails", "failed", "failing", "collected", "succeed",
            "succeeds", "successfully",
        ]),
        (.expectedValue, [
            "identical", "matches", "match", "matching", "equals", "equal", "equal to", "same as", "golden",
            "unchanged", "restored", "byte for byte", "as before", "same as before",
        ]),
    ]

    /// Phrases that contain an outcome word without naming an outcome ("log in", "status quo").
    private static let lookalikes = [
        "log in", "logs in", "logged in", "log out", "logs out", "logged out", "status quo", "test inputs",
        "written in", "written with", "written using",
    ]

    private static let phrases = PhraseSet(vocabulary.flatMap(\.1) + lookalikes)
    private static let kindOfPhrase: [OutcomeKinds] =
        vocabulary.flatMap { kind, words in words.map { _ in OutcomeKinds(kind) } } + lookalikes.map { _ in [] }

    /// Words before a three-digit number that make it an HTTP status ("returns 404", "status 429").
    private static let statusLead = PhraseSet([
        "status", "http", "code", "returns", "return", "returned", "returning", "receive", "receives", "received",
        "receiving", "get", "gets", "got", "getting", "with", "respond", "responds", "answer", "answers", "answered",
        "yield", "yields", "a", "an", "expect", "expects", "either", "is", "are", "be", "was", "were",
    ])
    /// Words after a three-digit number that make it an HTTP status ("404 response", "500 errors").
    private static let statusTrail = PhraseSet([
        "response", "responses", "status", "error", "errors", "ok", "created", "code", "codes", "not found",
        "unauthorized", "forbidden", "conflict", "too many", "unprocessable", "bad request", "no content",
    ])
    private static let statusJoin = PhraseSet(["or", "and", "nor", "then"])

    /// The outcome kinds named by the tokens `range` of `tokens`.
    static func kinds(in tokens: TokenizedText, _ range: Range<Int>, bytes: [UInt8]) -> OutcomeKinds {
        var found: OutcomeKinds = []
        var lastStatus = -10
        var index = range.lowerBound
        while index < range.upperBound {
            if tokens.isNumeric[index] {
                if isStatusCode(tokens, index, range, bytes: bytes, lastStatus: lastStatus) {
                    found.insert(OutcomeKinds(.statusCode))
                    lastStatus = index
                }
                index += 1
                continue
            }
            if let hit = phrases.match(in: tokens, at: index), hit.tokens.upperBound <= range.upperBound {
                found.insert(kindOfPhrase[hit.phrase])
                index = hit.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// True when the tokens `range` name any observable outcome.
    static func occur(in tokens: TokenizedText, _ range: Range<Int>, bytes: [UInt8]) -> Bool {
        !kinds(in: tokens, range, bytes: bytes).isEmpty
    }

    private static func isStatusCode(
        _ tokens: TokenizedText, _ index: Int, _ range: Range<Int>, bytes: [UInt8], lastStatus: Int
    ) -> Bool {
        guard tokens.isThreeDigits(index, in: bytes), let value = tokens.leadingNumber(index, in: bytes)?.value,
            (100..<600).contains(value)
        else { return false }
        if index > range.lowerBound, tokens.startsPhrase(statusLead, at: index - 1) { return true }
        if index + 1 < range.upperBound, tokens.startsPhrase(statusTrail, at: index + 1) { return true }
        // "401 or 403", "400, 404": joined to a status code just before.
        if index - lastStatus == 1 { return true }
        return index - lastStatus == 2 && tokens.startsPhrase(statusJoin, at: index - 1)
    }
}
