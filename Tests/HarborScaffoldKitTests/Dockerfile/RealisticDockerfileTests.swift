import Testing
@testable import HarborScaffoldKit

/// Dockerfiles shaped like those of evaluation tasks.
enum DockerfileSamples {
    static let python = """
        # syntax=docker/dockerfile:1
        ARG PYTHON_VERSION=3.12
        FROM python:${PYTHON_VERSION}-slim

        ENV PYTHONDONTWRITEBYTECODE=1 \\
            PYTHONUNBUFFERED=1 \\
            PIP_NO_CACHE_DIR=1

        # hadolint ignore=DL3008
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends \\
                postgresql postgresql-contrib libpq-dev build-essential \\
            && rm -rf /var/lib/apt/lists/*

        WORKDIR /app
        COPY requirements.txt .
        RUN pip install -r requirements.txt && pip install psycopg2-binary pytest
        COPY . /app
        COPY tests/ /tests/
        USER postgres
        RUN service postgresql start && psql -c "CREATE DATABASE app;"
        USER root
        EXPOSE 5432
        CMD ["bash", "-c", "service postgresql start && python app.py"]
        """

    static let node = """
        FROM node:20-bookworm-slim
        ENV NODE_ENV=production
        WORKDIR /usr/src/app
        COPY package*.json ./
        RUN npm ci --omit=dev && npm cache clean --force
        RUN curl -fsSL https://get.pnpm.io/install.sh | sh -
        COPY --chown=node:node . .
        USER node
        HEALTHCHECK --interval=10s CMD node healthcheck.js || exit 1
        ENTRYPOINT ["docker-entrypoint.sh"]
        CMD ["node", "server.js"]
        """

    static let go = """
        # syntax=docker/dockerfile:1.7
        ARG GO_VERSION=1.22
        FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
        ARG TARGETOS TARGETARCH
        WORKDIR /src
        RUN --mount=type=cache,target=/go/pkg/mod \\
            --mount=type=bind,source=go.sum,target=go.sum \\
            --mount=type=bind,source=go.mod,target=go.mod \\
            go mod download -x
        COPY . .
        RUN --mount=type=cache,target=/go/pkg/mod \\
            CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/server ./cmd/server

        FROM build AS test
        RUN go test ./...

        FROM gcr.io/distroless/static-debian12:nonroot@sha256:6ec5aa99dc335666e79dc64e4a6c8b89c33a543a1967f20d360922a80dd21f02
        COPY --from=build /out/server /server
        USER nonroot:nonroot
        ENTRYPOINT ["/server"]
        """
}

