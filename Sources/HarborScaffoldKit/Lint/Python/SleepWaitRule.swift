/// P105: a test waits a fixed time with `sleep` instead of polling a condition with a deadline.
struct SleepWaitRule: LintRule {
    static let description = RuleDescription(
        id: "P105", name: "sleep-wait", title: "A test waits with sleep instead of polling with a deadline",
        severity: .warning,
        rationale: """
            The pipeline wants "consistent, reproducible outcomes". A fixed `time.sleep(5)` before checking a \
            service or a file is too short on a loaded machine (a flaky failure) and too long everywhere else. \
            Poll the condition in a loop with a deadline instead: a sleep inside a `while` loop whose condition \
            is checked (`while time.monotonic() < deadline:`), or inside a loop that `break`s, `return`s or \
            fails when the condition holds or time is up, is that polling and is fine.
            """,
        triggering: [
            RuleExample(files: ["tests.py": """
                import subprocess
                import time

                def test_worker_processes_job():
                    \"\"\"The worker picks up a queued job.\"\"\"
                    subprocess.run(["python", "/app/enqueue.py"], check=True)
                    time.sleep(5)
                    assert job_status() == "done"
                """]),
            RuleExample(files: ["tests.py": """
                import asyncio
                from time import sleep

                async def test_stream():
                    await asyncio.sleep(2)
                    for _ in range(3):
                        send()
                        sleep(1)
                    assert received() == 3
                """]),
            RuleExample(files: ["tests.py": "import time\n\ndef test_loop():\n    while True:\n        time.sleep(1)\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": """
                import socket
                import time

                import pytest

                def wait_for_port(host, port, timeout=60.0):
                    deadline = time.monotonic() + timeout
                    while time.monotonic() < deadline:
                        try:
                            with socket.create_connection((host, port), timeout=1.0):
                                return
                        except OSError:
                            time.sleep(0.5)
                    pytest.fail(f"nothing listens on {host}:{port}")
                """]),
            RuleExample(files: ["tests.py": """
                import asyncio
                import time

                async def test_job():
                    await asyncio.sleep(0)
                    for _ in range(30):
                        if job_status() == "done":
                            break
                        time.sleep(1)
                    else:
                        raise AssertionError("job never finished")
                    while True:
                        if ready(): return
                        time.sleep(0.2)
                """]),
        ])

    private static let sleeps: Set<String> = ["time.sleep", "asyncio.sleep", "trio.sleep", "anyio.sleep", "gevent.sleep"]
    private static let exits: Set<PythonKeyword> = [.break, .return, .raise]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            let calls = module.allBodies.flatMap(\.calls).filter { call in
                Self.sleeps.contains(call.resolvedCallee) && !Self.isZero(call.arguments.first?.text)
            }
            guard !calls.isEmpty else { continue }
            let blocks = PythonBlocks(module)
            for call in calls.sorted(by: { $0.range.start < $1.range.start }) {
                guard let token = blocks.token(at: call.range.start),
                    !blocks.enclosingBlocks(ofToken: token).contains(where: { Self.isPolling($0, blocks) })
                else { continue }
                let duration = call.arguments.first.map { "(\($0.text))" } ?? "()"
                sink.report(
                    "\(call.callee)\(duration) waits a fixed time instead of polling for the condition with a deadline",
                    in: file, at: call.range,
                    hint: "loop `while time.monotonic() < deadline:` checking the condition, sleeping briefly between checks")
            }
        }
    }

    /// True when `block` is a loop that checks a condition: a `while` whose condition is not a
    /// constant, or any loop whose body can leave it (`break`, `return`, `raise`, `pytest.fail`).
    private static func isPolling(_ block: PythonBlocks.Block, _ blocks: PythonBlocks) -> Bool {
        switch block.keyword {
        case .while:
            let condition = blocks.compactText((block.header.lowerBound + 1)..<block.header.upperBound)
            if !["True", "1", "(True)"].contains(condition) { return true }
            fallthrough
        case .for:
            return blocks.body(of: block, contains: exits) || blocks.body(of: block, calls: "fail")
        default:
            return false
        }
    }

    private static func isZero(_ text: String?) -> Bool {
        guard let text else { return false }
        return text == "0" || text == "0.0" || text == "0."
    }
}
