import Testing
@testable import HarborScaffoldKit

@Suite struct TestingAspectTests {
    private func aspects(_ testing: String) -> [TestingAspect] {
        let text = DraftExample.with([.testing: testing]).files["draft_spec.md"] ?? ""
        return TestingAspects.extract(from: DraftSpec(source: SourceText(path: "draft_spec.md", text: text)))
    }

    private func checkable(_ testing: String) -> [String] {
        aspects(testing).filter(\.isCheckable).map(\.text)
    }

    @Test func theBaseDraftHasThreeCheckableAspectsWithoutItsSetupClause() {
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))
        let found = TestingAspects.extract(from: draft)
        #expect(found.map(\.text) == [
            "requests beyond the tenant's limit return status 429 with a Retry-After header",
            "a second tenant keeps receiving 200 responses",
            "counters reset after the window so the next request returns 200",
        ])
        #expect(found.allSatisfy { $0.isCheckable })
        #expect(found[0].outcomes == ["status code", "header", "return value"])
        #expect(found[1].outcomes.contains("status code"))
        #expect(found[2].outcomes.contains("metric"))
    }

    @Test func bytesPointAtTheAspectInTheSource() {
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: DraftExample.baseText))
        for aspect in TestingAspects.extract(from: draft) {
            #expect(String(decoding: draft.source.bytes[aspect.bytes], as: UTF8.self) == aspect.text)
        }
    }

    @Test func eachBulletIsOneAspectAndTheIntroducingLineIsNot() {
        let found = aspects("""
            Python tests call the API with tokens for users of both organisations and check that:
            - every detail, nested and bulk endpoint returns 404 for objects of the other organisation, and the response body contains none of their fields;
            - a bulk-close request closes only the caller's issues (verified by row counts in the issues table);
            * viewers receive 403 on write endpoints
              inside their own organisation;
            + attachment downloads for foreign objects return 404 with no file bytes in the body.
            """)
        #expect(found.map(\.text) == [
            "every detail, nested and bulk endpoint returns 404 for objects of the other organisation, and the response body contains none of their fields",
            "a bulk-close request closes only the caller's issues (verified by row counts in the issues table)",
            "viewers receive 403 on write endpoints inside their own organisation",
            "attachment downloads for foreign objects return 404 with no file bytes in the body",
        ])
        #expect(found.allSatisfy { $0.isCheckable })
    }

    @Test func numberedListsWithIndentedContinuationLines() {
        let found = aspects("""
            Hidden Python tests run the agent's suite in three ways.
              1. Run against the unmodified service, where the pytest exit code must be 0
                 and at least 25 tests must be collected.
              2) Run against six faulty variants, where the suite must exit non-zero for at least five.
              3. Run with the tests in reverse order, where the exit code must be 0.
            """)
        #expect(found.count == 4)
        #expect(found.first?.isCheckable == false)
        #expect(found.dropFirst().allSatisfy { $0.isCheckable })
        #expect(found[1].text == "Run against the unmodified service, where the pytest exit code must be 0 and at least 25 tests must be collected")
        #expect(found[1].outcomes == ["exit code", "test result"])
    }

    @Test func oneLongSentenceSplitsAtInlineNumbersAndCommas() {
        let found = checkable("""
            Python tests call the invoice listing endpoint with page sizes 10, 50 and 200. They check that (1) the number of SQL statements for one request is at most 5, (2) every response has status 200 with a JSON body identical to golden files, and (3) the X-Total-Count header reports the same row counts as direct SQL counts.
            """)
        #expect(found == [
            "the number of SQL statements for one request is at most 5",
            "every response has status 200 with a JSON body identical to golden files",
            "the X-Total-Count header reports the same row counts as direct SQL counts",
        ])
    }

    @Test func severalSentencesAndParagraphs() {
        let found = aspects("""
            Python tests restore a fresh copy of the snapshot for each case.

            Migrating to the latest state must exit with status 0, and the migration plan printed by Django must show exactly one leaf.

            Migrating back to 0041 must exit with status 0; every row then matches the snapshot exactly.
            """)
        #expect(found.map(\.text) == [
            "Python tests restore a fresh copy of the snapshot for each case",
            "Migrating to the latest state must exit with status 0",
            "the migration plan printed by Django must show exactly one leaf",
            "Migrating back to 0041 must exit with status 0",
            "every row then matches the snapshot exactly",
        ])
        #expect(found.filter(\.isCheckable).count == 4)
    }

    @Test func splitsAtAndOnlyBetweenClauses() {
        #expect(checkable("Tests will check that the R script produces probability estimates within 1% of theoretical values and writes results to CSV") == [
            "the R script produces probability estimates within 1% of theoretical values",
            "writes results to CSV",
        ])
        // "reads and writes", "format and calculations": noun phrases, one aspect.
        #expect(aspects("Tests will execute the Go binary with test inputs and verify output matches expected format and calculations").map(\.text) == [
            "output matches expected format and calculations",
        ])
        #expect(aspects("Tests verify that concurrent reads and writes leave the ledger balance unchanged.").count == 1)
    }

    @Test func stripsTheUsualLeadIns() {
        #expect(aspects("Python tests should check whether the export returns 200 with a CSV body.").map(\.text) == ["the export returns 200 with a CSV body"])
        #expect(aspects("The tests confirm the CLI prints one line per tenant.").map(\.text) == ["the CLI prints one line per tenant"])
        #expect(aspects("First, tests assert that the job exits 0; then they verify the table holds 40 rows.").map(\.text) == [
            "the job exits 0", "the table holds 40 rows",
        ])
    }

    @Test func keepsValueListsAndAbbreviationsTogether() {
        #expect(aspects("Tests check the responses have status 404, 400 and 500 respectively, and the body is JSON.").map(\.text) == [
            "the responses have status 404, 400 and 500 respectively", "the body is JSON",
        ])
        #expect(aspects("Tests check the error cases (e.g. a missing header) return 400 with a JSON body.").count == 1)
    }

    @Test func vagueCriteriaAreNotCheckable() {
        let found = aspects("Tests will check if the code is clean and well-organized")
        #expect(found.map(\.text) == ["the code is clean and well-organized"])
        #expect(found.first?.isCheckable == false)
        #expect(found.first?.outcomes == [])
        #expect(aspects("Tests will verify the solution is optimal").first?.isCheckable == false)
    }

    @Test func outcomeNamesAreTheDocumentedOnes() {
        #expect(ObservableOutcome.allCases.map(\.name) == [
            "status code", "response body", "header", "file", "output", "exit code", "database state", "metric", "log",
            "error", "return value", "message", "stored state", "process state", "test result", "expected value",
        ])
    }

    @Test func draftsWithoutATestingFieldHaveNoAspects() {
        let missing = DraftExample.without([.testing]).files["draft_spec.md"] ?? ""
        #expect(TestingAspects.extract(from: DraftSpec(source: SourceText(path: "d", text: missing))).isEmpty)
        #expect(aspects("").isEmpty)
        #expect(aspects("- \n- ok").isEmpty)
    }

    @Test func neverCrashesOnOddInput() {
        let samples = [
            "(((", ")))", "1.", "a)", "- ", "•", "and and and and", ", , , ;;;", "e.g. e.g. etc.", "Tests check that:",
            "\u{202E}tests\u{200B} verify ✓ that 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 returns 200", "`unclosed code span returns 200",
            "1,000,000 ms, 2.5s, 0.0001 us", String(repeating: "and the file, ", count: 500),
        ]
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array(" \n\t-*+().,;:`'\"/<>0123456789abcdefANDand_é🙂")
        var random: [String] = []
        for _ in 0..<300 {
            random.append(String((0..<Int.random(in: 0..<80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        let validator = DraftValidator()
        for testing in samples + random {
            let text = DraftExample.with([.testing: testing]).files["draft_spec.md"] ?? ""
            let draft = DraftSpec(source: SourceText(path: "d", text: text))
            for aspect in TestingAspects.extract(from: draft) {
                #expect(!aspect.text.isEmpty)
                #expect(aspect.bytes.upperBound <= draft.source.bytes.count)
            }
            _ = validator.validate(draft)
        }
    }
}
