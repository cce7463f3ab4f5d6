import Testing
@testable import HarborScaffoldKit

@Suite struct PythonStringLiteralTests {
    private func decode(_ text: String) -> String? { PythonStringLiteral.decode(text) }

    @Test func plainQuotesAndPrefixes() {
        #expect(decode("'abc'") == "abc")
        #expect(decode("\"abc\"") == "abc")
        #expect(decode("u'abc'") == "abc")
        #expect(decode("''") == "")
        #expect(decode("\"\"\"\"\"\"") == "")
        #expect(decode("'''multi\nline'''") == "multi\nline")
    }

    @Test func simpleEscapes() {
        #expect(decode(#"'a\nb\tc\\d\'e\"f'"#) == "a\nb\tc\\d'e\"f")
        #expect(decode(#"'\a\b\f\r\v'"#) == "\u{07}\u{08}\u{0C}\r\u{0B}")
        #expect(decode(#"'\d\w'"#) == #"\d\w"#)  // unknown escapes stay, as in Python
    }

    @Test func numericEscapes() {
        #expect(decode(#"'\x41\101\0\u00e9\U0001F600'"#) == "AA\u{0}é😀")
        #expect(decode(#"'\1234'"#) == "S4")  // at most three octal digits
    }

    @Test func malformedNumericEscapesGiveNil() {
        #expect(decode(#"'\x4'"#) == nil)
        #expect(decode(#"'\u12'"#) == nil)
        #expect(decode(#"'\U00110000'"#) == nil)
    }

    @Test func namedEscapesAreKeptAsWritten() {
        #expect(decode(#"'\N{BULLET} x'"#) == #"\N{BULLET} x"#)
    }

    @Test func backslashNewlineContinuesTheLiteral() {
        #expect(decode("'abc\\\ndef'") == "abcdef")
    }

    @Test func rawStringsKeepBackslashes() {
        #expect(decode(#"r'\d+\.\n'"#) == #"\d+\.\n"#)
        #expect(decode(#"R"a\"b""#) == #"a\"b"#)
        #expect(decode(#"r'\''"#) == #"\'"#)
    }

    @Test func bytesMapToLatin1AndRejectNonASCII() {
        #expect(decode(#"b'\xff\x00a'"#) == "\u{FF}\u{0}a")
        #expect(decode(#"rb'\x41'"#) == #"\x41"#)
        #expect(decode(#"b'\u0041'"#) == #"\u0041"#)  // no \u escapes in bytes
        #expect(decode("b'é'") == nil)
    }

    @Test func fStringsKeepFieldsVerbatim() {
        #expect(decode("f'http://{host}:{port}/api'") == "http://{host}:{port}/api")
        #expect(decode("f'{{literal}} {x!r:>{w}}\\n'") == "{literal} {x!r:>{w}}\n")
        #expect(decode("f\"{d['k']}\"") == "{d['k']}")
        #expect(decode("rf'\\d{x}'") == "\\d{x}")
    }

    @Test func tripleQuotedDocstringWithEscapedQuotes() {
        #expect(decode("\"\"\"a\"\"\"\"\"\"") == nil)  // two adjacent literals, not one
        #expect(decode("\"\"\"He said \\\"hi\\\" and ''' left.\"\"\"") == "He said \"hi\" and ''' left.")
        #expect(decode("'''It''' ") == nil)
    }

    @Test func nonLiteralsGiveNil() {
        #expect(decode("abc") == nil)
        #expect(decode("'abc") == nil)
        #expect(decode("'a' 'b'") == nil)
        #expect(decode("x'a'") == nil)
        #expect(decode("bf'a'") == nil)
        #expect(decode("") == nil)
    }
}
