import Testing
@testable import HarborScaffoldKit

@Suite struct PythonTokenizerTests {
    private func lex(_ text: String) -> [String] { PythonTestSupport.lex(text) }
    private func significant(_ text: String) -> [String] { PythonTestSupport.significant(text) }

    @Test func simpleStatementHasExactPositionsAndNewline() {
        #expect(lex("x = 1\n") == ["name x 1:1", "op = 1:3", "number 1 1:5", "newline \\n 1:6", "endMarker  2:1"])
    }

    @Test func missingFinalNewlineGivesZeroWidthNewline() {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "pass"))
        #expect(stream.tokens.map(\.kind) == [.name, .newline, .endMarker])
        #expect(stream.tokens[1].byteRange == 4..<4)
        #expect(stream.issues.isEmpty)
    }

    @Test func keywordsAreFlaggedButSoftKeywordsAreNames() {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "async def match(case, type, _): return None\n"))
        let names = stream.tokens.filter { $0.kind == .name }
        #expect(names.map { stream.text(of: $0) } == ["async", "def", "match", "case", "type", "_", "return", "None"])
        #expect(names.map(\.keyword) == [.async, .def, nil, nil, nil, nil, .return, .None])
        #expect(names.map(\.isKeyword) == [true, true, false, false, false, false, true, true])
    }

    @Test func indentationProducesIndentAndDedentWithPositions() {
        let text = "if a:\n    if b:\n        c\nd\n"
        #expect(lex(text) == [
            "name if 1:1", "name a 1:4", "op : 1:5", "newline \\n 1:6",
            "indent      2:1", "name if 2:5", "name b 2:8", "op : 2:9", "newline \\n 2:10",
            "indent          3:1", "name c 3:9", "newline \\n 3:10",
            "dedent  4:1", "dedent  4:1", "name d 4:1", "newline \\n 4:2", "endMarker  5:1",
        ])
    }

    @Test func remainingBlocksAreClosedAtEndOfFile() {
        let kinds = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "def f():\n    if x:\n        return 1")).tokens.map(\.kind)
        #expect(kinds.suffix(4) == [.newline, .dedent, .dedent, .endMarker])
    }

    @Test func blankAndCommentLinesDoNotChangeIndentation() {
        let text = "if a:\n    b\n\n  # odd comment\n        # deeper comment\n    c\n"
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: text))
        #expect(stream.issues.isEmpty)
        #expect(stream.tokens.filter { $0.kind == .indent }.count == 1)
        #expect(lex(text).contains("comment # odd comment 4:3"))
        #expect(lex(text).contains("nl \\n 3:1"))
        #expect(lex(text).contains("nl \\n 4:16"))
    }

    @Test func tabsIndentToMultiplesOfEight() {
        // "\t    " is column 12 (tab to 8, then 4 spaces): deeper than "\t", so one INDENT.
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "if a:\n\tif b:\n\t    c\n\td\n"))
        #expect(stream.issues.isEmpty)
        #expect(stream.tokens.filter { $0.kind == .indent }.count == 2)
        #expect(stream.tokens.filter { $0.kind == .dedent }.count == 2)
    }

    @Test func newlinesInsideBracketsAreNL() {
        #expect(lex("f(a,\n  b)\n") == [
            "name f 1:1", "op ( 1:2", "name a 1:3", "op , 1:4", "nl \\n 1:5",
            "name b 2:3", "op ) 2:4", "newline \\n 2:5", "endMarker  3:1",
        ])
    }

    @Test func backslashJoinsLinesWithoutTokens() {
        #expect(lex("x = 1 + \\\n    2\n") == [
            "name x 1:1", "op = 1:3", "number 1 1:5", "op + 1:7", "number 2 2:5", "newline \\n 2:6", "endMarker  3:1",
        ])
    }

    @Test func commentsExcludeTheLineBreak() {
        #expect(lex("x  # note\n# alone\n") == [
            "name x 1:1", "comment # note 1:4", "newline \\n 1:10", "comment # alone 2:1", "nl \\n 2:8", "endMarker  3:1",
        ])
    }

    @Test(arguments: [
        "0", "00", "0_0", "123", "1_000_000", "0x1F", "0X_ff", "0o17", "0O_7", "0b1010", "0b_1", "1.5", "1.", ".5",
        "1e10", "1E-5", "1.5e+3", "1_0.0_1e1_0", "3j", "1.5J", ".5j", "1e5j", "07.5", "09e1", "0j",
    ])
    func numberLiteralsAreOneToken(_ literal: String) {
        #expect(significant("x = \(literal)\n") == ["name x", "op =", "number \(literal)"])
        #expect(PythonTokenizer.tokenize(SourceText(path: "t.py", text: "x = \(literal)\n")).issues.isEmpty)
    }

    @Test func numberDirectlyFollowedByKeywordIsValid() {
        #expect(significant("y = 1if x else 2\n") == ["name y", "op =", "number 1", "name if", "name x", "name else", "number 2"])
        #expect(significant("z = 0x1for y\n") == ["name z", "op =", "number 0x1f", "name or", "name y"])
        #expect(PythonTestSupport.issues("y = 1if x else 2\nz = 0x1for y\n").isEmpty)
    }

    @Test(arguments: [
        "'a'", "\"a\"", "'''a'''", "\"\"\"a\"\"\"", "r'a'", "R\"a\"", "b'a'", "B\"a\"", "u'a'", "U'a'", "f'a'", "F\"a\"",
        "rb'a'", "Rb'a'", "bR'a'", "BR'a'", "br'a'", "fr'a'", "rf'a'", "Rf'a'", "fR'a'", "FR'a'",
        "'it\\'s'", "\"a\\\"b\"", "r'\\''", "'\\\\'", "'a\\\nb'", "'''a\n'b'\n\"\"c\"\"'''", "\"\"\"x\\\"\"\"\"",
        "''", "\"\"\"\"\"\"",
    ])
    func stringLiteralsAreOneToken(_ literal: String) {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "x = \(literal)\n"))
        #expect(stream.issues.isEmpty)
        let strings = stream.tokens.filter { $0.kind == .string }
        #expect(strings.count == 1)
        #expect(strings.first.map { stream.text(of: $0) } == literal)
    }

    @Test(arguments: [
        "f\"{x['a']}\"", "f'{x[\"a\"]}'", "f\"{x[\"a\"]}\"", "f\"{'{'}\"", "f\"{x:{w}.{p}}\"", "f\"{x!r}\"", "f\"{x!r :>10}\"",
        "f\"{{literal}}\"", "f\"{a if b else c}\"", "f'{\", \".join([\n  \"a\",  # comment\n  \"b\"])}'", "f\"{x=}\"",
        "f\"{f'{y}'}\"", "rf\"\\d{x}\"", "f'''{x\n}'''", "f\"{d['k']!s:^{w}}\"", "f\"{'\\n'.join(a)}\"", "f\"\\N{BULLET} {x}\"",
        "f\"{lambda_:=1}\"",
    ])
    func fStringsWithNestedQuotesAreOneToken(_ literal: String) {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "x = \(literal)\n"))
        #expect(stream.issues.isEmpty)
        #expect(stream.tokens.filter { $0.kind == .string }.map { stream.text(of: $0) } == [literal])
    }

    @Test func operatorsUseTheLongestMatch() {
        let line = "a := b -> c ** d **= e //= f >>= g <<= h ... != == <= >= // << >> += -= *= /= %= &= |= ^= @= @ ~ % & | ^ ; , . ( ) [ ] { } < > = + - * /\n"
        let ops = significant(line).filter { $0.hasPrefix("op ") }.map { String($0.dropFirst(3)) }
        #expect(ops == [":=", "->", "**", "**=", "//=", ">>=", "<<=", "...", "!=", "==", "<=", ">=", "//", "<<", ">>",
                        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "@", "~", "%", "&", "|", "^", ";", ",",
                        ".", "(", ")", "[", "]", "{", "}", "<", ">", "=", "+", "-", "*", "/"])
    }

    @Test func stringTokensSpanLinesWithExactRange() {
        #expect(lex("s = '''a\nb'''\nt = 1\n") == [
            "name s 1:1", "op = 1:3", "string '''a\\nb''' 1:5", "newline \\n 2:5",
            "name t 3:1", "op = 3:3", "number 1 3:5", "newline \\n 3:6", "endMarker  4:1",
        ])
    }

    @Test func columnsCountCharactersForUnicodeIdentifiers() {
        #expect(lex("café = 'é'\n") == ["name café 1:1", "op = 1:6", "string 'é' 1:8", "newline \\n 1:11", "endMarker  2:1"])
    }

    @Test func crlfInputIsNormalised() {
        #expect(lex("a\r\nb\r\n") == ["name a 1:1", "newline \\n 1:2", "name b 2:1", "newline \\n 2:2", "endMarker  3:1"])
    }

    @Test func streamOffersTextComparisonAndKindFilters() {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: "def f(): pass  # done\n"))
        #expect(stream.token(stream.tokens[0], is: "def"))
        #expect(!stream.token(stream.tokens[0], is: "de"))
        #expect(stream.bytes(of: stream.tokens[1]).elementsEqual("f".utf8))
        #expect(stream.tokens(ofKind: .comment).map { stream.text(of: $0) } == ["# done"])
        #expect(stream.range(of: stream.tokens[1]) == SourceRange(start: SourcePosition(line: 1, column: 5),
                                                                  end: SourcePosition(line: 1, column: 6)))
    }

    @Test func positionIndexAgreesWithSourceTextEverywhere() {
        let long = "s = '" + String(repeating: "e\u{301}é😀中 ", count: 40) + "' + x\n"
        let text = "ascii = 1\n" + long + "short = 'é'\n" + String(repeating: "a", count: 300) + "\n"
        let source = SourceText(path: "t.py", text: text)
        let index = PythonPositionIndex(source)
        // Every offset that starts a Unicode scalar (tokens never start inside one).
        let boundaries = (0...source.bytes.count).filter { $0 == source.bytes.count || source.bytes[$0] & 0xC0 != 0x80 }
        for offset in boundaries where index.position(ofByte: offset) != source.position(ofByte: offset) {
            Issue.record("offset \(offset): \(index.position(ofByte: offset)) != \(source.position(ofByte: offset))")
            return
        }
    }

    @Test func emptyInputIsJustAnEndMarker() {
        #expect(lex("") == ["endMarker  1:1"])
        #expect(lex("\n\n") == ["nl \\n 1:1", "nl \\n 2:1", "endMarker  3:1"])
    }
}
