import Testing
@testable import HarborScaffoldKit

@Suite struct DockerfileViewTests {
    private func parse(_ body: String) -> Dockerfile {
        DockerfileParser.parse(text: "FROM alpine\n" + body)
    }

    @Test func copyView() throws {
        let file = parse("COPY --from=build --chown=app:app --chmod=644 --link \"my file.txt\" src/*.py /app/")
        let copy = try #require(file.instructions.last?.copy)
        #expect(!copy.isAdd)
        #expect(copy.sources.map(\.value) == ["my file.txt", "src/*.py"])
        #expect(copy.sources.map(\.hasWildcard) == [false, true])
        #expect(copy.destination?.value == "/app/")
        #expect(copy.from == "build" && copy.chown == "app:app" && copy.chmod == "644" && copy.link)
        #expect(copy.sources[1].range == SourceRange(start: .init(line: 2, column: 68), end: .init(line: 2, column: 76)))
        let exec = try #require(parse(#"COPY ["tests/", "/tests/"]"#).instructions.last?.copy)
        #expect(exec.sources.map(\.value) == ["tests/"])
        #expect(exec.destination?.value == "/tests/")
        #expect(file.instructions.first?.copy == nil)
    }

    @Test func addViewDetectsRemoteSources() throws {
        let file = parse(
            """
            ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
            ADD git@github.com:org/repo.git /src
            ADD https://github.com/org/repo.git#v1.0 /src2
            ADD --link=false local.tar.gz /opt/
            """)
        let adds = file.instructions("ADD").compactMap(\.copy)
        #expect(adds.count == 4)
        #expect(adds[0].isAdd && adds[0].checksum?.hasPrefix("sha256:") == true)
        #expect(adds.map { $0.sources.first?.isRemoteURL } == [true, false, true, false])
        #expect(adds.map { $0.sources.first?.isGitRepository } == [false, true, true, false])
        #expect(adds.map(\.hasRemoteSource) == [true, true, true, false])
        #expect(adds[3].link == false)
    }

    @Test func envInBothForms() throws {
        let file = parse("ENV PATH=/opt/bin:$PATH LANG=\"C.UTF-8\" EMPTY=\nENV PYTHONUNBUFFERED 1\nENV MSG \"hello  world\" again")
        let modern = try #require(file.instructions.dropFirst().first?.keyValues)
        #expect(modern.map(\.key) == ["PATH", "LANG", "EMPTY"])
        #expect(modern.map(\.value) == ["/opt/bin:$PATH", "C.UTF-8", ""])
        #expect(modern[1].keyRange == SourceRange(start: .init(line: 2, column: 25), end: .init(line: 2, column: 29)))
        #expect(modern[1].range == SourceRange(start: .init(line: 2, column: 25), end: .init(line: 2, column: 39)))
        let legacy = try #require(file.instructions[2].keyValues.first)
        #expect(legacy.isLegacyForm && legacy.key == "PYTHONUNBUFFERED" && legacy.value == "1")
        #expect(file.instructions[3].keyValues.first?.value == "hello  world again")
        #expect(file.issues.isEmpty)
    }

    @Test func argAndLabel() throws {
        let file = parse("ARG VERSION=1.0 BUILD_DATE\nLABEL org.opencontainers.image.title=\"My App\" maintainer=me@x.org\nLABEL legacy value")
        let arg = file.instructions[1].keyValues
        #expect(arg.map(\.key) == ["VERSION", "BUILD_DATE"])
        #expect(arg.map(\.value) == ["1.0", nil])
        #expect(file.instructions[2].keyValues.map(\.value) == ["My App", "me@x.org"])
        #expect(file.instructions[3].keyValues.first?.isLegacyForm == true)
    }

    @Test func keyValueProblems() {
        let file = parse("ENV lonely\nENV A=1 B\nLABEL =x")
        #expect(file.issues.map(\.message) == [
            "ENV lonely has no value",
            "ENV expects `key=value`, found `B`",
            "LABEL has an empty name in `=x`",
        ])
    }

    @Test func userWorkdirExpose() throws {
        let file = parse("USER app:staff\nUSER 0\nWORKDIR /srv/app\nEXPOSE 80 443/tcp 8000-8010/UDP $PORT")
        #expect(file.instructions[1].user?.user == "app")
        #expect(file.instructions[1].user?.group == "staff")
        #expect(file.instructions[1].user?.isRoot == false)
        #expect(file.instructions[2].user?.isRoot == true)
        #expect(file.instructions[3].workdir == "/srv/app")
        let ports = file.instructions[4].exposedPorts
        #expect(ports.map(\.port) == [80, 443, 8000, nil])
        #expect(ports.map(\.endPort) == [nil, nil, 8010, nil])
        #expect(ports.map(\.transport) == ["tcp", "tcp", "udp", "tcp"])
        #expect(file.instructions[0].user == nil && file.instructions[0].exposedPorts.isEmpty)
    }

    @Test func healthcheckView() throws {
        let file = parse(
            """
            HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1
            HEALTHCHECK CMD ["pg_isready", "-U", "postgres"]
            HEALTHCHECK NONE
            """)
        let shellForm = try #require(file.instructions[1].healthcheck)
        #expect(!shellForm.isDisabled)
        #expect(shellForm.options.map(\.name) == ["interval", "retries"])
        #expect(shellForm.command == .shell("curl -f http://localhost/ || exit 1"))
        #expect(file.instructions[1].shell?.commands.compactMap(\.name) == ["curl", "exit"])
        let curl = try #require(file.instructions[1].shell?.commands.first?.nameWord)
        #expect(file.range(of: curl).start == SourcePosition(line: 2, column: 44))
        #expect(file.instructions[2].healthcheck?.command == .exec(["pg_isready", "-U", "postgres"]))
        #expect(file.instructions[2].shell == nil)
        #expect(file.instructions[3].healthcheck?.isDisabled == true)
    }

    @Test func onbuildTrigger() {
        let file = parse("ONBUILD RUN pip install -r requirements.txt")
        #expect(file.instructions.last?.onbuildKeyword == "RUN")
        #expect(file.instructions.last?.arguments == "RUN pip install -r requirements.txt")
    }
}
