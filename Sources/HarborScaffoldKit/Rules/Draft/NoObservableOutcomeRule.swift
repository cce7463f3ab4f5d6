/// D302: the Testing field names nothing a Python test could observe.
struct NoObservableOutcomeRule: DraftRule {
    static let description = RuleDescription(
        id: "D302", name: "no-observable-outcome", title: "Testing names no observable outcome", severity: .error,
        rationale: """
            The pipeline's Testing Guidelines ask for tests that are "Concrete and Verifiable: Describe what Python \
            tests can check (file outputs, API responses, stdout, return codes, etc.)". A Testing field that names \
            no status code, response, header, file, output, exit code, row, metric, log line or error gives the \
            builder nothing to assert; the guideline's own bad examples are "Tests will check if the code is clean \
            and well-organized" and "Tests will verify the solution is optimal".
            """,
        triggering: [
            DraftExample.with([.testing: "Tests will check if the code is clean and well-organized"]),
            DraftExample.with([.testing: "Tests will verify the solution is optimal"]),
            DraftExample.with([
                .testing: "Tests will make sure the agent has addressed the problems described above and that the reset flow now works as intended.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([.testing: "Tests run the CLI on the fixture folder and check it exits 0 and prints one summary line per tenant."]),
            DraftExample.with([.testing: "After the migration the ledger is identical to the golden snapshot, and rolling back restores every amount."]),
            DraftExample.with([.testing: "Each malformed upload is answered with 422, and a valid one with 201."]),
        ])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft), let span = field.valueSpan,
            !ObservableOutcomes.occur(in: field.tokens, 0..<field.tokens.count, bytes: draft.source.bytes)
        else { return }
        sink.report(
            "Testing '\(Excerpt.short(field.value, limit: 50))' names no outcome a Python test can observe",
            at: draft.range(span),
            hint: "say what the tests check: status codes, response bodies, headers, files, stdout, exit codes, database rows or metrics")
    }
}
