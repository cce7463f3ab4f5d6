/// P107: a test asserts on or compares the wall clock.
struct WallClockRule: LintRule {
    static let description = RuleDescription(
        id: "P107", name: "wall-clock", title: "A test asserts on or compares the wall clock",
        severity: .warning,
        rationale: """
            The pipeline asks for "consistent, reproducible outcomes". A test that asserts on `datetime.now()`, \
            `utcnow()`, `date.today()` or `time.time()` (directly or through a variable), or compares it in an \
            `if` or `while`, depends on when and where it runs: it fails around midnight, across time zones, or \
            when the clock is adjusted, and durations measured with time.time() jump with it. Monotonic \
            deadlines (`time.monotonic()`) are fine.
            """,
        triggering: [
            RuleExample(files: ["tests.py": """
                from datetime import date

                def test_report_date():
                    report = load_report()
                    assert report["date"] == date.today().isoformat()
                """]),
            RuleExample(files: ["tests.py": """
                import time

                def test_eventually_consistent():
                    deadline = time.time() + 5
                    while time.time() < deadline:
                        if replica_caught_up():
                            return
                    pytest.fail("replica lagged")
                """]),
            RuleExample(files: ["tests.py": """
                import datetime
                import time

                def test_token_expiry():
                    now = datetime.datetime.utcnow()
                    token = issue_token()
                    assert token.expires_at > now
                    start = time.time()
                    refresh(token)
                    assert time.time() - start < 2
                """]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": """
                import time

                def wait_until(check, timeout=30):
                    deadline = time.monotonic() + timeout
                    while time.monotonic() < deadline:
                        if check():
                            return
                        time.sleep(0.2)

                def test_ready():
                    started = time.time()
                    log("started at", started)
                    assert ready()
                """]),
            RuleExample(files: ["tests.py": """
                from datetime import datetime, timezone

                FIXED = datetime(2024, 1, 1, tzinfo=timezone.utc)

                def test_report_date():
                    assert render(FIXED) == "2024-01-01"
                """]),
        ])

    private static let clocks: Set<String> = [
        "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today", "datetime.date.today",
        "time.time", "time.time_ns",
    ]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            var blocks: PythonBlocks?
            for test in module.testFunctions {
                for call in test.calls where Self.clocks.contains(call.resolvedCallee) {
                    let verb: String
                    if Self.isAsserted(call, in: test) {
                        verb = "asserts on"
                    } else {
                        if blocks == nil { blocks = PythonBlocks(module) }
                        guard let blocks, let token = blocks.token(at: call.range.start), blocks.isInComparingCondition(token)
                        else { continue }
                        verb = "compares"
                    }
                    sink.report(
                        "\(test.qualifiedName) \(verb) the wall clock through \(call.callee)(), which changes with the date, time zone and clock adjustments",
                        in: file, at: call.range,
                        hint: "compare with a fixed time the test controls, and measure durations with time.monotonic()")
                }
            }
        }
    }

    /// True when `call` is inside an assert of `test`, or assigned to a name that an assert uses.
    private static func isAsserted(_ call: PythonCall, in test: PythonFunction) -> Bool {
        if test.asserts.contains(where: { $0.range.encloses(call.range) }) { return true }
        let targets = test.body.assignments.filter { $0.range.encloses(call.range) && !$0.target.contains(".") }.map(\.target)
        guard !targets.isEmpty else { return false }
        return test.names.contains { reference in
            let head = reference.name.prefix { $0 != "." }
            return targets.contains(String(head)) && test.asserts.contains { $0.range.encloses(reference.range) }
        }
    }
}