@Suite struct RealisticDockerfileTests {
    @Test func pythonWithPostgres() throws {
        let file = DockerfileParser.parse(text: DockerfileSamples.python, path: "environment/Dockerfile")
        #expect(file.issues.isEmpty)
        #expect(file.source.path == "environment/Dockerfile")
        #expect(file.directive("syntax")?.value == "docker/dockerfile:1")
        #expect(file.stages.count == 1)
        #expect(file.stages[0].image.resolved == "python:3.12-slim")
        #expect(file.instructions.map(\.keyword) == [
            "ARG", "FROM", "ENV", "RUN", "WORKDIR", "COPY", "RUN", "COPY", "COPY", "USER", "RUN", "USER", "EXPOSE", "CMD",
        ])
        let env = file.instructions[2]
        #expect(env.keyValues.map(\.key) == ["PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PIP_NO_CACHE_DIR"])
        #expect(env.lines == 5...7)
        let apt = file.instructions[3]
        #expect(file.comments(above: apt).map(\.content) == ["hadolint ignore=DL3008"])
        let install = try #require(apt.shell?.commands[1])
        #expect(install.name == "apt-get" && install.hasOption("-y") && install.hasOption("--no-install-recommends"))
        #expect(install.operands.map(\.text) == ["install", "postgresql", "postgresql-contrib", "libpq-dev", "build-essential"])
        let postgres = try #require(install.words.first { $0.text == "postgresql" })
        #expect(file.range(of: postgres).start == SourcePosition(line: 12, column: 9))
        let pips = try #require(file.instructions[6].shell).commands(named: "pip")
        #expect(pips.map(\.argumentTexts) == [["install", "-r", "requirements.txt"], ["install", "psycopg2-binary", "pytest"]])
        #expect(file.instructions("COPY").compactMap { $0.copy?.sources.first?.value } == ["requirements.txt", ".", "tests/"])
        #expect(file.instructions("USER").compactMap { $0.user?.isRoot } == [false, true])
        #expect(file.instructions.last?.form.execArguments?.last == "service postgresql start && python app.py")
        #expect(file.instructions[10].shell?.commands.last?.argumentTexts == ["-c", "CREATE DATABASE app;"])
    }

    @Test func nodeService() throws {
        let file = DockerfileParser.parse(text: DockerfileSamples.node)
        #expect(file.issues.isEmpty)
        #expect(file.stages.first?.image.tag == "20-bookworm-slim")
        let curl = try #require(file.instructions[5].shell?.commands.first)
        #expect(curl.name == "curl" && curl.isPipelineMember)
        #expect(file.instructions[5].shell?.commands.last?.argumentTexts == ["-"])
        #expect(file.instructions[6].copy?.chown == "node:node")
        #expect(file.instructions[8].healthcheck?.options.first?.value == "10s")
        #expect(file.instructions.suffix(2).map(\.form.isExec) == [true, true])
        #expect(file.instructions[4].shell?.commands.map(\.followingOperator) == [.and, nil])
    }

    @Test func multiStageGoBuild() throws {
        let file = DockerfileParser.parse(text: DockerfileSamples.go)
        #expect(file.issues.isEmpty)
        #expect(file.stages.map(\.name) == ["build", "test", nil])
        let build = file.stages[0].image
        #expect(build.resolved == "golang:1.22-alpine" && build.platform == "$BUILDPLATFORM")
        #expect(file.stages[1].baseStageIndex == 0)
        let runtime = file.stages[2].image
        #expect(runtime.registry == "gcr.io" && runtime.repository == "distroless/static-debian12")
        #expect(runtime.tag == "nonroot" && runtime.digest?.hasPrefix("sha256:6ec5") == true)
        let download = file.instructions[4]
        #expect(download.flags(named: "mount").count == 3)
        #expect(download.arguments == "go mod download -x")
        #expect(download.lines == 6...9)
        let goBuild = try #require(file.instructions[6].shell?.commands.first)
        #expect(goBuild.assignments.map(\.name) == ["CGO_ENABLED", "GOOS", "GOARCH"])
        #expect(goBuild.name == "go" && goBuild.optionValue("-o") == "/out/server")
        #expect(file.range(of: goBuild.nameWord!).start == SourcePosition(line: 12, column: 53))
        #expect(file.instructions[2].keyValues.map(\.key) == ["TARGETOS", "TARGETARCH"])
        #expect(file.instructions[2].keyValues.allSatisfy { $0.value == nil })
        #expect(file.instructions[10].copy?.from.flatMap(file.stage(named:))?.name == "build")
        #expect(file.instructions.last?.stageIndex == 2)
    }
}

@Suite struct DockerfileFuzzTests {
    @Test func randomBytesNeverCrash() {
        var random = ReaderFuzzRandom(seed: 0xD0C_0001)
        var instructionCount = 0
        for _ in 0..<3000 {
            let text = String(decoding: random.bytes(count: random.below(200)), as: UTF8.self)
            let file = DockerfileParser.parse(text: "FROM x\n" + text)
            instructionCount += file.instructions.count
        }
        #expect(instructionCount >= 3000)
    }

    @Test func mutatedSamplesNeverCrash() {
        var random = ReaderFuzzRandom(seed: 0xD0C_0002)
        let samples = [DockerfileSamples.python, DockerfileSamples.node, DockerfileSamples.go].map { Array($0.utf8) }
        var allPositionsValid = true
        for round in 0..<3000 {
            let mutated = random.mutate(samples[round % samples.count])
            let file = DockerfileParser.parse(text: String(decoding: mutated, as: UTF8.self))
            for instruction in file.instructions {
                _ = instruction.copy
                _ = instruction.healthcheck
                _ = instruction.exposedPorts
                _ = instruction.user
                for command in instruction.shell?.allCommands ?? [] {
                    let range = file.range(of: command)
                    allPositionsValid = allPositionsValid && range.start.line >= 1 && range.start <= range.end
                }
            }
            for instruction in file.instructions.prefix(3) { _ = file.comments(above: instruction) }
        }
        #expect(allPositionsValid)
    }
}
