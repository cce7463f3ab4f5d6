import Testing
@testable import HarborScaffoldKit

/// Findings of the selected rules on draft text, and the text each finding's one-line range covers.
enum ConstraintRuleProbe {
    static func findings(_ text: String, _ rules: [String]) -> [Diagnostic] {
        let draft = DraftSpec(source: SourceText(path: "draft_spec.md", text: text))
        return DraftValidator(selection: RuleSelection(select: rules)).validate(draft)
    }

    static func findings(_ fields: [DraftFieldKind: String], _ rules: [String]) -> [Diagnostic] {
        findings(DraftExample.with(fields).files["draft_spec.md"] ?? "", rules)
    }

    /// The text a single-line finding points at.
    static func covered(_ finding: Diagnostic, in text: String) -> String? {
        guard let range = finding.range, range.start.line == range.end.line else { return nil }
        let source = SourceText(path: "draft_spec.md", text: text)
        let line = Array(source.lineText(range.start.line))
        guard range.start.column >= 1, range.end.column - 1 <= line.count, range.start.column <= range.end.column else {
            return nil
        }
        return String(line[(range.start.column - 1)..<(range.end.column - 1)])
    }
}

@Suite struct ConstraintRuleTests {
    private func text(_ fields: [DraftFieldKind: String]) -> String {
        DraftExample.with(fields).files["draft_spec.md"] ?? ""
    }

