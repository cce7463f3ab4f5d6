/// D301: Testing says the tests are written with a non-Python test framework or runner.
struct NonPythonTestsRule: DraftRule {
    static let description = RuleDescription(
        id: "D301", name: "non-python-tests", title: "Testing describes tests that are not written in Python",
        severity: .error,
        rationale: """
            The pipeline's Testing Guidelines require tests to be "Language Agnostic: Tests are always written in \
            Python, regardless of the task's implementation language", and add: "Even if the task requires R, Go, \
            JavaScript, etc., the tests will be Python scripts that execute the solution and verify outputs." A \
            Jest, go test or JUnit suite cannot be the verifier. Python tests may still run the project's own \
            suite, e.g. `npm test` via subprocess, and check its exit code.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Jest tests with supertest will call the invite endpoint and expect 201 below the seat limit and 409 at the limit.",
            ]),
            DraftExample.with([
                .testing: "The verifier is a `go test` suite that checks the handler returns 429 after the limit and 200 for another tenant.",
            ]),
            DraftExample.with([
                .testing: "Tests are written in JUnit rather than Python and assert that the endpoint returns 404 and an empty JSON body.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Python tests run `npm test` via subprocess and check the exit code is 0, then call GET /health and expect status 200 with a JSON body.",
            ]),
            DraftExample.with([
                .testing: "pytest invokes go test ./... and checks it exits 0; it also requests /metrics and compares the counters with golden values.",
            ]),
            DraftExample.with([
                .testing: "Python tests check that the generated jest.config.js file lists the three projects and that `npm test` exits 0.",
            ]),
            DraftExample.with([
                .testing: "Python tests, not Jest, call the invite endpoint and check for 201 below the limit and a 409 with the code seat_limit_reached at the limit.",
            ]),
        ])

    /// Non-Python test frameworks and runners.
    static let tools = PhraseSet([
        "jest", "mocha", "vitest", "jasmine", "cypress", "playwright test", "playwright tests", "playwright spec",
        "playwright specs", "npx playwright", "go test", "go tests", "junit", "testng", "rspec", "minitest", "phpunit",
        "cargo test", "cargo nextest", "xunit", "nunit", "mstest", "dotnet test", "karma", "supertest", "mvn test",
        "gradle test", "npm test", "npm run test", "yarn test", "pnpm test", "node test", "deno test", "bun test",
        "react testing library", "testing library react", "testing library dom", "chai", "ginkgo", "testify", "googletest", "gtest", "catch2", "kotest", "spock", "k6",
        "newman",
    ])
    /// Words saying the tests themselves are Python.
    static let pythonMarkers = PhraseSet(["python", "pytest", "unittest", "py"])
    /// Words just before a tool that make it the framework the tests are written in ("written in Jest",
    /// "using Mocha", "with supertest").
    static let frameworkLeads = PhraseSet(["written", "write", "writes", "using", "use", "uses", "in", "with"])
    /// Phrases that on their own say the tool is run from Python.
    static let pythonInvocations = PhraseSet([
        "subprocess", "subprocesses", "from python", "from pytest", "python script", "python scripts", "shell out",
        "shells out", "os system", "python wrapper", "python harness",
    ])
    /// "the project's Jest suite": the repository's own suite, which Python tests may run.
    static let ownership = PhraseSet([
        "existing", "project s", "repository s", "repo s", "current", "original", "own", "app s", "service s",
        "application s", "legacy",
    ])
    /// Words after a tool name that make it a file, setting or format rather than the test framework.
    static let otherSense = PhraseSet([
        "config", "conf", "configuration", "version", "plugin", "plugins", "preset", "xml", "report", "reports",
        "reporter", "format", "cache", "setup file",
    ])
    static let negatedAfter = PhraseSet(["is not", "are not", "isn t", "aren t", "will not", "won t", "is never", "is no longer"])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = TestingText.field(of: draft) else { return }
        let tokens = field.tokens
        for match in Self.tools.matches(in: tokens) {
            let start = match.tokens.lowerBound
            let end = match.tokens.upperBound
            let sentence = tokens.sentence(containing: start)
            if tokens.hasPhrase(Self.pythonMarkers, before: start, window: 1, within: sentence)
                || tokens.startsPhrase(Self.otherSense, at: end) || tokens.startsPhrase(Self.negatedAfter, at: end)
                || TestingText.isNegated(tokens, at: start, window: 3)
                || tokens.hasPhrase(Self.ownership, before: start, window: 3, within: sentence)
                || Self.pythonInvocations.occurs(in: tokens, tokens: sentence)
                || (Self.pythonMarkers.occurs(in: tokens, tokens: sentence)
                    && !tokens.hasPhrase(Self.frameworkLeads, before: start, window: 2, within: sentence))
            {
                continue
            }
            let words = TestingText.quote(match.tokens, of: field, in: draft)
            sink.report(
                "Testing describes tests written with '\(words)', but the pipeline's tests are always Python",
                at: TestingText.range(match.tokens, of: field, in: draft),
                hint: "describe Python (pytest) tests; to use the project's own suite, say they run it via subprocess and check its exit code")
        }
    }
}
