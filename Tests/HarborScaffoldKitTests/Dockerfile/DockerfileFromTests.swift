import Testing
@testable import HarborScaffoldKit

@Suite struct DockerfileFromTests {
    private func image(_ from: String, prelude: String = "") throws -> DockerImageReference {
        try #require(DockerfileParser.parse(text: prelude + "FROM " + from).stages.last?.image)
    }

    @Test func splitsImageReferences() throws {
        let full = try image("registry.example.com:5000/org/team/img:1.2.3@sha256:abcdef")
        #expect(full.registry == "registry.example.com:5000")
        #expect(full.repository == "org/team/img")
        #expect(full.tag == "1.2.3")
        #expect(full.digest == "sha256:abcdef")
        #expect(full.name == "registry.example.com:5000/org/team/img")
        #expect(full.isPinnedByDigest)
        let hub = try image("python:3.12-slim")
        #expect(hub.registry == nil && hub.repository == "python" && hub.tag == "3.12-slim" && hub.digest == nil)
        let org = try image("bitnami/postgresql")
        #expect(org.registry == nil && org.repository == "bitnami/postgresql" && org.usesImplicitLatest)
        let local = try image("localhost/img:dev")
        #expect(local.registry == "localhost" && local.repository == "img" && local.tag == "dev")
        let port = try image("localhost:5000/img")
        #expect(port.registry == "localhost:5000" && port.tag == nil)
        let digestOnly = try image("ubuntu@sha256:0123")
        #expect(digestOnly.tag == nil && digestOnly.digest == "sha256:0123" && !digestOnly.usesImplicitLatest)
        #expect(try image("scratch").isScratch)
        #expect(try image("scratch").usesImplicitLatest == false)
    }

    @Test func platformAliasAndRanges() throws {
        let file = DockerfileParser.parse(text: "FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS Build")
        let reference = try #require(file.stages.first?.image)
        #expect(reference.platform == "$BUILDPLATFORM")
        #expect(reference.alias == "Build")
        #expect(reference.range == SourceRange(start: .init(line: 1, column: 32), end: .init(line: 1, column: 50)))
        #expect(reference.aliasRange == SourceRange(start: .init(line: 1, column: 54), end: .init(line: 1, column: 59)))
        #expect(file.stage(named: "build")?.index == 0)
        #expect(file.issues.isEmpty)
    }

    @Test func substitutesGlobalArguments() throws {
        let prelude = "ARG PY=3.12\nARG DISTRO=slim\nARG REGISTRY\nARG IMAGE=python:${PY}\n"
        #expect(try image("python:${PY}-${DISTRO}", prelude: prelude).resolved == "python:3.12-slim")
        #expect(try image("python:$PY", prelude: prelude).tag == "3.12")
        #expect(try image("$IMAGE", prelude: prelude).resolved == "python:3.12")
        let fallback = try image("python:${MISSING:-3.11}", prelude: prelude)
        #expect(fallback.resolved == "python:3.11" && fallback.unresolvedVariables.isEmpty)
        let declaredEmpty = try image("python:${REGISTRY:-3.10}", prelude: prelude)
        #expect(declaredEmpty.resolved == "python:3.10")
        let unresolved = try image("${REGISTRY}/python:${PY}", prelude: prelude)
        #expect(unresolved.resolved == "/python:3.12")
        #expect(unresolved.unresolvedVariables == ["REGISTRY"])
        #expect(unresolved.raw == "${REGISTRY}/python:${PY}")
        let undeclared = try image("node:$NODE_VERSION")
        #expect(undeclared.unresolvedVariables == ["NODE_VERSION"])
        #expect(try image("img:${PY:+set}", prelude: prelude).resolved == "img:set")
        #expect(try image("img:\\$PY", prelude: prelude).resolved == "img:$PY")
        #expect(try image("golang:1.22-${TARGETARCH}").resolved == "golang:1.22-${TARGETARCH}")
    }

    @Test func argumentsInsideStagesDoNotAffectFrom() throws {
        let file = DockerfileParser.parse(text: "ARG V=1\nFROM a:$V\nARG V=2\nFROM b:$V")
        #expect(file.stages.map(\.image.resolved) == ["a:1", "b:1"])
        #expect(file.globalArguments.map(\.key) == ["V"])
        #expect(file.instructions[0].stageIndex == nil)
        #expect(file.instructions[2].stageIndex == 0)
    }

    @Test func stagesAndStageReferences() throws {
        let text = """
            FROM golang:1.22 AS build
            RUN go build -o /out/app ./...
            FROM build AS test
            RUN go test ./...
            FROM gcr.io/distroless/static:nonroot
            COPY --from=build /out/app /app
            COPY --from=0 /etc/passwd /etc/passwd
            """
        let file = DockerfileParser.parse(text: text)
        #expect(file.stages.map(\.name) == ["build", "test", nil])
        #expect(file.stages.map(\.instructionIndices) == [[0, 1], [2, 3], [4, 5, 6]])
        #expect(file.stages[1].baseStageIndex == 0)
        #expect(file.stages[1].image.usesImplicitLatest == false)
        #expect(file.stages[2].baseStageIndex == nil)
        #expect(file.instructions.map(\.stageIndex) == [0, 0, 1, 1, 2, 2, 2])
        #expect(file.stage(named: "BUILD")?.index == 0)
        #expect(file.stage(named: "1")?.name == "test")
        #expect(file.stage(named: "7") == nil)
        #expect(file.instructions[6].copy.flatMap { $0.from.flatMap(file.stage(named:)) }?.index == 0)
        #expect(file.stage(containing: 3)?.name == "test")
        #expect(file.instructions(in: file.stages[1]).map(\.keyword) == ["FROM", "RUN"])
    }

    @Test func malformedFromLines() {
        let file = DockerfileParser.parse(text: "FROM a AS one\nFROM b AS one\nFROM c AS\nFROM d e\nFROM\nFROM f AS 9bad")
        #expect(file.issues.map(\.message) == [
            "duplicate stage name `one`",
            "missing stage name after AS",
            "FROM expects `image [AS name]`",
            "FROM requires arguments",
            "invalid stage name `9bad`",
        ])
        #expect(file.stages.count == 6)
    }
}