    @Test func guiFindingPointsAtTheWordsAndQuotesThem() throws {
        let draft = text([.testing: "Tests return 200, then a reviewer will visually inspect the chart."])
        let found = ConstraintRuleProbe.findings(draft, ["D401"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(ConstraintRuleProbe.covered(finding, in: draft) == "visually inspect")
        #expect(finding.message.contains("'visually inspect'"))
        #expect(finding.severity == .error)
    }

    @Test(arguments: [
        "Make the browser-facing API count requests per tenant.",
        "The Click-based admin CLI resets counters; make limits apply per tenant.",
        "No GUI is involved: make limits apply per tenant and return 429 beyond them.",
        "The gateway serves the React frontend and its user interface assets; make limits apply per tenant.",
    ])
    func guiRuleIgnoresHTTPAndNegatedMentions(_ instructions: String) {
        #expect(ConstraintRuleProbe.findings([.instructions: instructions], ["D401"]).isEmpty)
    }

    @Test func slowBuildCountsDistinctServicesAcrossEnvironmentAndTechnologies() throws {
        let three = ConstraintRuleProbe.findings(
            [.environmentSetup: "Python 3.12 with FastAPI, PostgreSQL and Redis.", .keyTechnologies: "FastAPI, Redis, RabbitMQ"],
            ["D402"])
        #expect(three.isEmpty)
        let draft = text([.environmentSetup: "Python 3.12 with FastAPI, PostgreSQL and Redis.", .keyTechnologies: "FastAPI, Redis, RabbitMQ, MinIO"])
        let four = ConstraintRuleProbe.findings(draft, ["D402"])
        let finding = try #require(four.first)
        #expect(four.count == 1)
        #expect(finding.message.contains("4 services (PostgreSQL, Redis, RabbitMQ, MinIO)"))
        #expect(ConstraintRuleProbe.covered(finding, in: draft) == "MinIO")
    }

    @Test func slowBuildWarnsOnceForTwoHeavyServices() throws {
        let found = ConstraintRuleProbe.findings([.environmentSetup: "Python 3.12 with Elasticsearch 8 and Apache Kafka for events."], ["D402"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.hasPrefix("Elasticsearch and Kafka are both heavy services"))
        #expect(finding.severity == .warning)
    }

    @Test(arguments: [
        ("a 1.5 GB dump of production orders is restored at build time", "1.5 GB"),
        ("the 3GB dataset is downloaded during the build", "3GB"),
        ("fixtures load a 2,048 GB archive", "2,048 GB"),
    ])
    func slowBuildFlagsLargeDataAndQuotesTheSize(_ sentence: String, _ size: String) throws {
        let draft = text([.environmentSetup: "Python 3.12 with FastAPI and Redis; \(sentence)."])
        let finding = try #require(ConstraintRuleProbe.findings(draft, ["D402"]).first)
        #expect(ConstraintRuleProbe.covered(finding, in: draft) == size)
    }

    @Test(arguments: [
        "a 900 MB dump of production orders is restored at build time",
        "tests generate a 4 GB log at test time",
        "the service runs with a 2 GB memory limit",
        "no 5 GB dataset is downloaded",
    ])
    func slowBuildIgnoresSmallGeneratedOrMemorySizes(_ sentence: String) {
        #expect(ConstraintRuleProbe.findings([.environmentSetup: "Python 3.12 with FastAPI and Redis; \(sentence)."], ["D402"]).isEmpty)
    }

    @Test func slowBuildNamesFromSourceBuilds() throws {
        let found = ConstraintRuleProbe.findings(
            [.environmentSetup: "Ubuntu 24.04; PyTorch is built from source with the custom kernel patches."], ["D402"])
        let finding = try #require(found.first)
        #expect(finding.message.contains("'PyTorch' from source"))
    }

    @Test(arguments: [
        "Counters reset on windows of 60 seconds; make limits apply per tenant.",
        "Files exported from Windows have CRLF line endings; accept them.",
        "The iOS and Android apps call the gateway; make limits apply per tenant.",
        "The service parses IIS logs shipped from customers and applies limits per tenant.",
    ])
    func nonLinuxJudgesTheSentence(_ instructions: String) {
        #expect(ConstraintRuleProbe.findings([.instructions: instructions], ["D403"]).isEmpty)
    }

    @Test func nonLinuxFlagsProductsAndHosts() {
        for instructions in [
            "Deploy the gateway as a Windows Service and script it in PowerShell.",
            "The limiter must run on Windows hosts next to the billing app.",
            "Build the admin app in Xcode.",
        ] {
            #expect(!ConstraintRuleProbe.findings([.instructions: instructions], ["D403"]).isEmpty, "\(instructions)")
        }
    }

    @Test func networkRuleSeesMocksAnywhereInTheDraft() {
        let testing = "Tests call the Stripe API to create charges and verify that each tenant is charged once."
        #expect(!ConstraintRuleProbe.findings([.testing: testing], ["D404"]).isEmpty)
        let mocked = ConstraintRuleProbe.findings(
            [.environmentSetup: "Python 3.12 with FastAPI; a WireMock stub of the Stripe API runs in the container.", .testing: testing],
            ["D404"])
        #expect(mocked.isEmpty)
    }

    @Test(arguments: [
        ("http://localhost:8000/v1/usage", false), ("http://gateway:8000/health", false),
        ("https://api.example.com/v1", false), ("http://127.0.0.1:6379", false), ("http://billing.internal/x", false),
        ("https://api.github.com/repos", true), ("https://shopfront-example.com/x", true),
    ])
    func networkRuleTellsPublicHostsFromLocalOnes(_ url: String, _ isPublic: Bool) {
        let found = ConstraintRuleProbe.findings([.testing: "Tests send requests to \(url) and check the responses."], ["D404"])
        #expect(found.isEmpty == !isPublic, "\(url)")
    }

    @Test func networkRuleAllowsInternetAtBuildTime() {
        let found = ConstraintRuleProbe.findings(
            [.environmentSetup: "Python 3.12 with FastAPI; packages are installed from the internet at build time, and the tests run without network access."],
            ["D404"])
        #expect(found.isEmpty)
    }

    @Test func userInteractionQuotesTheRequest() throws {
        let draft = text([.instructions: "Make limits apply per tenant; the CLI waits for confirmation before resetting counters."])
        let finding = try #require(ConstraintRuleProbe.findings(draft, ["D405"]).first)
        #expect(ConstraintRuleProbe.covered(finding, in: draft) == "waits for confirmation")
        #expect(ConstraintRuleProbe.findings([.instructions: "Make limits apply per tenant and validate user input on every write."], ["D405"]).isEmpty)
    }

    @Test(arguments: [
        ("Tests run on a 32-core machine.", "32-core"),
        ("The service needs 64GB RAM for the cache.", "64GB"),
        ("A five-node Redis cluster holds the counters.", "five-node"),
        ("Counters live in a GPU-backed store.", "GPU"),
        ("Deploy it to a local Kubernetes cluster (kind).", "Kubernetes cluster"),
    ])
    func heavyResourcesPointsAtTheAmount(_ sentence: String, _ words: String) throws {
        let draft = text([.environmentSetup: "Python 3.12 with FastAPI and Redis. \(sentence)"])
        let finding = try #require(ConstraintRuleProbe.findings(draft, ["D406"]).first)
        #expect(ConstraintRuleProbe.covered(finding, in: draft) == words)
    }

    @Test(arguments: [
        "Each tenant gets a kind of token bucket.", "Redis runs as a single-node replica set.",
        "The trie holds 5,000 nodes per tenant.", "The worker pool has 16 threads.", "Disk holds 64 GB of logs.",
    ])
    func heavyResourcesIgnoresOrdinaryNumbersAndWords(_ sentence: String) {
        #expect(ConstraintRuleProbe.findings([.environmentSetup: "Python 3.12 with FastAPI and Redis. \(sentence)"], ["D406"]).isEmpty)
    }
}
