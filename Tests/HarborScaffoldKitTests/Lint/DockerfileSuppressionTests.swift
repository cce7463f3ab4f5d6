import Testing
@testable import HarborScaffoldKit

/// Suppression comments in Dockerfiles: a directive above an instruction covers all of it.
@Suite struct DockerfileSuppressionTests {
    /// `ID line` of each finding of `select` in the builder-layout `dockerfile`.
    private func found(_ dockerfile: String, select: [String] = ["C103"]) -> [String] {
        DockerLint.findings(dockerfile: dockerfile, select: select).map { "\($0.ruleID) \($0.line)" }
    }

    @Test func aDirectiveAboveAContinuedRunCoversItsInnerLines() {
        let text = """
            FROM python:3.12-slim
            # harbor-scaffold: ignore[C103]
            RUN apt-get update \\
             && pip install --no-cache-dir \\
                  requests \\
                  flask
            RUN pip install --no-cache-dir httpx
            """
        #expect(found(text) == ["C103 7"], "lines 5 and 6 are covered; the next RUN is not")
        #expect(found(text.replacingOccurrences(of: "# harbor-scaffold: ignore[C103]\n", with: "# a comment\n")) == ["C103 5", "C103 6", "C103 7"])
    }

    @Test func aDirectiveAboveAHeredocRunCoversItsBody() {
        let text = """
            FROM python:3.12-slim
            # harbor-scaffold: ignore[unpinned-pip-install]
            RUN <<EOF
            set -e
            pip install --no-cache-dir requests
            EOF
            RUN <<EOF
            pip install --no-cache-dir flask
            EOF
            """
        #expect(found(text) == ["C103 8"])
    }

    @Test func theWholeCommentBlockAboveAnInstructionCounts() {
        let text = """
            FROM python:3.12-slim
            # harbor-scaffold: ignore[C103]
            # requests is pinned by the constraints file the app ships
            RUN pip install --no-cache-dir \\
                requests
            """
        #expect(found(text).isEmpty)
        let separated = text.replacingOccurrences(of: "ships\n", with: "ships\n\n")
        #expect(found(separated) == ["C103 6"], "a blank line ends the block")
    }

    @Test func aDirectiveNeverReachesTheFollowingInstruction() {
        let endOfLine = "FROM python:3.12-slim\nRUN pip install --no-cache-dir requests  # harbor-scaffold: ignore[C103]\nRUN pip install --no-cache-dir flask\n"
        #expect(found(endOfLine) == ["C103 3"])
        let inside = "FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n    # harbor-scaffold: ignore[C103]\n    requests\nRUN pip install --no-cache-dir flask\n"
        #expect(found(inside) == ["C103 5"], "a comment inside a RUN covers the next line of that RUN only")
        let lastComment = "FROM python:3.12-slim\nRUN pip install --no-cache-dir requests\n# harbor-scaffold: ignore[C103]\n\nRUN pip install --no-cache-dir flask\n"
        #expect(found(lastComment) == ["C103 2", "C103 5"])
    }

    @Test func theVerifiersDockerfileIsReadTheSameWay() {
        let files = [
            "environment/Dockerfile": "FROM python:3.12-slim\n", "task.toml": "",
            "tests/Dockerfile": "FROM python:3.12-slim\n# harbor-scaffold: ignore[C103]\nRUN pip install --no-cache-dir \\\n    pytest\n",
        ]
        #expect(DockerLint.findings(files, select: ["C103"]).isEmpty)
    }

    @Test func otherFilesKeepTheirLineAndTheNext() {
        let script = "#!/bin/bash\n# harbor-scaffold: ignore[S104]\necho start && \\\n  pip install pytest==8.3.4\n"
        let findings = LintRuleTestSupport.findings(["tests/test.sh": script, "task.toml": ""], select: ["S104"])
        #expect(findings.map { $0.prefix(18) } == ["S104 tests/test.sh"])
        let source = SourceText(path: "Dockerfile", text: "FROM x\n# harbor-scaffold: ignore[C103]\nRUN a \\\n  b\n")
        #expect(Suppressions(source).directives.first?.coveredLines == 2...3)
        let parsed = DockerfileParser.parse(source)
        #expect(Suppressions(source, dockerfile: parsed).directives.first?.coveredLines == 2...4)
    }
}
