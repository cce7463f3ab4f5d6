/// D305: Testing describes fewer than two separately checkable aspects.
struct SingleAspectRule: DraftRule {
    static let description = RuleDescription(
        id: "D305", name: "single-aspect", title: "Testing checks fewer than two aspects", severity: .warning,
        rationale: """
            The pipeline's Testing Guidelines want tests that are "Multi-Faceted: The final DP will have 1-3 \
            weighted tests checking different aspects". A Testing field with a single check gives the builder one \
            test and no partial credit; a second, independent aspect (an error case, persisted state, behaviour \
            that must not change) makes the task harder to pass by accident.
            """,
        triggering: [
            DraftExample.with([.testing: "Python tests will check that GET /readyz returns status 503 while PostgreSQL is stopped."]),
            DraftExample.with([
                .testing: "Tests will send bursts of requests with several keys of one tenant and verify that requests beyond the limit return 429 with a Retry-After header.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests will check that the R script produces probability estimates within 1% of theoretical values and writes results to CSV",
            ]),
            DraftExample.with([
                .testing: "Python tests check that:\n- GET /readyz returns 503 while PostgreSQL is stopped\n- it returns 200 within one poll once PostgreSQL is back",
            ]),
            // No observable outcome at all is D302's finding, not this rule's.
            DraftExample.with([.testing: "Tests will verify the solution is optimal"]),
        ])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft), let span = field.valueSpan else { return }
        let bytes = draft.source.bytes
        guard ObservableOutcomes.occur(in: field.tokens, 0..<field.tokens.count, bytes: bytes) else { return }
        // Checks of the wrong kind (implementation, taste) still count as aspects: other rules report them.
        let checks = TestingAspects.segments(of: field, bytes: bytes).filter { !$0.kinds.isEmpty || $0.isCheck }
        guard checks.count < 2 else { return }
        let message: String
        if let only = checks.first {
            message = "Testing checks only one aspect ('\(TestingText.quote(only.tokens, of: field, in: draft))')"
        } else {
            message = "Testing '\(Excerpt.short(field.value, limit: 50))' has no separately checkable aspect"
        }
        sink.report(
            message, at: draft.range(span),
            hint: "add an independent check the tests can observe: an error case, persisted state, or behaviour that must stay unchanged")
    }
}
