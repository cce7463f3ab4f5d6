import Testing
@testable import HarborScaffoldKit

@Suite struct RedFlagRuleTests {
    private func text(_ fields: [DraftFieldKind: String]) -> String {
        DraftExample.with(fields).files["draft_spec.md"] ?? ""
    }

    @Test func fencedBlockIsReportedAtItsOpeningLineWithItsLines() throws {
        let draft = text([.instructions: "Make limits apply per tenant:\n```go\nx := 1\n```\nKeep the API."])
        let found = ConstraintRuleProbe.findings(draft, ["D501"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.range?.start == SourcePosition(line: 5, column: 1))
        #expect(finding.message.contains("Instructions has a fenced code block ('```go', lines 5–7)"))
    }

    @Test func unclosedFenceIsSaidToBeUnclosed() throws {
        let draft = DraftExample.baseText + "```\nkey = tenant\n"
        let finding = try #require(ConstraintRuleProbe.findings(draft, ["D501"]).first)
        #expect(finding.message.contains("an unclosed fenced code block"))
    }

    @Test func unfencedCodeNeedsThreeCodeLines() {
        let two = "Make limits apply per tenant:\n    count = redis.incr(key)\n    return count <= limit"
        #expect(ConstraintRuleProbe.findings([.instructions: two], ["D501"]).isEmpty)
        let three = "Make limits apply per tenant:\n    key = tenant_key(request)\n    count = redis.incr(key)\n    return count <= limit"
        #expect(ConstraintRuleProbe.findings([.instructions: three], ["D501"]).count == 1)
    }

    @Test(arguments: [
        ("FROM python:3.12-slim AS base", true), ("FROM ubuntu", true), ("FROM the repository root, run it.", false),
        ("RUN apt-get install -y redis", true), ("RUN [\"make\", \"build\"]", true), ("RUN the migrations first.", false),
        ("COPY --chown=app . /app", true), ("COPY the fixtures into place.", false), ("ADD requirements.txt /tmp/", true),
        ("WORKDIR /srv/app", true), ("ENTRYPOINT [\"uvicorn\"]", true), ("ENTRYPOINT starts Uvicorn.", false),
        ("CMD uvicorn app:app", true), ("CMD is the admin command.", false), ("ENV REDIS_URL=redis://redis:6379", true),
        ("ENV PATH /usr/local/bin", true), ("ENV vars hold the limits.", false), ("EXPOSE 8000/tcp", true),
        ("EXPOSE the metrics port.", false), ("USER root", true), ("USER app:app", true),
        ("USER accounts are created by fixtures.", false), ("ARG PYTHON_VERSION=3.12", true), ("LABEL org.team=gateway", true),
        ("HEALTHCHECK CMD curl -f http://localhost:8000/health", true), ("Run the migrations.", false),
        ("From python:3.12 onwards the API is typed.", false),
    ])
    func dockerfileLinesNeedAnUppercaseKeywordAndAPlausibleArgument(_ line: String, _ instruction: Bool) {
        let found = ConstraintRuleProbe.findings([.environmentSetup: "Python 3.12 with FastAPI and Redis.\n\(line)"], ["D502"])
        #expect(found.isEmpty == !instruction, "\(line)")
    }

    @Test func consecutiveDockerfileLinesAreOneFinding() throws {
        let draft = text([.environmentSetup: "Built from:\nFROM python:3.12-slim\n\nRUN pip install fastapi\nEXPOSE 8000\nThen Redis."])
        let found = ConstraintRuleProbe.findings(draft, ["D502"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("'FROM python:3.12-slim' and 2 more lines"))
        #expect(finding.range?.start.line == 6 && finding.range?.end.line == 9)
    }

    @Test(arguments: [
        "import pytest", "def test_limits(client):", "@pytest.fixture", "assert resp.status_code == 429",
        "self.assertEqual(resp.status_code, 429)", "expect(res.status).toBe(429)", "it('returns 429', async () => {",
        "func TestLimits(t *testing.T) {", "from unittest.mock import patch",
    ])
    func testCodeIsRecognised(_ line: String) {
        #expect(!ConstraintRuleProbe.findings([.testing: "Tests check the limits.\n\(line)"], ["D503"]).isEmpty, "\(line)")
    }

    @Test(arguments: [
        "Tests assert that the 101st request returns 429.", "Migrate the suite from unittest to pytest fixtures.",
        "The test (run twice) must describe ('which tenant') failed.", "Tests check that the latest(tm) build passes.",
    ])
    func proseAboutTestsIsNotTestCode(_ line: String) {
        #expect(ConstraintRuleProbe.findings([.testing: line], ["D503"]).isEmpty, "\(line)")
    }

    @Test func shellCommandsAreQuotedFromWhereTheyStart() throws {
        let draft = text([.environmentSetup: "Python 3.12; Redis comes from sudo apt-get install redis-server."])
        let finding = try #require(ConstraintRuleProbe.findings(draft, ["D504"]).first)
        #expect(finding.message.contains("'sudo apt-get install redis-server.'"))
        #expect(finding.severity == .warning)
    }

    @Test(arguments: [
        "make build && ./run", "x=$(cat /etc/hostname)", "curl https://x.io/i.sh | sh", "rm -rf /var/lib/apt/lists",
        "chmod 777 /data", "start it > /dev/null 2>&1", "use `docker compose up -d` first", "pip install redis",
    ])
    func shellShapesAreRecognised(_ fragment: String) {
        let found = ConstraintRuleProbe.findings([.environmentSetup: "Python 3.12 with Redis; \(fragment)"], ["D504"])
        #expect(!found.isEmpty, "\(fragment)")
    }

    @Test(arguments: [
        "dependencies are locked with pip-tools and npm workspaces", "the | shared | column of a table",
        "R&D owns the gateway", "`redis-cli` is available",
    ])
    func toolNamesInProseAreNotCommands(_ fragment: String) {
        #expect(ConstraintRuleProbe.findings([.environmentSetup: "Python 3.12 with Redis; \(fragment)."], ["D504"]).isEmpty)
    }

    @Test func shellRuleLeavesDockerfileLinesToD502() {
        let found = ConstraintRuleProbe.findings(
            [.environmentSetup: "Python 3.12 with Redis.\nRUN pip install fastapi"], ["D502", "D504"])
        #expect(found.map(\.ruleID) == ["D502"])
    }

    @Test func stackMismatchNamesForeignFrameworksAndTheLanguage() throws {
        let draft = text([.language: "go", .keyTechnologies: "Django, Celery, PostgreSQL"])
        let found = ConstraintRuleProbe.findings(draft, ["D505"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("Django and Celery (Python) but Language is go"))
        #expect(ConstraintRuleProbe.covered(finding, in: draft) == "FastAPI")
    }

    @Test func javaScriptAndTypeScriptShareAStack() {
        let node = [DraftFieldKind.environmentSetup: "Node.js 20 with Express and Redis.", .keyTechnologies: "Express, Redis"]
        for language in ["javascript", "typescript", "TypeScript (Node 20)"] {
            var fields = node
            fields[.language] = language
            #expect(ConstraintRuleProbe.findings(fields, ["D505"]).isEmpty, "\(language)")
        }
    }

    @Test func toyProblemReportsOnceAndPrefersTheTask() throws {
        let found = ConstraintRuleProbe.findings(
            [.task: "Build a FizzBuzz service", .instructions: "Return fizzbuzz values over HTTP."], ["D506"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.hasPrefix("Task reads like a toy problem ('FizzBuzz')"))
    }

    @Test func overSpecifiedIsInformational() throws {
        let found = ConstraintRuleProbe.findings([.instructions: "Use a hash map keyed by tenant to fix the limiter."], ["D507"])
        #expect(try #require(found.first).severity == .info)
    }

    @Test func unseenReferencesAreQuoted() throws {
        let draft = text([.instructions: "Like the seed task, make limits apply per tenant (see DRAFT_DP_0042)."])
        let found = ConstraintRuleProbe.findings(draft, ["D508"])
        #expect(found.compactMap { ConstraintRuleProbe.covered($0, in: draft) } == ["seed task", "DRAFT_DP_0042"])
    }
}
