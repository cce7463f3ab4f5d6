import Testing
@testable import HarborScaffoldKit

/// Testing sections copied from the sample workspace (`Samples/shared_workspace/data_points`),
/// so the D3xx rules stay calibrated against drafts written as models and as single-problem examples.
enum SampleTestingSections {
    /// Good drafts: no D3xx rule may fire.
    static let good: [(name: String, testing: String)] = [
        ("draft_dp_django_ledger_migration_merge", """

            Python tests restore a fresh copy of the snapshot for each case.

            Migrating to the latest state must exit with status 0, and the migration plan printed by Django must show exactly one leaf for the ledger app.

            After migrating, the row count of the ledger entries table is unchanged, and for every account and currency the sum of amount_minor equals a precomputed golden value; twelve boundary rows are also compared individually.

            Migrating back to ledger 0041 must exit with status 0 and restore the float amounts so that every row matches the snapshot exactly.

            Migrating forward again after the rollback produces the same amount_minor values as the first forward run.
            """),
        ("draft_dp_fastapi_invoice_n_plus_one", """
            Python tests start the service, reset pg_stat_statements before each request and call the invoice listing endpoint for a fixture account with page sizes 10, 50 and 200. They check that (1) the number of SQL statements recorded for one request is at most 5 and is the same for all three page sizes, (2) every response has status 200 and a JSON body identical to golden files captured from the original implementation, and (3) the X-Total-Count header and the filtered listings (status=overdue, currency=EUR) report the same row counts as direct SQL counts on the seeded data.
            """),
        ("draft_dp_flask_sqlite_regression_suite", """
            Hidden Python tests run the agent's suite in three ways.
              1. Run against the unmodified service, where the pytest exit code must be 0 and at least 25 tests must be collected.
              2. Run against each of six faulty variants of the service that ship only with the hidden tests (for example proration computed per day instead of per second, or coupons stacking beyond the documented cap), where the suite must exit non-zero for at least five of the six.
              3. Run against the unmodified service with the collected tests executed in reverse order, where the exit code must be 0 and the pass count identical to run 1, showing that tests share no state.
            """),
        ("draft_dp_go_quote_cache_stampede", """
            Python tests start Redis, the stub and two replicas of the service, then check that:
            - 200 concurrent GETs for one cold route, split across both replicas while the stub holds its response, all return 200 with identical bodies once released, and the stub's counter shows exactly 1 upstream request;
            - a route the stub answers with 404 returns 404 to clients, and a second burst of 50 requests for it adds no upstream requests;
            - a purge issued while a fill is held, followed by releasing that fill and changing the stub's price, leaves the route uncached, so the next GET causes exactly one new upstream request and returns the new price;
            - the upstream call counts reported by each replica's /metrics endpoint add up to the stub's counter.
            """),
        ("draft_dp_nestjs_inventory_reservation_race", """
            Python tests send bursts of concurrent requests split across both instances and check that:
            - 200 POST /reservations requests for the event with 10 seats yield exactly 10 responses with status 201 and 190 with status 409, and the event's available seat count in the database is 0;
            - 20 concurrent requests sharing one Idempotency-Key yield a single reservation row and 20 identical response bodies carrying the same reservation id;
            - two concurrent calls of the expire endpoint with the same as_of value release each unpaid reservation's seats once, verified against expected seat counts and the expected number of rows in the outbox table.
            """),
    ]

