import Testing
@testable import HarborScaffoldKit

@Suite struct ShardTests {
    @Test func parsesIOverN() {
        #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(Shard(parsing: "1/1") != nil)
        for bad in ["0/4", "5/4", "2", "a/b", "2/0", "-1/3", "1/2/3", "", "/", "1/100000"] {
            #expect(Shard(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func shardsPartitionTheIDs() {
        let ids = (0..<500).map { "draft_dp_\($0)" }
        let shards = (1...4).map { Shard(index: $0, count: 4)! }
        var seen = Set<String>()
        for shard in shards {
            let mine = ids.filter(shard.contains)
            #expect(mine.count > 80 && mine.count < 170, "shard \(shard.description) holds \(mine.count)")
            #expect(seen.isDisjoint(with: mine))
            seen.formUnion(mine)
        }
        #expect(seen.count == ids.count)
    }

    @Test func membershipIsAStableFunctionOfTheID() {
        #expect(Shard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.hash("a") == 0xaf63_dc4c_8601_ec8c, "FNV-1a 64 of \"a\"")
        #expect(Shard(index: 1, count: 1)!.contains("anything"))
    }
}

@Suite struct FingerprintTests {
    static func diagnostic(_ rule: String = "D304", line: Int = 3, path: String = "data_points/x/draft_spec.md", message: String = "vague: 'clean'") -> Diagnostic {
        Diagnostic(ruleID: rule, ruleName: "n", severity: .error, message: message, path: path, range: .line(line))
    }

    static func fingerprint(_ diagnostic: Diagnostic, lineText: String) -> String {
        var lines = LineTexts()
        lines.record(path: diagnostic.path, line: diagnostic.line, text: Substring(lineText))
        return Fingerprint.compute([diagnostic], lines: lines) { $0 }[0]
    }

    @Test func survivesTheLineMovingAndWhitespaceChanges() {
        let before = Self.fingerprint(Self.diagnostic(line: 3), lineText: "Testing: the code is  clean")
        let after = Self.fingerprint(Self.diagnostic(line: 9), lineText: "  Testing: the code is clean\t")
        #expect(before == after)
        #expect(before.count == 32)
    }

    @Test func changesWithTheRuleThePathTheLineOrTheMessage() {
        let base = Self.fingerprint(Self.diagnostic(), lineText: "Testing: clean")
        #expect(base != Self.fingerprint(Self.diagnostic("D305"), lineText: "Testing: clean"))
        #expect(base != Self.fingerprint(Self.diagnostic(path: "data_points/y/draft_spec.md"), lineText: "Testing: clean"))
        #expect(base != Self.fingerprint(Self.diagnostic(), lineText: "Testing: tidy"))
        #expect(base != Self.fingerprint(Self.diagnostic(message: "vague: 'tidy'"), lineText: "Testing: clean"))
    }

    @Test func numbersInMessagesDoNotMatterButRepeatsAreCounted() {
        let a = Self.fingerprint(Self.diagnostic(message: "similarity 0.61"), lineText: "")
        let b = Self.fingerprint(Self.diagnostic(message: "similarity 0.74"), lineText: "")
        #expect(a == b)
        let twice = Fingerprint.compute([Self.diagnostic(), Self.diagnostic()], lines: LineTexts()) { $0 }
        #expect(twice[0] != twice[1])
        #expect(Fingerprint.normaliseMessage("line 12 of 3.5") == "line # of #.#")
        #expect(Fingerprint.normaliseLine("  a \t b  ") == "a b")
    }
}

@Suite struct BaselineTests {
    @Test func roundTripsAndMatchesAsAMultiset() throws {
        let diagnostics = [FingerprintTests.diagnostic(), FingerprintTests.diagnostic(line: 4)]
        let text = Baseline.render(diagnostics, fingerprints: ["aa", "aa"], relativePath: { $0 })
        let baseline = try Baseline(parsing: Array(text.utf8))
        #expect(baseline.count == 2)
        #expect(baseline.isNew(["aa", "bb", "aa", "aa"]) == [false, true, false, true])
        #expect(text.contains("\"rule\": \"D304\""))
    }

