/// D307: every check in Testing only sees that something exists or runs, not what it contains.
struct ExistenceOnlyCheckRule: DraftRule {
    static let description = RuleDescription(
        id: "D307", name: "existence-only-check", title: "Testing only checks that something exists or runs",
        severity: .warning,
        rationale: """
            The pipeline's Success Criteria ask for "Measurable Outcomes: Clear pass/fail conditions" and the \
            Testing Guidelines for checks that are "Concrete and Verifiable". A test that only sees that a file \
            exists, a command runs without errors or a service starts is passed by an empty file, a stub or a \
            wrong answer; at least one check must look at content: values, rows, output or responses.
            """,
        triggering: [
            DraftExample.with([.testing: "Tests verify that the report file exists after the run and that the export command runs without errors."]),
            DraftExample.with([
                .testing: "Tests check that:\n- the migration runs successfully\n- the rollback script exists and completes without crashing",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests verify that the report file exists and holds one row per tenant, and that the export command exits 0 and prints the row total.",
            ]),
            DraftExample.with([
                .testing: "Tests check that the marker file /tmp/pwned does not exist after the run, and that each hostile request returns 400 with the error code unsupported_expression.",
            ]),
        ])

    /// Checks that see only presence or absence of failure.
    static let weakPhrases = PhraseSet([
        "exists", "exist", "is created", "are created", "gets created", "is present", "are present",
        "runs without error", "runs without errors", "run without errors", "without errors", "without error",
        "without crashing", "does not crash", "doesn t crash", "no exceptions", "no exception", "starts successfully",
        "starts up", "compiles", "builds successfully", "runs successfully", "completes successfully", "succeeds",
        "is not empty", "non empty", "nonempty",
    ])
    /// Outcome kinds a presence check names without looking at content.
    static let weakKinds: OutcomeKinds = [
        OutcomeKinds(.file), OutcomeKinds(.exitCode), OutcomeKinds(.error), OutcomeKinds(.output),
        OutcomeKinds(.testResult), OutcomeKinds(.processState),
    ]

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft) else { return }
        let tokens = field.tokens
        var first: PhraseSet.Match?
        for segment in TestingAspects.segments(of: field, bytes: draft.source.bytes) {
            let weak = Self.weakPhrases.firstMatch(in: tokens, tokens: segment.tokens)
            if segment.kinds.isEmpty, weak == nil { continue }
            guard let weak, segment.kinds.isSubset(of: Self.weakKinds) else { return }
            if first == nil { first = weak }
        }
        guard let first else { return }
        let words = TestingText.quote(first.tokens, of: field, in: draft)
        sink.report(
            "Testing only checks that things exist or run ('\(words)'), which an empty or wrong result also passes",
            at: TestingText.range(first.tokens, of: field, in: draft),
            hint: "check content too: values in the file, rows written, the exact output or the response body")
    }
}
