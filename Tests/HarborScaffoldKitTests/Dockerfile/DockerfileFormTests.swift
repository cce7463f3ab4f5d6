import Testing
@testable import HarborScaffoldKit

@Suite struct DockerfileFormTests {
    private func instruction(_ line: String) throws -> DockerInstruction {
        try #require(DockerfileParser.parse(text: "FROM alpine\n" + line).instructions.last)
    }

    @Test func execFormNeedsAValidJSONStringArray() throws {
        #expect(try instruction(#"CMD ["python", "-m", "http.server"]"#).form == .exec(["python", "-m", "http.server"]))
        #expect(try instruction(#"ENTRYPOINT [ "a b" ,"c" ]  "#).form == .exec(["a b", "c"]))
        #expect(try instruction("CMD []").form == .exec([]))
        #expect(try instruction(#"CMD ["\u00e9\n\"q\"", "\ud83d\ude00"]"#).form == .exec(["é\n\"q\"", "😀"]))
        #expect(try instruction("CMD ['single', 'quotes']").form == .shell("['single', 'quotes']"))
        #expect(try instruction(#"CMD ["unterminated]"#).form.isExec == false)
        #expect(try instruction(#"CMD ["a", 1]"#).form.isExec == false)
        #expect(try instruction(#"CMD ["a"] trailing"#).form.isExec == false)
        #expect(try instruction("CMD python app.py").form == .shell("python app.py"))
    }

    @Test func execFormWordsHaveRanges() throws {
        let file = DockerfileParser.parse(text: "FROM alpine\nENTRYPOINT [\"/bin/tini\", \"--\"]")
        let words = try #require(file.instructions.last?.argumentWords)
        #expect(words.map(\.value) == ["/bin/tini", "--"])
        #expect(words[1].raw == "\"--\"")
        #expect(words[1].range == SourceRange(start: .init(line: 2, column: 26), end: .init(line: 2, column: 30)))
        #expect(file.instructions.last?.shell == nil)
    }

    @Test func shellFormCommandsAreParsed() throws {
        let cmd = try instruction("CMD gunicorn app:app --bind 0.0.0.0:$PORT || exit 1")
        #expect(cmd.shell?.commands.compactMap(\.name) == ["gunicorn", "exit"])
        let entrypoint = try instruction("ENTRYPOINT exec python main.py")
        #expect(entrypoint.shell?.commands.first?.withoutWrappers.name == "python")
        #expect(try instruction("ENV A=1").shell == nil)
    }

    @Test func flagsAreSeparatedFromArguments() throws {
        let run = try instruction(
            "RUN --mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=token --network=none pip install x")
        #expect(run.flags.map(\.name) == ["mount", "mount", "network"])
        #expect(run.flags(named: "mount").compactMap(\.value) == ["type=cache,target=/root/.cache/pip", "type=secret,id=token"])
        #expect(run.flag("network")?.value == "none")
        #expect(run.arguments == "pip install x")
        #expect(run.flags[0].range == SourceRange(start: .init(line: 2, column: 5), end: .init(line: 2, column: 47)))
        let copy = try instruction("COPY --link --from=build --chown=app:app /out /app")
        #expect(copy.flag("link")?.value == nil)
        #expect(copy.flag("link")?.boolValue == true)
        #expect(copy.arguments == "/out /app")
        let marker = try instruction("COPY -- --weird-name /dst")
        #expect(marker.flags.isEmpty)
        #expect(marker.argumentWords.map(\.value) == ["--weird-name", "/dst"])
    }

    @Test func shellInstructionChangesTheShell() throws {
        let text = """
            FROM debian AS base
            RUN echo sh
            SHELL ["/bin/bash", "-o", "pipefail", "-c"]
            RUN curl x | tar x
            FROM base
            RUN echo inherited
            FROM debian
            RUN echo reset
            SHELL ["pwsh", "-Command"]
            RUN Write-Host $env:PATH
            SHELL /bin/bash -c
            """
        let file = DockerfileParser.parse(text: text)
        let runs = file.instructions("run")
        #expect(runs.map(\.effectiveShell) == [
            ["/bin/sh", "-c"], ["/bin/bash", "-o", "pipefail", "-c"], ["/bin/bash", "-o", "pipefail", "-c"],
            ["/bin/sh", "-c"], ["pwsh", "-Command"],
        ])
        #expect(runs.map { $0.shell != nil } == [true, true, true, true, false])
        #expect(file.stages.map(\.finalShell.first) == ["/bin/bash", "/bin/bash", "pwsh"])
        #expect(file.instructions[2].shellOverride == ["/bin/bash", "-o", "pipefail", "-c"])
        #expect(file.issues.map(\.message) == ["SHELL requires the exec form: a non-empty JSON array of strings"])
    }
}
