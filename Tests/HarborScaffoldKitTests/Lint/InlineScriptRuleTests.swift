import Testing
@testable import HarborScaffoldKit

/// Commands hidden in `sh -c` scripts, exec-form shells and `ONBUILD` triggers reach the rules, once,
/// at the right place.
@Suite struct InlineScriptRuleTests {
    /// `ID line:column` of each finding of `select` in the builder-layout `dockerfile`.
    private func found(_ dockerfile: String, select: [String]) -> [String] {
        DockerLint.findings(dockerfile: dockerfile, select: select).map { "\($0.ruleID) \($0.line):\($0.column)" }
    }

    /// `line:column` of the first `needle` on `line`.
    private func at(_ needle: String, line: Int, in text: String) -> String {
        "\(line):\(DockerLint.column(of: needle, line: line, in: text) ?? 0)"
    }

    // MARK: - C rules

    @Test func pipInsideShDashCIsPinnedLikeAnyOther() {
        let text = "FROM python:3.12-slim\nRUN sh -c \"pip install --no-cache-dir requests\"\nRUN [\"/bin/bash\", \"-c\", \"pip install --no-cache-dir flask==3.1.0 httpx\"]\n"
        #expect(found(text, select: ["C103"]) == ["C103 " + at("requests", line: 2, in: text), "C103 " + at("httpx", line: 3, in: text)])
    }

    @Test func aScriptSplitOverContinuationLinesKeepsItsColumns() {
        let text = "FROM debian:bookworm-slim\nRUN sudo sh -ec \"apt-get update && \\\n    apt-get install --no-install-recommends curl\"\n"
        #expect(found(text, select: ["C203"]) == ["C203 " + at("install", line: 3, in: text)])
    }

    @Test func downloadsPipedToAShellInsideBashDashCAreCaught() {
        let exec = "FROM debian:bookworm-slim\nRUN [\"/bin/bash\", \"-c\", \"curl -fsSL https://get.example.com/install.sh | sh\"]\n"
        #expect(found(exec, select: ["C106"]) == ["C106 " + at("curl", line: 2, in: exec)])
        let login = "FROM debian:bookworm-slim\nRUN bash -lc 'wget -qO- https://get.example.com/install.sh | bash -s -- --yes'\n"
        #expect(found(login, select: ["C106"]) == ["C106 " + at("wget", line: 2, in: login)])
        let substituted = "FROM debian:bookworm-slim\nRUN bash -c \"$(curl -fsSL https://get.example.com/install.sh)\"\n"
        #expect(found(substituted, select: ["C106"]).count == 1, "the outer shell runs the substitution: one finding")
    }

    @Test func anInstallInAnOuterSubstitutionIsReportedOnce() {
        let text = "FROM python:3.12-slim\nRUN sh -c \"echo $(pip install --no-cache-dir requests)\"\n"
        #expect(found(text, select: ["C103"]).count == 1)
    }

    @Test func aBashDashCPipelineNeedsItsOwnPipefail() {
        let shell = "FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        let plain = shell + "RUN bash -c \"curl -fsSL https://example.com/x-1.0.tgz | tar -xz\"\n"
        let findings = DockerLint.findings(dockerfile: plain, select: ["C207"])
        #expect(findings.map(\.message) == ["the pipeline hides a failure of 'curl': the bash -c script does not set pipefail"])
        #expect(findings.first?.column == DockerLint.column(of: "curl", line: 3, in: plain))
        #expect(found(shell + "RUN bash -o pipefail -c \"curl -fsSL https://example.com/x-1.0.tgz | tar -xz\"\n", select: ["C207"]).isEmpty)
        #expect(found(shell + "RUN bash -c \"set -o pipefail; curl -fsSL https://example.com/x-1.0.tgz | tar -xz\"\n", select: ["C207"]).isEmpty)
    }

    @Test func cleaningInsideTheScriptCountsForTheRun() {
        let text = "FROM debian:bookworm-slim\nRUN sh -c 'apt-get update && apt-get install -y --no-install-recommends curl' && rm -rf /var/lib/apt/lists/*\n"
        #expect(found(text, select: ["C203", "C204", "C205"]).isEmpty)
    }

