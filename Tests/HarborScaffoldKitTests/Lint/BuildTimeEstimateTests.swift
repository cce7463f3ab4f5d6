import Testing
@testable import HarborScaffoldKit

@Suite struct BuildTimeEstimateTests {
    private func estimate(_ text: String) -> BuildTimeEstimate {
        BuildTimeEstimate(DockerfileParser.parse(text: text))
    }

    @Test func aPythonServiceWithPostgresAndEightPackagesIsWellUnderTheWarningLine() {
        let result = estimate("""
            FROM python:3.12-slim
            ENV PIP_NO_CACHE_DIR=1
            RUN apt-get update \\
             && apt-get install -y --no-install-recommends postgresql postgresql-client libpq5 curl \\
             && rm -rf /var/lib/apt/lists/*
            WORKDIR /app
            RUN pip install fastapi==0.115.12 uvicorn==0.34.3 sqlalchemy==2.0.36 alembic==1.14.0 \\
                pydantic==2.10.3 httpx==0.28.1 "psycopg[binary]==3.2.10" python-multipart==0.0.20
            COPY repo/ /app/
            CMD ["uvicorn", "app.main:app"]
            """)
        #expect(result.total < 120, "\(result.total) s: \(result.breakdown)")
        #expect(result.breakdown.contains("pip 8 packages ≈ 24 s"), "\(result.breakdown)")
        #expect(result.breakdown.contains("apt 4 packages ≈ 18 s"), "\(result.breakdown)")
        #expect(result.breakdown.contains("PostgreSQL server ≈ 15 s"), "\(result.breakdown)")
        #expect(result.breakdown.contains("base image python:3.12-slim ≈ 10 s"), "\(result.breakdown)")
    }

    @Test func torchAndTensorflowExceedTheBudget() {
        let result = estimate("FROM python:3.12\nRUN pip install --no-cache-dir numpy==2.1.3 torch==2.5.1 tensorflow==2.18.0\n")
        #expect(result.total > 300, "\(result.total) s")
        #expect(result.breakdown.hasPrefix("torch ≈ 180 s, tensorflow ≈ 150 s, base image python:3.12 ≈ 30 s"), "\(result.breakdown)")
    }

    @Test func compilingLLVMFromSourceExceedsTheBudget() {
        let result = estimate("""
            FROM ubuntu:24.04
            RUN apt-get update && apt-get install -y build-essential cmake ninja-build python3 git
            RUN git clone --depth 1 https://github.com/llvm/llvm-project.git /src \\
             && cmake -S /src/llvm -B /build -G Ninja \\
             && cmake --build /build
            """)
        #expect(result.total > 1000, "\(result.total) s")
        #expect(result.breakdown.hasPrefix("compiling LLVM from source ≈ 1500 s"), "\(result.breakdown)")
        #expect(result.costliestInstruction == 2)
    }

    @Test func anOrdinaryCompileIsPricedOncePerRun() {
        let result = estimate("""
            FROM debian:bookworm-slim
            RUN curl -fsSLo /tmp/redis.tar.gz https://download.redis.io/releases/redis-7.4.1.tar.gz \\
             && tar -xzf /tmp/redis.tar.gz -C /tmp && cd /tmp/redis-7.4.1 && make -j2 && make install
            """)
        #expect(result.parts.filter { $0.name.hasPrefix("compiling") }.map(\.seconds) == [90])
        #expect(result.breakdown.contains("archive downloads ≈ 10 s"))
    }

    @Test func cpuOnlyTorchIsCheaper() {
        let cuda = estimate("FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1\n")
        let cpu = estimate("FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu torch==2.5.1\n")
        #expect(cuda.total - cpu.total == 140)
    }

    @Test func onlyStagesTheFinalStageNeedsAreCounted() {
        let result = estimate("""
            FROM golang:1.24-bookworm AS build
            WORKDIR /src
            COPY repo/ .
            RUN go build -o /out/server ./cmd/server
            FROM python:3.12-slim AS unused
            RUN pip install --no-cache-dir torch==2.5.1
            FROM debian:bookworm-slim
            COPY --from=build /out/server /usr/local/bin/server
            """)
        #expect(!result.breakdown.contains("torch"))
        #expect(result.breakdown.contains("go build ≈ 40 s") && result.breakdown.contains("base image golang:1.24-bookworm ≈ 30 s"))
        #expect(result.total == 30 + 40 + 5 + 5 + 1)
    }

    @Test func eachBaseImageIsPulledOnce() {
        let result = estimate("FROM python:3.12-slim AS a\nRUN true\nFROM python:3.12-slim\nCOPY --from=a /etc/hostname /x\n")
        #expect(result.parts.filter { $0.name.hasPrefix("base image") }.count == 1)
    }

    @Test func nodeAndServiceDownloadsArePriced() {
        let result = estimate("""
            FROM node:22-bookworm-slim
            RUN npm ci --omit=dev && npm install --save-exact pg@8.13.1 redis@4.7.0
            RUN curl -fsSLO https://downloads.apache.org/kafka/3.9.0/kafka_2.13-3.9.0.tgz
            ADD https://huggingface.co/org/model/resolve/main/model.safetensors /models/
            """)
        let breakdown = result.breakdown
        #expect(breakdown.contains("npm dependencies from package.json ≈ 45 s"), "\(breakdown)")
        #expect(breakdown.contains("npm 2 packages ≈ 14 s"), "\(breakdown)")
        #expect(breakdown.contains("Kafka ≈ 40 s") && breakdown.contains("model or dataset downloads ≈ 60 s"), "\(breakdown)")
    }

    @Test func heavyAptPackagesAndServersCostMore() {
        let result = estimate("""
            FROM debian:bookworm-slim
            RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven mariadb-server
            """)
        #expect(result.breakdown.contains("apt 3 packages ≈ 49 s"), "\(result.breakdown)")
        #expect(result.breakdown.contains("MariaDB server ≈ 15 s"), "\(result.breakdown)")
    }

    @Test func anEmptyOrBrokenDockerfileStillHasAnEstimate() {
        #expect(estimate("").total == 5)
        #expect(estimate("RUN make\n").total == 5)
        #expect(estimate("FROM\nRUN pip install\n").total >= 5)
    }

    @Test func theTaskCanLowerTheBudget() {
        func budget(_ toml: String?) -> Int {
            var files = ["environment/Dockerfile": "FROM python:3.12-slim\n"]
            if let toml { files["task.toml"] = toml }
            return BuildBudget.of(LintTarget(layout: .harbor, stage: .skeleton, displayRoot: "", contents: files)).seconds
        }
        #expect(budget(nil) == 300)
        #expect(budget("[environment]\nbuild_timeout_sec = 200\n") == 200)
        #expect(budget("[environment]\nbuild_timeout_sec = 600.0\n") == 300)
        #expect(budget("[environment]\nbuild_timeout_sec = \"fast\"\n") == 300)
        #expect(budget("not toml = = =") == 300)
        #expect(budget("[environment]\nbuild_timeout_sec = -inf\n") == 300)
        #expect(budget("[environment]\nbuild_timeout_sec = nan\n") == 300)
        #expect(budget("[environment]\nbuild_timeout_sec = 0.5\n") == 300)
    }
}
