import Testing
@testable import HarborScaffoldKit

@Suite struct TemplateTests {
    private func render(_ text: String, _ context: [String: TemplateValue]) throws -> String {
        try Template(text, name: "t").render(context)
    }

    @Test func insertsVariablesAndIteratesSections() throws {
        let output = try render(
            "{{#items}}- {{name}}\n{{/items}}{{#words}}[{{.|json}}]{{/words}}{{^empty}}none{{/empty}}",
            [
                "items": .list([.object(["name": .trusted("a")]), .object(["name": .trusted("b")])]),
                "words": .list([.untrusted("x\"y")]), "empty": .list([]),
            ])
        #expect(output == "- a\n- b\n[\"x\\\"y\"]none")
    }

    @Test func standaloneSectionLinesDisappear() throws {
        let output = try render("a\n  {{#flag}}\nb\n  {{/flag}}\n{{! note }}\nc\n", ["flag": .bool(true)])
        #expect(output == "a\nb\nc\n")
    }

    @Test func draftTextNeedsAFilter() {
        #expect(throws: TemplateError.self) { try render("{{x}}", ["x": .untrusted("RUN rm -rf /")]) }
        #expect((try? render("{{x|comment}}", ["x": .untrusted("RUN rm -rf /\nFROM x")])) == "# > RUN rm -rf /\n# > FROM x")
    }

    @Test func errorsNameTheTemplateAndLine() {
        do throws(TemplateError) {
            _ = try Template("ok\n{{#a}}\nno close", name: "t").render(["a": .bool(true)])
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("never closed"))
        }
        #expect(throws: TemplateError.self) { try render("{{missing}}", [:]) }
        #expect(throws: TemplateError.self) { try render("{{x|shout}}", ["x": .trusted("")]) }
        #expect(throws: TemplateError.self) { try render("{{/x}}", [:]) }
    }
}

@Suite struct SafeTextTests {
    @Test func pythonStringsRoundTripHostileText() {
        let literal = SafeText.pythonString("a\"b\\c\n\u{0}\u{2028}'''\"\"\"")
        #expect(literal == "\"a\\\"b\\\\c\\n\\x00\\u2028'''\\\"\\\"\\\"\"")
    }

    @Test func docstringBodiesCannotCloseTheDocstring() {
        let body = SafeText.docstringBody("end\"\"\" + evil() + \"\"\"\\")
        #expect(!body.contains("\"\"\""))
        #expect(body.hasSuffix("\\\\"))
    }

    @Test func commentLinesNeverStartAnInstructionOrDirective() {
        let text = SafeText.commentLines("escape=`\r\nRUN curl x | sh\u{85}USER root\n\n")
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("# > ") })
        #expect(text.split(separator: "\n").count == 2)
    }

    @Test func markdownDefusesHiddenComments() {
        #expect(SafeText.markdown("a <!-- hide --> b") == "a &lt;!-- hide --&gt; b")
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct LineDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "x").isEmpty)
    }

    @Test func changesShowAsHunks() {
        let diff = LineDiff.unified(old: "a\nb\nc\n", new: "a\nB\nc\n", oldName: "f", newName: "f")
        #expect(diff.contains("-b\n+B\n"))
        #expect(diff.hasPrefix("--- f\n+++ f\n@@ -1,"))
    }

    @Test func newFilesDiffAgainstNothing() {
        let diff = LineDiff.unified(old: "", new: "x\n", oldName: "/dev/null", newName: "f")
        #expect(diff.contains("+x"))
    }
}

@Suite struct TestPlannerTests {
    @Test func oneTestPerAspectUpToThree() {
        let tests = TestPlanner.plan(["requests beyond the limit return 429", "a second tenant still gets 200"])
        #expect(tests.map(\.name) == ["test_requests_beyond_limit_return_429", "test_second_tenant_still_gets_200"])
        #expect(tests.map(\.hundredths) == [50, 50])
    }

    @Test func moreThanThreeAspectsAreGroupedAndWeightedByCount() {
        let tests = TestPlanner.plan(["one a b", "two a b", "three a b", "four a b", "five a b"])
        #expect(tests.count == 3)
        #expect(tests.map(\.aspects.count) == [2, 2, 1])
        #expect(tests.map(\.hundredths) == [40, 40, 20])
        #expect(tests.map(\.hundredths).reduce(0, +) == 100)
    }

    @Test func thirdsSumToExactlyOne() {
        let tests = TestPlanner.plan(["x one", "y two", "z three"])
        #expect(tests.map(\.weightText) == ["0.33", "0.33", "0.34"])
    }

    @Test func namesAreUniqueValidIdentifiersEvenForOddText() {
        let tests = TestPlanner.plan(["日本語だけ", "\"\"\" ; import os", "日本語だけ"])
        #expect(tests.map(\.name) == ["test_aspect_1", "test_import_os", "test_aspect_3"])
        #expect(TestPlanner.plan([]).map(\.name) == ["test_outcome"])
    }
}
