/// C201: the image is estimated to take longer to build than the pipeline allows.
struct BuildOverBudgetRule: LintRule {
    static let description = RuleDescription(
        id: "C201", name: "build-over-budget", title: "The image is estimated to build in more than 5 minutes",
        severity: .error,
        rationale: """
            The pipeline's Docker Environment Constraints say "Docker containers must build in under 5 minutes" \
            and "Be mindful of package installation time"; a task whose image takes longer is rejected. The \
            estimate prices what the Dockerfile does: the base image pull by family, apt packages (≈ 2 s each, \
            ≈ 10 s per `apt-get update`), pip packages (≈ 3 s each; torch ≈ 180 s, tensorflow ≈ 150 s), npm \
            installs, compiles (`make`, `cmake`, `cargo build`, `mvn package`; LLVM or GCC from source far more), \
            large downloads (models, datasets) and servers (PostgreSQL, MariaDB, MongoDB, Elasticsearch, Kafka). \
            A task's lower `[environment] build_timeout_sec` lowers the budget. C202 warns from 80% of the budget.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1 tensorflow==2.18.0\n"]),
            RuleExample(files: ["Dockerfile": """
                FROM debian:bookworm-slim
                RUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake ninja-build git python3 \\
                 && git clone --depth 1 --branch llvmorg-19.1.4 https://github.com/llvm/llvm-project.git /src/llvm \\
                 && cmake -S /src/llvm/llvm -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C /build
                """]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": """
                FROM python:3.12-slim-bookworm
                RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl postgresql postgresql-client \\
                 && rm -rf /var/lib/apt/lists/*
                RUN pip install --no-cache-dir fastapi==0.115.12 uvicorn==0.34.3 sqlalchemy==2.0.36 alembic==1.14.0 \\
                    pydantic==2.10.3 httpx==0.28.1 "psycopg[binary]==3.2.10" redis==5.2.1
                """]),
            // The CPU-only wheel of torch is a fraction of the CUDA one.
            RuleExample(files: ["Dockerfile": "FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.5.1\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        let estimate = BuildTimeEstimate(parsed)
        let budget = BuildBudget.of(target)
        guard estimate.total > budget.seconds else { return }
        sink.report(
            "the image is estimated to build in about \(estimate.total) s, over \(budget.source)", in: file,
            at: BuildTimeEstimate.anchor(of: estimate, in: parsed),
            hint: "estimate: \(estimate.breakdown); cut the largest parts: prebuilt binaries or wheels instead of compiling (CPU-only wheels for ML libraries), and nothing the task does not need")
    }
}