    /// Bad drafts, each written to break one Testing guideline, with the D3xx rules expected to fire.
    static let bad: [(name: String, testing: String, rules: Set<String>)] = [
        ("draft_dp_bad_jest_tests", """
            Jest tests in the repository's __tests__ folder will call the invite endpoint with supertest and check for 201 responses below the limit, a 409 with the code seat_limit_reached at the limit, and that revoking an invite frees a seat.
            """, ["D301"]),
        ("draft_dp_bad_no_observable_outcome", """
            Tests will make sure the agent has addressed the problems described above and that the reset flow now works as intended in all relevant situations.
            """, ["D302", "D304"]),
        ("draft_dp_bad_inspects_source", """
            Python tests will open orders/views.py and check that OrderViewSet.get_queryset calls select_related and prefetch_related, that the django-cachalot library is imported in settings.py, and that GET /api/orders/ returns 200.
            """, ["D303"]),
        ("draft_dp_bad_vague_criteria", """
            Python tests check that POST /api/imports with each fixture feed returns 202 and that the products table ends with the golden row count, and that the refactored importer code is clean, readable and follows best practices, with an optimal algorithm for deduplication.
            """, ["D304"]),
        ("draft_dp_bad_single_aspect", """
            Python tests will check that GET /readyz returns status 503 while PostgreSQL is stopped.
            """, ["D305"]),
        ("draft_dp_bad_latency_threshold", """
            Python tests check that the search endpoint returns 200 with the expected 20 results for a fixture query, that the X-Cache header is MISS on the first call and HIT on the second, and that every cached response arrives within 50 ms.
            """, ["D306"]),
    ]
}

@Suite struct TestingRuleTests {
    private static let testingRuleIDs = DraftRules.testing.map { $0.description.id }

    private func draft(_ testing: String) -> DraftSpec {
        let text = DraftExample.with([.testing: testing]).files["draft_spec.md"] ?? ""
        return DraftSpec(source: SourceText(path: "draft_spec.md", text: text))
    }

    private func findings(_ testing: String, _ rule: String? = nil) -> (DraftSpec, [Diagnostic]) {
        let parsed = draft(testing)
        let selection = RuleSelection(select: rule.map { [$0] } ?? Self.testingRuleIDs)
        return (parsed, DraftValidator(selection: selection).validate(parsed))
    }