    @Test func refusesFilesThatAreNotBaselines() {
        #expect(throws: UsageError.self) { try Baseline(parsing: Array("{".utf8)) }
        #expect(throws: UsageError.self) { try Baseline(parsing: Array("{\"version\": 1}".utf8)) }
        #expect(throws: UsageError.self) { try Baseline(parsing: Array("{\"findings\": [{\"rule\": \"D101\"}]}".utf8)) }
        #expect(throws: Never.self) { try Baseline(parsing: Array("{\"findings\": []}".utf8)) }
    }
}

@Suite struct JSONTextTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONText.parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d\"\\\/\n\u00e9\ud83d\ude00"}} "#)
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"]?.stringValue == "d\"\\/\né😀")
        #expect(try JSONText.parse("[]") == .array([]))
        #expect(try JSONText.parse("{}") == .object([]))
    }

    @Test func reportsErrorsWithTheirOffset() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "\"open", "tru", "[1] 2", "{\"a\": \"\u{01}\"}", "\"\\x\""] {
            #expect(throws: JSONText.ParseError.self, "\(bad)") { try JSONText.parse(bad) }
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONText.ParseError.self) { try JSONText.parse(deep) }
    }

    @Test func rendersWhatItParses() throws {
        let text = #"{"a": [1, 2], "b": {"c": "x\ny"}, "d": []}"#
        let value = try JSONText.parse(text)
        #expect(try JSONText.parse(value.rendered()) == value)
        #expect(value.rendered(inlineLimit: 4).contains("\"a\": [1, 2]"))
    }
}

@Suite struct ReporterEscapingTests {
    static let tricky = Diagnostic(
        ruleID: "D304", ruleName: "vague-criterion", severity: .warning, message: "100% sure: a, b\r\nnext <line> & \"q\"",
        path: "data_points/a,b:c/draft_spec.md", range: SourceRange(start: SourcePosition(line: 2, column: 3), end: SourcePosition(line: 2, column: 9)),
        hint: "fix it")

    @Test func githubAnnotationsEscapeDataAndProperties() {
        let text = GitHubReporter().render(Report(diagnostics: [Self.tricky], checkedCount: 1))
        #expect(text == "::warning file=data_points/a%2Cb%3Ac/draft_spec.md,line=2,col=3,endLine=2,endColumn=9,title=D304 vague-criterion::100%25 sure: a, b%0D%0Anext <line> & \"q\"%0Ahint: fix it\n")
    }

    @Test func junitGivesEveryFindingItsOwnTestCase() {
        let report = Report(diagnostics: [Self.tricky, Self.tricky, Self.tricky], checkedCount: 1)
        let xml = JUnitReporter().render(report)
        #expect(xml.contains("name=\"D304 vague-criterion at 2:3\""))
        #expect(xml.contains("name=\"D304 vague-criterion at 2:3 (2)\""))
        #expect(xml.contains("name=\"D304 vague-criterion at 2:3 (3)\""))
        #expect(xml.contains("100% sure: a, b&#13;&#10;next &lt;line&gt; &amp; &quot;q&quot;"))
        #expect(JUnitReporter.escape("a\u{1}b") == "a\u{FFFD}b")
        let empty = JUnitReporter().render(Report(diagnostics: [], checkedCount: 3))
        #expect(empty.contains("name=\"3 drafts checked: no findings\""))
    }

    @Test func sarifURIsArePercentEncoded() {
        #expect(SARIFReporter.uriEncode("data_points/a b/é.md") == "data_points/a%20b/%C3%A9.md")
        #expect(SARIFReporter.fileURI(folder: "/work/ws") == "file:///work/ws/")
    }
}

@Suite struct ReportContextTests {
    @Test func pathsAreRelativeToTheWorkspaceWhenInsideIt() {
        let context = ReportContext(workspaceRoot: "/repo/ws", currentDirectory: "/repo")
        #expect(context.workspaceRelative("ws/data_points/a/draft_spec.md") == "data_points/a/draft_spec.md")
        #expect(context.workspaceRelative("/repo/ws/data_points/b/draft_spec.md") == "data_points/b/draft_spec.md")
        #expect(context.workspaceRelative("other/x.md") == "other/x.md")
        #expect(context.sarifLocation("ws/data_points/a/draft_spec.md") == ("data_points/a/draft_spec.md", true))
        #expect(context.sarifLocation("other/x y.md") == ("file:///repo/other/x%20y.md", false))
        #expect(context.sarifLocation("ws/../ws/./data_points/c.md") == ("data_points/c.md", true))
        let rootless = ReportContext()
        #expect(rootless.sarifLocation("a/b.md") == ("a/b.md", true))
        #expect(rootless.sarifLocation("/abs/b.md") == ("file:///abs/b.md", false))
    }
}
