/// D306: Testing relies on timing, randomness, the wall clock or the order of unordered results.
struct FlakyCheckRule: DraftRule {
    static let description = RuleDescription(
        id: "D306", name: "flaky-check", title: "Testing relies on timing, randomness or the clock", severity: .warning,
        rationale: """
            The pipeline's Testing Guidelines ask for tests that are "Realistic: Consider what can actually be \
            tested programmatically", and its Constraints say "Determinism: Prefer tasks with consistent, \
            reproducible outcomes". Tests run in a shared, loaded container: tight latency thresholds, throughput \
            targets, sleeps that wait out races, unseeded random data, today's date and the order of concurrent \
            results all make a correct solution fail some of the time.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Tests check that the search endpoint returns 200 with 20 results and that every cached response arrives within 50 ms.",
            ]),
            DraftExample.with([
                .testing: "Tests post random payloads to /orders, sleep 2 seconds, then check that the orders table has one row per accepted payload and that responses are 201.",
            ]),
            DraftExample.with([
                .testing: "Tests verify the report lists invoices due before the current date and that results from the 8 parallel workers appear in the same order as submitted.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests send 150 requests within one second and verify that exactly 50 receive status 429, and that after the 60-second window the next request returns 200.",
            ]),
            DraftExample.with([
                .testing: "Tests generate random payloads from a fixed seed, post them to /orders and check each returns 201 or 422 as the fixture predicts, and that the full import finishes in under 5 minutes.",
            ]),
            DraftExample.with([
                .testing: "Tests call the endpoint with explicit dates and check the JSON body lists the sorted invoice ids from the 8 parallel workers, and that each new API key is a random token of 32 hex characters.",
            ]),
        ])

    /// Bounds of ten seconds or more are generous enough to survive a loaded grader.
    static let generousSeconds = 10.0

    // MARK: Timing

    static let comparators = PhraseSet([
        "within", "under", "below", "less than", "no more than", "not more than", "at most", "not exceed",
        "not exceeding", "faster than", "in under", "in less than", "shorter than", "lower than", "responds in",
        "respond in", "completes in", "complete in", "finishes in", "finish in", "returns in", "return in",
        "runs in", "run in", "executes in", "loads in", "served in", "arrives in", "arrive in", "p50", "p95", "p99",
        "latency of", "response time of", "response times of",
    ])
    /// A duration after these is the setting being tested, not a threshold ("within a 1-second window").
    static let settingNouns = PhraseSet([
        "window", "windows", "interval", "intervals", "period", "ttl", "timeout", "timeouts", "bucket", "expiry",
        "lease", "grace",
    ])
    /// A duration after "send 150 requests within" is how the test acts, not what it asserts.
    static let actionVerbs = PhraseSet([
        "send", "sends", "sending", "sent", "issue", "issues", "issuing", "fire", "fires", "firing", "burst",
        "bursts", "make", "makes", "making", "submit", "submits", "post", "posts", "posting", "enqueue", "enqueues",
    ])
    static let sleepVerbs = PhraseSet([
        "sleep", "sleeps", "sleeping", "slept", "wait", "waits", "waiting", "waited", "pause", "pauses", "pausing",
    ])
    static let fillers = PhraseSet(["a", "an", "the", "about", "roughly", "for", "just"])
    /// Small numbers written as words, with their values.
    static let numberWordTable: [(String, Double)] = [
        ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
        ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("half a", 0.5), ("a few", 3), ("a couple of", 2),
    ]
    static let numberWords = PhraseSet(numberWordTable.map(\.0))
    /// Time units with their length in seconds.
    static let unitTable: [(String, Double)] = [
        ("ms", 0.001), ("msec", 0.001), ("msecs", 0.001), ("millisecond", 0.001), ("milliseconds", 0.001),
        ("s", 1), ("sec", 1), ("secs", 1), ("second", 1), ("seconds", 1),
        ("us", 1e-6), ("microsecond", 1e-6), ("microseconds", 1e-6),
        ("ns", 1e-9), ("nanosecond", 1e-9), ("nanoseconds", 1e-9),
        ("min", 60), ("mins", 60), ("minute", 60), ("minutes", 60),
        ("h", 3600), ("hr", 3600), ("hrs", 3600), ("hour", 3600), ("hours", 3600),
    ]
    static let units = PhraseSet(unitTable.map(\.0))
    /// Seconds per unit, keyed by the unit's token hash, for units written straight after the digits.
    static let secondsByUnitHash: [UInt64: Double] = Dictionary(
        unitTable.map { (TokenizedText.hash(of: $0.0.utf8), $0.1) }, uniquingKeysWith: { first, _ in first })

    // MARK: Throughput and relative speed

    static let perSecond = PhraseSet(["per second", "per sec", "a second", "rps", "qps", "tps"])
    static let throughputLeads = PhraseSet([
        "at least", "more than", "over", "above", "exceed", "exceeds", "sustain", "sustains", "handle", "handles",
        "minimum of", "greater than", "no less than",
    ])
    static let limitWords = PhraseSet(["limit", "limits", "limited", "limiter", "quota", "quotas", "throttle", "throttled", "throttling"])
    static let speedWords = PhraseSet(["faster", "quicker", "speedup", "speed up", "twice as fast", "times as fast"])

    // MARK: Randomness, clock, order

    static let randomWords = PhraseSet(["random", "randomly", "randomized", "randomised", "randomness"])
    static let seedWords = PhraseSet([
        "seed", "seeded", "seeds", "deterministic", "deterministically", "reproducible", "reproducibly",
    ])
    /// Random values the solution produces, which tests check for shape or uniqueness.
    static let randomOutputs = PhraseSet([
        "token", "tokens", "id", "ids", "uuid", "uuids", "password", "passwords", "salt", "salts", "nonce", "nonces",
        "secret", "secrets", "suffix", "filename", "filenames", "jitter",
    ])
    static let clockPhrases = PhraseSet([
        "current date", "current time", "current timestamp", "current year", "current month", "current day",
        "current datetime", "today", "today s", "todays", "yesterday", "tomorrow", "real time clock", "real clock",
        "system clock", "wall clock", "system time", "system date", "datetime now", "date now", "time now",
        "from now", "this year", "this month", "this week", "ago", "machine s timezone", "machine timezone",
        "timezone of the machine", "host timezone", "system timezone", "local timezone", "server timezone",
        "server s timezone", "machine s local time", "server s local time", "local time of the machine",
    ])
    static let relativeSpans = PhraseSet(["last", "past", "next"])
    static let calendarUnits = PhraseSet(["day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"])
    static let clockControls = PhraseSet([
        "freeze", "frozen", "freezes", "freezegun", "fixed clock", "fake clock", "mock clock", "mocked clock",
        "time machine", "faketime", "libfaketime", "fixed date", "fixed time", "pinned clock", "explicit date",
        "explicit dates", "as of", "reference date", "time travel", "injected clock", "tz", "utc",
    ])
    static let nowWord = PhraseSet(["now"])
    static let orderPhrases = PhraseSet([
        "in order", "in the order", "in the same order", "same order", "order of", "ordering", "ordered",
        "in sequence", "sequentially",
    ])
    static let unorderedSources = PhraseSet([
        "concurrent", "concurrently", "parallel", "in parallel", "simultaneous", "simultaneously", "asynchronously",
        "async", "threads", "workers", "goroutines", "unordered", "dict", "dictionary", "hash", "hashmap",
    ])
    static let orderGuarantees = PhraseSet([
        "sorted", "sort", "sorts", "order by", "ordered by", "sorted by", "any order", "regardless of order",
        "order independent", "order insensitive", "ignoring order", "as a set", "as sets",
    ])

    private struct Finding {
        let tokens: Range<Int>
        let reason: String
        let hint: String
    }

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft) else { return }
        let tokens = field.tokens
        let bytes = draft.source.bytes
        let seeded = Self.seedWords.occurs(in: tokens)
        let clockControlled = Self.clockControls.occurs(in: tokens)
        var index = 0
        while index < tokens.count {
            let found = timing(at: index, tokens, bytes) ?? throughput(at: index, tokens, bytes)
                ?? relativeSpeed(at: index, tokens)
                ?? (seeded ? nil : randomness(at: index, tokens))
                ?? (clockControlled ? nil : clock(at: index, tokens, bytes))
                ?? order(at: index, tokens)
            guard let found else {
                index += 1
                continue
            }
            index = max(index + 1, found.tokens.upperBound)
            let words = TestingText.quote(found.tokens, of: field, in: draft)
            sink.report("'\(words)' \(found.reason)", at: TestingText.range(found.tokens, of: field, in: draft), hint: found.hint)
        }
    }

    // MARK: - Timing

    /// A duration starting at `index`: its length in seconds and the token after it.
    private func duration(at index: Int, _ tokens: TokenizedText, _ bytes: [UInt8]) -> (seconds: Double, end: Int)? {
        var value: Double
        var cursor: Int
        if let number = tokens.leadingNumber(index, in: bytes) {
            value = Double(number.value)
            cursor = index + 1
            var suffix = number.suffix
            if suffix.isEmpty, cursor < tokens.count, tokens.isNumeric[cursor], tokens.gap(before: cursor).count == 1 {
                let separator = bytes[tokens.gap(before: cursor).lowerBound]
                if let next = tokens.leadingNumber(cursor, in: bytes) {
                    let digits = tokens.ranges[cursor].count - next.suffix.count
                    if separator == UInt8(ascii: ".") {
                        var scale = 1.0
                        for _ in 0..<digits { scale *= 10 }
                        value += Double(next.value) / scale
                        suffix = next.suffix
                        cursor += 1
                    } else if separator == UInt8(ascii: ","), digits == 3 {
                        value = value * 1000 + Double(next.value)
                        suffix = next.suffix
                        cursor += 1
                    }
                }
            }
            if !suffix.isEmpty {
                guard let seconds = Self.unitSeconds(of: bytes[suffix]) else { return nil }
                return (value * seconds, cursor)
            }
        } else if let word = Self.numberWords.match(in: tokens, at: index) {
            value = Self.numberWordTable[word.phrase].1
            cursor = word.tokens.upperBound
        } else {
            return nil
        }
        guard cursor < tokens.count, let unit = Self.units.match(in: tokens, at: cursor) else { return nil }
        return (value * Self.unitTable[unit.phrase].1, unit.tokens.upperBound)
    }

    /// The seconds of a unit written straight after the digits ("50ms", "2s").
    private static func unitSeconds(of suffix: ArraySlice<UInt8>) -> Double? {
        secondsByUnitHash[TokenizedText.hash(of: suffix)]
    }

    private func timing(at index: Int, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Finding? {
        if let comparator = Self.comparators.match(in: tokens, at: index) {
            var start = comparator.tokens.upperBound
            while start < tokens.count, start - comparator.tokens.upperBound < 2,
                tokens.startsPhrase(Self.fillers, at: start), !tokens.startsPhrase(Self.numberWords, at: start)
            {
                start += 1
            }
            guard start < tokens.count, let span = duration(at: start, tokens, bytes),
                span.seconds < Self.generousSeconds, !tokens.startsPhrase(Self.settingNouns, at: span.end)
            else { return nil }
            let sentence = tokens.sentence(containing: index)
            guard !tokens.hasPhrase(Self.actionVerbs, before: index, window: 6, within: sentence) else { return nil }
            return Finding(
                tokens: index..<span.end, reason: "is a timing threshold that a slow or busy grader can miss",
                hint: "check a machine-independent measure instead (query count, calls to a stub, rows touched) or allow 10 s or more")
        }
        if tokens.startsPhrase(Self.sleepVerbs, at: index) {
            var start = index + 1
            while start < tokens.count, start - index <= 2, tokens.startsPhrase(Self.fillers, at: start),
                !tokens.startsPhrase(Self.numberWords, at: start)
            {
                start += 1
            }
            guard start < tokens.count, let span = duration(at: start, tokens, bytes), span.seconds < Self.generousSeconds,
                !tokens.startsPhrase(Self.settingNouns, at: span.end)
            else { return nil }
            return Finding(
                tokens: index..<span.end, reason: "waits a fixed time instead of for the state it expects",
                hint: "poll until the expected state appears, with a generous timeout, or synchronise on an event")
        }
        // "< 2 seconds"
        if tokens.gap(before: index, contains: UInt8(ascii: "<"), in: bytes), let span = duration(at: index, tokens, bytes),
            span.seconds < Self.generousSeconds, !tokens.startsPhrase(Self.settingNouns, at: span.end)
        {
            return Finding(
                tokens: index..<span.end, reason: "is a timing threshold that a slow or busy grader can miss",
                hint: "check a machine-independent measure instead (query count, calls to a stub, rows touched) or allow 10 s or more")
        }
        return nil
    }

    private func throughput(at index: Int, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Finding? {
        guard tokens.isNumeric[index] else { return nil }
        let sentence = tokens.sentence(containing: index)
        let high = min(sentence.upperBound, index + 4)
        var end: Int?
        for cursor in (index + 1)..<max(index + 1, high) {
            if let hit = Self.perSecond.match(in: tokens, at: cursor), hit.tokens.upperBound <= sentence.upperBound {
                end = hit.tokens.upperBound
                break
            }
            // "1000 req/s"
            if tokens.gap(before: cursor, contains: UInt8(ascii: "/"), in: bytes), tokens.startsPhrase(Self.units, at: cursor),
                tokens.ranges[cursor].count == 1
            {
                end = cursor + 1
                break
            }
        }
        guard let end, !Self.limitWords.occurs(in: tokens, tokens: sentence) else { return nil }
        let low = max(sentence.lowerBound, index - 3)
        guard let lead = Self.throughputLeads.firstMatch(in: tokens, tokens: low..<index) else { return nil }
        return Finding(
            tokens: lead.tokens.lowerBound..<end, reason: "is a throughput target that depends on the grader's hardware",
            hint: "measure work per request instead (queries, round trips, rows scanned), which does not vary between machines")
    }

    private func relativeSpeed(at index: Int, _ tokens: TokenizedText) -> Finding? {
        guard let speed = Self.speedWords.match(in: tokens, at: index) else { return nil }
        let sentence = tokens.sentence(containing: index)
        let low = max(sentence.lowerBound, index - 3)
        guard let number = (low..<index).first(where: { tokens.isNumeric[$0] }) else {
            guard speed.tokens.count > 2 else { return nil }
            return Finding(
                tokens: speed.tokens, reason: "compares timings, which vary from run to run on a shared grader",
                hint: "compare a deterministic measure instead, such as the number of SQL statements or upstream calls")
        }
        return Finding(
            tokens: number..<speed.tokens.upperBound, reason: "compares timings, which vary from run to run on a shared grader",
            hint: "compare a deterministic measure instead, such as the number of SQL statements or upstream calls")
    }

    private func randomness(at index: Int, _ tokens: TokenizedText) -> Finding? {
        guard let random = Self.randomWords.match(in: tokens, at: index),
            !tokens.hasPhrase(Self.randomOutputs, from: random.tokens.upperBound, window: 2, within: tokens.sentence(containing: index)),
            !TestingText.isNegated(tokens, at: index, window: 3)
        else { return nil }
        var end = random.tokens.upperBound
        if end < tokens.count, tokens.sentences[end] == tokens.sentences[index] { end += 1 }
        return Finding(
            tokens: index..<end, reason: "makes the test data differ on every run unless it comes from a fixed seed",
            hint: "use fixture data or say the generator uses a fixed seed")
    }

    private func clock(at index: Int, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Finding? {
        var found: Range<Int>?
        if let hit = Self.clockPhrases.match(in: tokens, at: index) {
            found = hit.tokens
        } else if tokens.startsPhrase(Self.nowWord, at: index) {
            let end = tokens.ranges[index].upperBound
            if end < bytes.count, bytes[end] == UInt8(ascii: "(") { found = index..<(index + 1) }
        } else if tokens.startsPhrase(Self.relativeSpans, at: index), index + 2 < tokens.count,
            tokens.isNumeric[index + 1] || tokens.startsPhrase(Self.numberWords, at: index + 1),
            tokens.startsPhrase(Self.calendarUnits, at: index + 2)
        {
            found = index..<(index + 3)
        }
        guard let found, !TestingText.isNegated(tokens, at: index, window: 3) else { return nil }
        return Finding(
            tokens: found, reason: "depends on the clock or timezone of the machine the tests run on",
            hint: "pass explicit dates (an as-of parameter) or freeze the clock, and pin the timezone")
    }

    private func order(at index: Int, _ tokens: TokenizedText) -> Finding? {
        guard let ordering = Self.orderPhrases.match(in: tokens, at: index) else { return nil }
        let sentence = tokens.sentence(containing: index)
        guard Self.unorderedSources.occurs(in: tokens, tokens: sentence),
            !Self.orderGuarantees.occurs(in: tokens, tokens: sentence),
            !TestingText.isNegated(tokens, at: index, window: 3)
        else { return nil }
        return Finding(
            tokens: ordering.tokens, reason: "expects an order from concurrent or unordered results",
            hint: "compare sorted results or sets, unless the order is the feature and the task guarantees it")
    }
}