    /// The source range of the first occurrence of `words` in `draft`.
    private func range(of words: String, in draft: DraftSpec) -> SourceRange? {
        let haystack = draft.source.bytes
        let needle = Array(words.utf8)
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return draft.range(start..<(start + needle.count))
        }
        return nil
    }

    private func expectFinding(
        _ rule: String, on testing: String, at words: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (parsed, found) = findings(testing, rule)
        let expected = words.map { range(of: $0, in: parsed) }
        #expect(found.map(\.range) == expected, "\(found.map(\.message))", sourceLocation: sourceLocation)
        for (finding, quoted) in zip(found, words) {
            #expect(finding.message.contains("'\(quoted)'"), "\(finding.message)", sourceLocation: sourceLocation)
            #expect(finding.hint?.isEmpty == false, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: SampleTestingSections.good.map(\.name))
    func goodSampleSectionsAreCleanAndMultiFaceted(_ name: String) throws {
        let testing = try #require(SampleTestingSections.good.first { $0.name == name }).testing
        let (parsed, found) = findings(testing)
        #expect(found.isEmpty, "\(found.map { "\($0.ruleID) \($0.message)" })")
        #expect(TestingAspects.extract(from: parsed).filter { $0.isCheckable }.count >= 2)
    }

    @Test(arguments: SampleTestingSections.bad.map(\.name))
    func badSampleSectionsFireTheirRule(_ name: String) throws {
        let sample = try #require(SampleTestingSections.bad.first { $0.name == name })
        let (_, found) = findings(sample.testing)
        #expect(Set(found.map(\.ruleID)) == sample.rules, "\(found.map { "\($0.ruleID) \($0.message)" })")
    }

    @Test func nonPythonTestsPointAtTheFramework() {
        expectFinding(
            "D301", on: "Jest tests in __tests__ call the endpoint with supertest and expect 201 and a JSON body.",
            at: ["Jest", "supertest"])
        expectFinding("D301", on: "A `cargo test` suite checks that the binary exits 0 and prints the total.", at: ["cargo test"])
        expectFinding("D301", on: "Python tests run `cargo test` via subprocess and check that it exits 0 and prints the total.", at: [])
        expectFinding("D301", on: "Tests use Python's testing library to check the endpoint returns 200 and the JSON body.", at: [])
    }

    @Test func noObservableOutcomeCoversTheWholeValue() {
        let testing = "Tests will verify the solution is optimal"
        let (parsed, found) = findings(testing, "D302")
        #expect(found.map(\.range) == [range(of: testing, in: parsed)])
        #expect(findings("The CLI must exit 0 and print one line per tenant.", "D302").1.isEmpty)
    }

    @Test func implementationInspectionPointsAtTheInspection() {
        expectFinding(
            "D303", on: "Python tests open orders/views.py and check that OrderViewSet.get_queryset calls select_related, and that GET /api/orders/ returns 200.",
            at: ["open orders/views.py", "get_queryset calls select_related"])
        expectFinding(
            "D303", on: "Tests check that the code uses asyncio and that the endpoint returns 200 with JSON.",
            at: ["check that the code uses asyncio"])
        expectFinding(
            "D303", on: "Tests verify that the helper send_email is called once and that the outbox table holds one row.",
            at: ["helper send_email is called"])
        expectFinding("D303", on: "Tests use httpx to call the API and check that responses are 200 with JSON bodies.", at: [])
        expectFinding("D303", on: "Tests never inspect the source code; they check that the endpoint returns 200 and the row count.", at: [])
    }

    @Test func vagueCriteriaPointAtTheWords() {
        expectFinding(
            "D304", on: "Tests check that the export returns 200 and that the code is clean, well-organized and idiomatic.",
            at: ["clean", "well-organized", "idiomatic"])
        expectFinding("D304", on: "Tests check the export returns 200 and the importer is efficient.", at: ["efficient"])
        expectFinding("D304", on: "Tests check the importer handles 50,000 rows efficiently, issuing at most 3 queries.", at: [])
        expectFinding("D304", on: "Tests check the service works properly and the report is human-readable.", at: ["works properly"])
        expectFinding("D304", on: "Tests check the 'clean' target of the Makefile removes build/ and exits 0.", at: [])
    }

    @Test func singleAspectReportsTheWholeValue() {
        let testing = "Python tests check that GET /readyz returns 503 while PostgreSQL is stopped."
        let (parsed, found) = findings(testing, "D305")
        #expect(found.map(\.range) == [range(of: testing, in: parsed)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("GET /readyz returns 503 while PostgreSQL is stopped") == true)
    }

    @Test func flakyChecksPointAtTheRisk() {
        expectFinding("D306", on: "Tests check the endpoint returns 200 and every cached response arrives within 50 ms.", at: ["within 50 ms"])
        expectFinding("D306", on: "Tests check the job finishes in under 1.5s and writes the CSV.", at: ["in under 1.5s"])
        expectFinding("D306", on: "Tests check the job finishes in under 15 minutes and writes the CSV.", at: [])
        expectFinding("D306", on: "Tests verify p95 latency < 200ms and that responses are 200.", at: ["200ms"])
        expectFinding(
            "D306", on: "Tests post random payloads, sleep 2 seconds, then check the orders table has a row per 201 response.",
            at: ["random payloads", "sleep 2 seconds"])
        expectFinding("D306", on: "Tests check the report of the last 7 days lists today's orders with status 200.", at: ["last 7 days", "today's"])
        expectFinding("D306", on: "Tests freeze the clock and check the report of the last 7 days lists today's orders.", at: [])
        expectFinding("D306", on: "Tests check the new query is at least 5x faster and returns the same rows.", at: ["5x faster"])
        expectFinding("D306", on: "Tests check that throughput is at least 1000 req/s and responses are 200.", at: ["at least 1000 req/s"])
        expectFinding("D306", on: "Tests check the limiter allows 100 requests per second per tenant and answers 429 beyond.", at: [])
        expectFinding(
            "D306", on: "Tests check results from 4 parallel workers arrive in the same order as the jobs were queued, in a JSON body.",
            at: ["in the same order"])
    }

    @Test func existenceOnlyChecksPointAtTheWeakPhrase() {
        expectFinding("D307", on: "Tests check that the report file exists and that the export runs without errors.", at: ["exists"])
        expectFinding("D307", on: "Tests check that the report file exists and has one row per tenant, and that the export exits 0.", at: [])
    }

    @Test func unitHashesMatchTheTokenizer() {
        for unit in ["ms", "Seconds", "µs", "min"] {
            #expect(TokenizedText.hash(of: unit.utf8) == TokenizedText(unit).hashes.first)
        }
    }
}
