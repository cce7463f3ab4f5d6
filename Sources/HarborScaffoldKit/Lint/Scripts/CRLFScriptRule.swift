/// S106: a task script has Windows (CRLF) line endings.
struct CRLFScriptRule: LintRule {
    static let description = RuleDescription(
        id: "S106", name: "crlf-script", title: "A task script has CRLF line endings", severity: .error,
        rationale: """
            Harbor runs tests/test.sh and solution/solve.sh directly. With CRLF line endings the kernel \
            looks for the interpreter `/bin/bash\\r`, which does not exist, so the verifier never starts \
            (and without a shebang every command ends in a stray `\\r`). Scripts edited on Windows or \
            committed with `core.autocrlf` end up this way; `harbor lint` does not notice.
            """,
        triggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\r\necho 1 > /logs/verifier/reward.txt\r\n"]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\r\ncd /app\r\npython3 fix.py\r\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["tests/test.sh": "#!/bin/bash\necho 1 > /logs/verifier/reward.txt\n"]),
            RuleExample(files: ["solution/solve.sh": "#!/bin/bash\nprintf 'a\\r\\nb\\n' > /app/windows.txt\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard target.layout == .harbor else { return }
        for (file, script) in [target.testScript, target.solveScript].compactMap({ $0 }) where file.source.hadCRLF {
            let consequence =
                script.shebang.map { "its `#!` line reads `\($0.dropFirst(2))\\r` and the script never starts" }
                ?? "every command ends in a stray carriage return"
            sink.report(
                "\(file.path) has CRLF line endings, so \(consequence)", in: file, at: .line(1),
                hint: "convert it to LF (`sed -i 's/\\r$//' \(file.path)`) and add `*.sh text eol=lf` to .gitattributes")
        }
    }
}
