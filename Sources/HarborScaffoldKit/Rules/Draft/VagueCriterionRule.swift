/// D304: Testing uses a criterion no test can verify ("clean", "optimal", "works properly").
struct VagueCriterionRule: DraftRule {
    static let description = RuleDescription(
        id: "D304", name: "vague-criterion", title: "Testing uses an unverifiable criterion", severity: .error,
        rationale: """
            The pipeline's Testing Guidelines list as bad examples "Tests will check if the code is clean and \
            well-organized" and "Tests will verify the solution is optimal", and ask for tests that are "Concrete \
            and Verifiable". Code quality, style and unquantified speed cannot be asserted by a Python test, and \
            "works properly" restates the goal instead of naming a check.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Tests check that POST /api/imports returns 202 and that the refactored importer code is clean, readable and follows best practices.",
            ]),
            DraftExample.with([
                .testing: "Tests verify the endpoint returns 200 with the expected body and that deduplication uses an optimal, efficient algorithm.",
            ]),
            DraftExample.with([
                .testing: "Tests verify that the export returns 200 with a CSV body, and that the retry logic works properly.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests verify that a nightly job cleans up expired sessions (the sessions table keeps only live rows) and that SIGTERM makes the worker shut down cleanly with exit code 0.",
            ]),
            DraftExample.with([
                .testing: "Tests call `optimal_route` via the /route endpoint and check the returned cost equals the brute-force optimal cost of 42, and that the response is 200 with a JSON body.",
            ]),
            DraftExample.with([
                .testing: "Tests check the export returns 200, that 10,000 rows are processed efficiently in at most 3 SQL statements, and that the retry logic works correctly: the second attempt returns 201.",
            ]),
            DraftExample.with([
                .testing: "Tests judge behaviour, not readability or style: the endpoint returns 404 for foreign ids and the audit log has one line per request.",
            ]),
        ])

    /// Matters of taste: never verifiable.
    static let quality = PhraseSet([
        "well organized", "well organised", "well structured", "well designed", "well written", "well architected",
        "well factored", "readable", "readability", "maintainable", "maintainability", "elegant", "elegantly",
        "idiomatic", "idiomatically", "pythonic", "best practice", "best practices", "high quality", "good quality",
        "code quality", "clean code", "production ready", "production quality", "beautiful", "user friendly",
        "intuitive", "sensible", "clean",
    ])
    /// "clean" counts only near the code it judges ("the code is clean", not "clean up sessions").
    static let clean = PhraseSet(["clean"])
    static let codeNouns = PhraseSet([
        "code", "codebase", "implementation", "solution", "architecture", "design", "structure", "refactor",
        "refactoring", "refactored", "module", "modules", "function", "functions", "class", "classes",
    ])
    /// "clean up", "a clean build", "a clean database": a state, not a judgement.
    static let cleanStates = PhraseSet([
        "up", "build", "builds", "checkout", "install", "installation", "database", "db", "state", "environment",
        "container", "slate", "copy", "run", "start", "shutdown", "exit", "restart", "clone", "cache", "directory",
        "workspace", "volume", "schema", "fixture", "fixtures", "data", "dataset", "tree",
    ])
    /// "human-readable" and "readable by the worker" are concrete.
    static let readerWords = PhraseSet(["human", "machine"])
    static let by = PhraseSet(["by"])
    /// Speed and optimality: verifiable only with a number or a reference.
    static let performance = PhraseSet([
        "optimal", "optimally", "efficient", "efficiently", "more efficient", "performant", "good performance",
        "better performance", "high performance", "performs well", "perform well", "fast enough", "runs fast",
        "run fast", "is fast", "are fast", "quickly", "scalable", "scales well", "reasonable time",
        "acceptable performance", "reasonable performance", "acceptable time", "faster", "as fast as possible",
    ])
    static let references = PhraseSet(["reference", "brute force", "known", "precomputed", "golden", "baseline"])
    /// Restating the goal: vague unless the same clause names what is observed.
    static let restatements = PhraseSet([
        "works properly", "work properly", "working properly", "functions properly", "function properly",
        "runs properly", "behaves properly", "operates properly", "works correctly", "work correctly",
        "working correctly", "functions correctly", "behaves correctly", "behave correctly", "works as expected",
        "work as expected", "behaves as expected", "works as intended", "work as intended", "works fine",
        "works well", "is correct", "are correct", "properly", "correctly", "as intended", "as expected",
    ])

    private enum Kind {
        case quality, performance, restatement
    }

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft) else { return }
        let tokens = field.tokens
        let bytes = draft.source.bytes
        var segments: [TestingAspects.Segment]?
        var index = 0
        while index < tokens.count {
            guard let (match, kind) = Self.candidate(at: index, tokens) else {
                index += 1
                continue
            }
            index = match.upperBound
            if tokens.isIdentifierLike(match, in: bytes) || TestingText.isNegated(tokens, at: match.lowerBound) {
                continue
            }
            let sentence = tokens.sentence(containing: match.lowerBound)
            switch kind {
            case .quality:
                if tokens.startsPhrase(Self.clean, at: match.lowerBound), match.count == 1 {
                    let near = max(sentence.lowerBound, match.lowerBound - 4)..<min(sentence.upperBound, match.upperBound + 4)
                    guard !tokens.startsPhrase(Self.cleanStates, at: match.upperBound), Self.codeNouns.occurs(in: tokens, tokens: near) else { continue }
                }
                if tokens.hasPhrase(Self.readerWords, before: match.lowerBound, window: 1, within: sentence)
                    || (match.upperBound < sentence.upperBound && tokens.startsPhrase(Self.by, at: match.upperBound))
                {
                    continue
                }
                report(match, field, draft, &sink, reason: "is a matter of taste that no Python test can verify",
                    hint: "drop it or replace it with behaviour the tests can observe; code quality is not graded")
            case .performance:
                let clause = Self.clause(of: match, in: field, bytes, &segments) ?? sentence
                let near = max(clause.lowerBound, match.lowerBound - 6)..<min(clause.upperBound, match.upperBound + 6)
                if near.contains(where: { tokens.isNumeric[$0] }) || Self.references.occurs(in: tokens, tokens: near) {
                    continue
                }
                report(match, field, draft, &sink, reason: "cannot be checked without a number or a reference",
                    hint: "state a measurable, machine-independent bound, e.g. 'at most 5 SQL statements per request' or 'the cost equals the reference solver's'")
            case .restatement:
                let clause = Self.clause(of: match, in: field, bytes, &segments) ?? sentence
                let observed = ObservableOutcomes.kinds(in: tokens, clause, bytes: bytes).subtracting(.comparisons)
                guard observed.isEmpty else { continue }
                report(match, field, draft, &sink, reason: "restates the goal instead of naming what the tests observe",
                    hint: "say what correct looks like: the status code, body, file, output or rows the tests check")
            }
        }
    }

    /// The aspect (clause) holding `match`, computing the field's aspects on first use.
    private static func clause(
        of match: Range<Int>, in field: DraftField, _ bytes: [UInt8], _ segments: inout [TestingAspects.Segment]?
    ) -> Range<Int>? {
        if segments == nil { segments = TestingAspects.segments(of: field, bytes: bytes) }
        return segments?.first { $0.tokens.contains(match.lowerBound) }?.tokens
    }

    private static func candidate(at index: Int, _ tokens: TokenizedText) -> (Range<Int>, Kind)? {
        if let hit = quality.match(in: tokens, at: index) { return (hit.tokens, .quality) }
        if let hit = performance.match(in: tokens, at: index) { return (hit.tokens, .performance) }
        if let hit = restatements.match(in: tokens, at: index) { return (hit.tokens, .restatement) }
        return nil
    }

    private func report(
        _ match: Range<Int>, _ field: DraftField, _ draft: DraftSpec, _ sink: inout FindingSink, reason: String,
        hint: String
    ) {
        let words = TestingText.quote(match, of: field, in: draft)
        sink.report("'\(words)' \(reason)", at: TestingText.range(match, of: field, in: draft), hint: hint)
    }
}
