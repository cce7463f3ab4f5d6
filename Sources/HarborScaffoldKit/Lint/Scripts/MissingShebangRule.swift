/// S107: a task script does not start with a `#!` line.
struct MissingShebangRule: LintRule {
    static let description = RuleDescription(
        id: "S107", name: "missing-shebang", title: "A task script has no `#!` line", severity: .warning,
        rationale: """
            Harbor makes tests/test.sh and solution/solve.sh executable and runs them directly. Without \
            a `#!/bin/bash` first line the calling shell picks the interpreter, often `sh`, where bash \
            syntax (`[[`, arrays, `set -o pipefail`) fails. A byte-order mark before `#!` hides the line \
            from the kernel the same way.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "set -o pipefail\npytest /tests | tee /logs/verifier/out.txt\n"]),
            RuleExample(files: ["solution/solve.sh": "\n#!/bin/bash\ncd /app && python3 fix.py\n"]),
            RuleExample(files: ["tests/test.sh": "\u{FEFF}#!/bin/bash\necho 1 > /logs/verifier/reward.txt\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests/test.sh": "#!/usr/bin/env bash\necho 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/sh\n# Applies the fix.\ncd /app && python3 fix.py\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor else { return }
        for (file, script) in [target.testScript, target.solveScript].compactMap({ $0 }) {
            if file.source.hadBOM {
                sink.report(
                    "\(file.path) starts with a byte-order mark, which hides its `#!` line from the kernel", in: file, at: .line(1),
                    hint: "save the file as UTF-8 without BOM")
            } else if script.shebang == nil {
                sink.report(
                    "\(file.path) has no `#!` line, so the shell Harbor runs it from picks the interpreter", in: file, at: .line(1),
                    hint: "make `#!/bin/bash` the very first line")
            }
        }
    }
}