    @Test func heredocScriptsAndTheVerifiersDockerfileAreSearchedToo() {
        let heredoc = "FROM python:3.12-slim\nRUN <<EOF\nset -e\nsh -c 'pip install --no-cache-dir requests'\nEOF\n"
        #expect(found(heredoc, select: ["C103"]) == ["C103 " + at("requests", line: 4, in: heredoc)])
        let files = [
            "environment/Dockerfile": "FROM python:3.12-slim\n", "task.toml": "",
            "tests/Dockerfile": "FROM python:3.12-slim\nRUN bash -c 'pip install --no-cache-dir pytest'\n",
        ]
        #expect(DockerLint.findings(files, select: ["C103"]).map(\.path) == ["tests/Dockerfile"])
    }

    @Test func onbuildTriggersAreReadAsInstructions() throws {
        let text = """
            FROM python:3.12-slim
            ONBUILD RUN pip install --no-cache-dir requests
            ONBUILD RUN sh -c "npm install -g typescript"
            ONBUILD ENV GH_TOKEN=ghp_R2d4T6f8H0j2K4l6N8p0Q2s4U6w8Y0a2C4e6
            ONBUILD CMD python app.py
            ONBUILD ADD https://example.com/data.csv /data/
            """
        let all = found(text, select: ["C103", "C104", "C107", "C208", "C304"])
        #expect(all == [
            "C103 " + at("requests", line: 2, in: text), "C104 " + at("typescript", line: 3, in: text),
            "C304 " + at("GH_TOKEN", line: 4, in: text), "C208 " + at("CMD", line: 5, in: text),
            "C107 " + at("https", line: 6, in: text),
        ])
        let file = DockerfileParser.parse(text: text)
        #expect(file.instructions.count == 6 && file.instructions.allSatisfy { $0.keyword == "FROM" || $0.trigger != nil })
        let trigger = try #require(file.instructions[1].trigger)
        #expect(trigger.keyword == "RUN" && trigger.isOnbuildTrigger && trigger.lines == 2...2 && trigger.index == 1)
        #expect(file.instructions[1].onbuildKeyword == "RUN")
        for rejected in ["ONBUILD ONBUILD RUN x", "ONBUILD FROM python", "ONBUILD MAINTAINER me", "ONBUILD", "ONBUILD NOPE x"] {
            #expect(DockerfileParser.parse(text: "FROM x\n" + rejected + "\n").instructions[1].trigger == nil, "\(rejected)")
        }
    }

    @Test func onbuildRunReadsItsHereDocuments() throws {
        let text = """
            FROM python:3.12-slim
            ONBUILD RUN <<EOF
            set -e
            pip install --no-cache-dir requests
            FROM alpine:3.20
            EOF
            ONBUILD COPY <<EOF /etc/app.conf
            RUN pip install --no-cache-dir httpx
            EOF
            RUN pip install --no-cache-dir flask==3.1.0
            """
        #expect(found(text, select: ["C001", "C103"]) == ["C103 " + at("requests", line: 4, in: text)])
        let file = DockerfileParser.parse(text: text)
        #expect(file.stages.count == 1, "the body's FROM is script text, not a stage")
        #expect(file.instructions.map(\.keyword) == ["FROM", "ONBUILD", "ONBUILD", "RUN"])
        let trigger = try #require(file.instructions[1].trigger)
        #expect(trigger.lines == 2...6 && trigger.heredocs.map(\.delimiter) == ["EOF"])
        #expect(trigger.shell?.commands.compactMap(\.name) == ["set", "pip", "FROM"])
        #expect(file.instructions[2].trigger?.heredocs.first?.body == "RUN pip install --no-cache-dir httpx\n")
        let exec = "FROM x\nONBUILD RUN [\"sh\", \"-c\", \"cat <<EOF\"]\nRUN true\n"
        #expect(DockerfileParser.parse(text: exec).instructions.count == 3, "an exec-form trigger opens no here-document")
    }

    @Test func aSuppressionAboveAnOnbuildHereDocumentCoversItsBody() {
        let text = "FROM python:3.12-slim\n# harbor-scaffold: ignore[C103]\nONBUILD RUN <<EOF\npip install --no-cache-dir requests\nEOF\n"
        #expect(found(text, select: ["C103"]).isEmpty)
    }

    @Test func problemsInsideAnOnbuildTriggerAreSyntaxErrorsWhereTheyAre() {
        let text = """
            FROM python:3.12-slim
            ONBUILD RUN --cache=/root/.cache pip install -r requirements.txt
            ONBUILD FROM alpine:3.20
            ONBUILD ONBUILD RUN make
            ONBUILD NOPE x
            ONBUILD ENV DEBUG
            ONBUILD SHELL /bin/bash -c
            ONBUILD RUN
            ONBUILD --quiet RUN make
            ONBUILD RUN <<EOF
            make
            """
        let findings = DockerLint.findings(dockerfile: text, select: ["C001"])
        #expect(findings.map { "\($0.line):\($0.column)" } == [
            at("--cache", line: 2, in: text), "3:9", "4:9", "5:9", at("DEBUG", line: 6, in: text), "7:9", "8:9", "9:9",
            at("<<EOF", line: 10, in: text),
        ])
        #expect(findings.map(\.message) == [
            "unknown flag `--cache` for RUN (in the ONBUILD trigger)", "FROM is not allowed as an ONBUILD trigger",
            "chaining ONBUILD via `ONBUILD ONBUILD` is not allowed", "unknown instruction `NOPE` in the ONBUILD trigger",
            "ENV DEBUG has no value (in the ONBUILD trigger)",
            "SHELL requires the exec form: a non-empty JSON array of strings (in the ONBUILD trigger)",
            "RUN requires arguments (in the ONBUILD trigger)", "unknown flag `--quiet` for ONBUILD",
            "unterminated here-document `EOF`",
        ])
        let fine = "FROM python:3.12-slim\nONBUILD RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt\nONBUILD ENV A=1 B=2\nONBUILD COPY --chown=app:app . /app\n"
        #expect(found(fine, select: ["C001"]).isEmpty)
    }

    @Test func suFindAndXargsScriptsAreReadInRunInstructions() {
        let text = """
            FROM python:3.12-slim
            RUN su -c "pip install --no-cache-dir requests" app
            RUN find /wheels -name '*.whl' -exec sh -c 'pip install --no-cache-dir httpx' \\;
            RUN ls /srv | xargs -I{} sh -c 'pip install --no-cache-dir rich'
            RUN runuser -u app -- pip install --no-cache-dir click
            """
        #expect(found(text, select: ["C103"]) == [
            "C103 " + at("requests", line: 2, in: text), "C103 " + at("httpx", line: 3, in: text),
            "C103 " + at("rich", line: 4, in: text), "C103 " + at("click", line: 5, in: text),
        ])
    }

    @Test func triggersDoNotRunInThisBuild() {
        let text = "FROM python:3.12-slim\nONBUILD ENV PIP_NO_CACHE_DIR=1\nRUN pip install fastapi==0.115.12\nONBUILD RUN mkdir /a\nRUN mkdir /b\nRUN mkdir /c\nRUN mkdir /d\n"
        #expect(found(text, select: ["C205", "C206"]) == ["C205 3:5"], "an ONBUILD ENV does not set this image's environment; triggers are not layers")
    }

    // MARK: - S rules

    @Test func installsAndDownloadsInsideBashDashCAreSeenInTheVerifier() {
        let script = "#!/bin/bash\nbash -c \"pip install pytest==8.3.4\"\nsh -c 'curl -LsSf https://astral.sh/uv/0.9.7/install.sh | sh'\nbash -c \"echo $(curl -fsSL -o /tmp/d.json https://example.com/d.json)\"\n"
        let findings = LintRuleTestSupport.findings(["tests/test.sh": script, "task.toml": ""], select: ["S104", "S105"])
        #expect(findings.map { String($0.prefix(24)) } == [
            "S104 tests/test.sh:2:10 ", "S105 tests/test.sh:3:8 `", "S105 tests/test.sh:4:17 ",
        ], "the substitution on line 4 is the outer shell's: one finding")
    }
}
