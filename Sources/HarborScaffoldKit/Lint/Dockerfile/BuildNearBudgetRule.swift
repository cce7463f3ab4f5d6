/// C202: the image is estimated to build in more than 80% of the pipeline's budget.
struct BuildNearBudgetRule: LintRule {
    static let description = RuleDescription(
        id: "C202", name: "build-near-budget", title: "The image is estimated to build in more than 4 minutes",
        severity: .warning,
        rationale: """
            The pipeline requires images to build "in under 5 minutes"; an estimate above 240 s (80% of the \
            budget, or of a lower `build_timeout_sec`) leaves no margin for a slow mirror or a busy machine, and \
            the next added package tips it over. See C201 for how the estimate is made.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1 numpy==2.1.3 scipy==1.14.1 pandas==2.2.3 \\\n    scikit-learn==1.5.2 matplotlib==3.9.3\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM rust:1.85-slim-bookworm\nWORKDIR /app\nCOPY repo/ .\nRUN cargo build --release --locked\n",
                "task.toml": "[environment]\nbuild_timeout_sec = 200\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM rust:1.85-slim-bookworm\nWORKDIR /app\nCOPY repo/ .\nRUN cargo build --release --locked\n"]),
            // Over the budget altogether: C201 reports it instead.
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1 tensorflow==2.18.0\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        let estimate = BuildTimeEstimate(parsed)
        let budget = BuildBudget.of(target)
        let threshold = Int(Double(budget.seconds) * BuildBudget.warningShare)
        guard estimate.total > threshold, estimate.total <= budget.seconds else { return }
        sink.report(
            "the image is estimated to build in about \(estimate.total) s, close to \(budget.source)", in: file,
            at: BuildTimeEstimate.anchor(of: estimate, in: parsed),
            hint: "estimate: \(estimate.breakdown); trim the costliest steps to keep a margin")
    }
}
