/// D303: Testing inspects the implementation (source text, names, imports, calls) instead of outcomes.
struct ImplementationInspectionRule: DraftRule {
    static let description = RuleDescription(
        id: "D303", name: "implementation-inspection", title: "Testing inspects the implementation instead of outcomes",
        severity: .error,
        rationale: """
            The pipeline's Testing Guidelines require tests to be "Outcome-Focused: Tests verify results, not \
            implementation details", and the Quality Guidelines want "Multiple Valid Approaches". Tests that read \
            the source, look for a class or function name, check that a library is imported or used, or assert \
            that an internal function is called reject correct solutions written differently and accept wrong \
            ones that merely contain the expected text.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Python tests open orders/views.py and check that OrderViewSet.get_queryset calls select_related, and that GET /api/orders/ returns 200.",
            ]),
            DraftExample.with([
                .testing: "Tests grep the source code for a class named RateLimiter and check that Redis is used, then confirm 429 responses after the limit.",
            ]),
            DraftExample.with([
                .testing: "Tests verify the function refresh_quota is called once per request and that the endpoint returns 200 with the quota header.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests check that the implementation returns 404 for foreign objects, and that it uses the same API as before: every recorded request gets the same status code and body.",
            ]),
            DraftExample.with([
                .testing: "Tests run the suite with no source changes to tests/, check the exit code is 0, and check the code field of each error body against docs/errors.md.",
            ]),
            DraftExample.with([
                .testing: "Tests judge outcomes rather than the code structure: each webhook delivery is called once per event, verified by the receiver's request log, and the response status is 204.",
            ]),
        ])

    /// Phrases that always describe looking at the code.
    static let inspectionPhrases = PhraseSet([
        "abstract syntax tree", "ast", "code structure", "structure of the code", "class hierarchy", "class named",
        "class called", "function named", "function called", "method named", "method called", "lines of code",
        "import statement", "import statements", "design pattern", "design patterns", "implementation details",
        "code contains", "source contains", "codebase contains", "implementation contains", "static analysis",
    ])
    /// Verbs of reading or searching text.
    static let readingVerbs = PhraseSet([
        "check", "checks", "checking", "inspect", "inspects", "inspecting", "grep", "greps", "grepping", "read",
        "reads", "reading", "parse", "parses", "parsing", "scan", "scans", "scanning", "analyse", "analyses",
        "analysing", "analyze", "analyzes", "analyzing", "review", "reviews", "reviewing", "examine", "examines",
        "examining", "search", "searches", "searching", "open", "opens", "opening", "look at", "looks at",
        "look for", "looks for",
    ])
    /// The code itself, as the object of a reading verb.
    static let codeObjects = PhraseSet([
        "the code", "source code", "the source", "the codebase", "codebase", "code base", "the implementation",
        "implementation", "solution code", "agent s code", "application code", "source files", "source file",
        "python files", "function body", "function bodies", "class definition", "class definitions",
        "function definitions", "the diff", "git diff",
    ])
    /// Words after "the code" that make it a value ("the code field", "the code seat_limit_reached").
    static let codeAsValue = PhraseSet([
        "field", "fields", "value", "key", "property", "attribute", "column", "parameter", "returned", "in", "of",
    ])
    /// Source-file extensions ("views.py").
    static let sourceExtensions = PhraseSet([
        "py", "js", "ts", "go", "rb", "java", "rs", "php", "tsx", "jsx", "kt", "cs", "mjs", "cjs",
    ])
    /// Verbs saying what the code does when run: an outcome, not inspection.
    static let outcomeVerbs = PhraseSet([
        "returns", "return", "produces", "outputs", "prints", "writes", "handles", "raises", "exits", "responds",
        "passes", "compiles", "builds", "runs", "behaves", "rejects", "accepts",
    ])
    /// Assertions about calls of internal code.
    static let callPhrases = PhraseSet([
        "is called", "was called", "are called", "were called", "gets called", "get called", "is invoked",
        "was invoked", "are invoked", "called once", "called exactly", "called with", "call count", "invoked once",
        "invoked with", "is not called", "never called", "is never called",
    ])
    /// Units of code whose calls are internal. Mocks and stubs are left out: in these tasks they are
    /// usually fake servers whose request logs are outcomes.
    static let codeUnits = PhraseSet([
        "function", "functions", "method", "methods", "helper", "helpers", "decorator", "callback", "callbacks",
        "constructor", "private", "internal",
    ])
    /// Words after a code unit that make it a network endpoint ("the callback URL is called").
    static let endpointNouns = PhraseSet([
        "url", "urls", "uri", "endpoint", "endpoints", "server", "receiver", "service", "api", "webhook", "route",
    ])
    static let callVerbs = PhraseSet(["calls", "call", "invokes", "invoke"])
    static let usedPhrases = PhraseSet([
        "is used", "are used", "is being used", "gets used", "is imported", "are imported", "gets imported",
    ])
    static let useVerbs = PhraseSet(["uses", "use", "using", "imports", "import", "imported"])
    /// Things whose use is an implementation choice.
    static let libraryNouns = PhraseSet([
        "library", "libraries", "module", "package", "decorator", "design pattern", "algorithm", "class", "orm",
    ])
    static let technologies = PhraseSet(Framework.known.flatMap(\.phrases) + [
        "redis", "memcached", "celery", "kafka", "rabbitmq", "numpy", "pandas", "asyncio", "threading",
        "multiprocessing", "lru cache", "functools", "raw sql", "httpx", "aiohttp", "lodash", "axios", "knex",
        "ioredis", "mutex", "lock", "semaphore", "connection pool", "connection pooling", "select related",
        "prefetch related", "cachalot", "django cachalot",
    ])
    /// Words that make the tests, not the solution, the user of a library ("Tests use httpx").
    static let testSubjects = PhraseSet(["tests", "test", "pytest", "python", "harness", "fixture", "fixtures", "they"])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft) else { return }
        let tokens = field.tokens
        let bytes = draft.source.bytes
        var spans: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            guard let found = inspection(at: index, tokens, bytes) else {
                index += 1
                continue
            }
            index = max(found.upperBound, index + 1)
            if TestingText.isNegated(tokens, at: found.lowerBound, window: 8) { continue }
            // "check that the code uses asyncio" is one finding, not two.
            if let last = spans.last, found.lowerBound <= last.upperBound + 1,
                tokens.sentences[found.lowerBound] == tokens.sentences[last.lowerBound]
            {
                spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, found.upperBound)
            } else {
                spans.append(found)
            }
        }
        for span in spans {
            let words = TestingText.quote(span, of: field, in: draft)
            sink.report(
                "'\(words)' inspects the implementation instead of checking an outcome",
                at: TestingText.range(span, of: field, in: draft),
                hint: "check what the code does when run (responses, files, output, exit codes, database rows, query counts), so any correct solution passes")
        }
    }

    /// The tokens of an inspection starting at `index` (or anchored there), if any.
    private func inspection(at index: Int, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Range<Int>? {
        if let hit = Self.inspectionPhrases.match(in: tokens, at: index) { return hit.tokens }
        let verb = Self.readingVerbs.match(in: tokens, at: index)
        let call = Self.callPhrases.match(in: tokens, at: index)
        let used = Self.usedPhrases.match(in: tokens, at: index)
        let isCallVerb = tokens.startsPhrase(Self.callVerbs, at: index)
        let isUseVerb = tokens.startsPhrase(Self.useVerbs, at: index)
        guard verb != nil || call != nil || used != nil || isCallVerb || isUseVerb else { return nil }
        let sentence = tokens.sentence(containing: index)
        if let verb,
            let object = codeObject(after: verb.tokens.upperBound, in: sentence, tokens, bytes)
        {
            return index..<object
        }
        if let call {
            let low = max(sentence.lowerBound, index - 5)
            for unit in low..<index
            where (tokens.startsPhrase(Self.codeUnits, at: unit) && !tokens.startsPhrase(Self.endpointNouns, at: unit + 1))
                || isCodeLike(unit, tokens, bytes)
            {
                return unit..<call.tokens.upperBound
            }
        }
        if isCallVerb, index > sentence.lowerBound, index + 1 < sentence.upperBound,
            isCodeLike(index - 1, tokens, bytes), isCodeLike(index + 1, tokens, bytes)
        {
            return (index - 1)..<(index + 2)
        }
        guard Self.checkedBefore(index, in: sentence, tokens) else { return nil }
        if let used {
            let low = max(sentence.lowerBound, index - 4)
            for subject in low..<index
            where tokens.startsPhrase(Self.technologies, at: subject) || tokens.startsPhrase(Self.libraryNouns, at: subject)
                || isCodeLike(subject, tokens, bytes)
            {
                return subject..<used.tokens.upperBound
            }
        }
        if isUseVerb, !tokens.hasPhrase(Self.testSubjects, before: index, window: 3, within: sentence)
        {
            let high = min(sentence.upperBound, index + 4)
            for object in (index + 1)..<max(index + 1, high) {
                if let hit = Self.technologies.match(in: tokens, at: object) ?? Self.libraryNouns.match(in: tokens, at: object),
                    hit.tokens.upperBound <= sentence.upperBound
                {
                    return index..<hit.tokens.upperBound
                }
            }
        }
        return nil
    }

    /// The end of a code object ("the source code", "orders/views.py") a few tokens after a reading verb.
    private func codeObject(after start: Int, in sentence: Range<Int>, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Int? {
        let high = min(sentence.upperBound, start + 6)
        var cursor = start
        while cursor < high {
            if cursor < start + 3, let object = Self.codeObjects.match(in: tokens, at: cursor),
                object.tokens.upperBound <= sentence.upperBound
            {
                let after = object.tokens.upperBound
                if tokens.hasPhrase(Self.outcomeVerbs, from: after, window: 2, within: sentence)
                    || tokens.startsPhrase(Self.codeAsValue, at: after)
                    || (after < sentence.upperBound && isCodeLike(after, tokens, bytes))
                {
                    return nil
                }
                return after
            }
            if tokens.startsPhrase(Self.sourceExtensions, at: cursor), cursor > start,
                tokens.gap(before: cursor).count == 1, tokens.gap(before: cursor, contains: UInt8(ascii: "."), in: bytes)
            {
                return cursor + 1
            }
            cursor += 1
        }
        return nil
    }

    /// True when token `index` looks like a code name: it has an inner `_`, is a dotted member or is
    /// followed by `(`.
    private func isCodeLike(_ index: Int, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Bool {
        guard !tokens.isNumeric[index] else { return false }
        let range = tokens.ranges[index]
        if range.count > 2, bytes[(range.lowerBound + 1)..<(range.upperBound - 1)].contains(UInt8(ascii: "_")) { return true }
        if range.upperBound < bytes.count, bytes[range.upperBound] == UInt8(ascii: "(") { return true }
        if range.lowerBound > 1, bytes[range.lowerBound - 1] == UInt8(ascii: "."),
            TokenizedText.isWordByte(bytes[range.lowerBound - 2])
        {
            return true
        }
        return false
    }

    /// True when a verification verb ("check", "verify") comes before `index` in its sentence.
    private static func checkedBefore(_ index: Int, in sentence: Range<Int>, _ tokens: TokenizedText) -> Bool {
        index > sentence.lowerBound && TestingAspects.verificationVerbs.occurs(in: tokens, tokens: sentence.lowerBound..<index)
    }
}
