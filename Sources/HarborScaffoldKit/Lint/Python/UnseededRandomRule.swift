/// P106: test data comes from an unseeded random generator.
struct UnseededRandomRule: LintRule {
    static let description = RuleDescription(
        id: "P106", name: "unseeded-random", title: "Tests use random data without a seed",
        severity: .warning,
        rationale: """
            The pipeline asks for "consistent, reproducible outcomes". Unseeded `random.*`, `numpy.random.*`, \
            `uuid.uuid4()` or `secrets.*` give every run different inputs, so a failure cannot be reproduced and \
            a solution may pass or fail by chance. Seed the module generator (`random.seed(1234)`, \
            `np.random.seed(0)`) or draw from a seeded instance (`random.Random(1234)`, \
            `np.random.default_rng(1234)`); uuid4 and secrets cannot be seeded.
            """,
        triggering: [
            RuleExample(files: ["tests.py": """
                import random

                def test_totals():
                    amounts = [random.randint(1, 100) for _ in range(50)]
                    assert total(amounts) == sum(amounts)
                """]),
            RuleExample(files: ["tests.py": """
                import numpy as np
                import uuid

                def test_scores():
                    rng = np.random.default_rng()
                    tenant = f"tenant-{uuid.uuid4()}"
                    assert score(tenant, rng.random(10)) >= 0
                """]),
            RuleExample(files: ["tests.py": "from random import choice, seed\n\nseed()\n\ndef test_pick():\n    assert pick(choice('abc'))\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests.py": """
                import random

                random.seed(1234)

                def test_totals():
                    amounts = [random.randint(1, 100) for _ in range(50)]
                    assert total(amounts) == sum(amounts)
                """]),
            RuleExample(files: ["tests.py": """
                import random
                import numpy as np

                RNG = random.Random(42)

                def test_scores():
                    values = np.random.default_rng(seed=7).normal(size=10)
                    assert score(RNG.choice("abc"), values) >= 0
                """]),
        ])

    /// Seeded instances: these are fine when given a seed.
    private static let constructors: Set<String> = [
        "random.Random", "numpy.random.default_rng", "numpy.random.RandomState", "numpy.random.Generator",
        "numpy.random.PCG64", "numpy.random.SeedSequence",
    ]
    /// Functions of the random module that are not draws.
    private static let bookkeeping: Set<String> = ["random.seed", "random.getstate", "random.setstate", "numpy.random.seed"]

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        for (file, module) in target.testModules {
            let calls = module.allBodies.flatMap(\.calls).sorted { $0.range.start < $1.range.start }
            let seeded = { (name: String) in calls.contains { $0.resolvedCallee == name && !$0.arguments.isEmpty } }
            let randomSeeded = seeded("random.seed")
            let numpySeeded = seeded("numpy.random.seed")
            for call in calls {
                guard let problem = Self.problem(call, randomSeeded: randomSeeded, numpySeeded: numpySeeded) else { continue }
                sink.report(
                    "\(call.callee)() \(problem), so each run tests different data", in: file, at: call.range,
                    hint: "seed it once (random.seed(1234), np.random.seed(1234)) or use random.Random(1234) / np.random.default_rng(1234)")
            }
        }
    }

    private static func problem(_ call: PythonCall, randomSeeded: Bool, numpySeeded: Bool) -> String? {
        let name = call.resolvedCallee
        if name == "random.seed" || name == "numpy.random.seed" {
            return call.arguments.isEmpty ? "seeds from the clock" : nil
        }
        if bookkeeping.contains(name) { return nil }
        if constructors.contains(name) { return call.arguments.isEmpty ? "creates a generator without a seed" : nil }
        if name == "random.SystemRandom" { return "creates a generator that cannot be seeded" }
        if name.hasPrefix("random."), !name.dropFirst(7).contains(".") {
            return randomSeeded ? nil : "draws from the unseeded random module"
        }
        if name.hasPrefix("numpy.random."), !name.dropFirst(13).contains(".") {
            return numpySeeded ? nil : "draws from numpy's unseeded global generator"
        }
        if name == "uuid.uuid4" || name == "uuid.uuid1" { return "is random on every run" }
        if name.hasPrefix("secrets.") || name == "os.urandom" { return "draws from the system's entropy" }
        return nil
    }
}
