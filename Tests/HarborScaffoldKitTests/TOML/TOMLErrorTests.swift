import Testing
@testable import HarborScaffoldKit

/// An invalid document and the exact error it must produce.
struct TOMLErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int
    var column: Int
    var message: String

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.name = name
        self.text = text
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { name }
}

@Suite struct TOMLErrorTests {
    static let redefinitions: [TOMLErrorCase] = [
        .init("duplicate key", "a = 0\n\nname = \"x\"\nname = \"y\"", 4, 1, "duplicate key 'name' (first defined at line 3)"),
        .init("duplicate dotted key", "[fruit]\napple.color = 1\napple.color = 2", 3, 7,
              "duplicate key 'apple.color' (first defined at line 2)"),
        .init("duplicate quoted key", "\"ключ\" = 1\n'ключ' = 2", 2, 1, "duplicate key '\"ключ\"' (first defined at line 1)"),
        .init("key redefines implicit table", "[a.b.c]\n[a]\nb = 1", 3, 1, "duplicate key 'b' (first defined at line 1)"),
        .init("duplicate key in inline table", "a = { x = 1, x = 2 }", 1, 14, "duplicate key 'x' (first defined at line 1)"),
        .init("table defined twice", "[a]\nx = 1\n[b]\n[a]", 4, 2, "table 'a' is already defined (first defined at line 1)"),
        .init("sub-table defined twice", "[a.b]\n[a]\n[a.b]", 3, 4, "table 'a.b' is already defined (first defined at line 1)"),
        .init("implicit table defined twice", "[x.y]\n[x]\n[x]", 3, 2, "table 'x' is already defined (first defined at line 2)"),
        .init("header after dotted keys", "[fruit]\napple.color = \"red\"\n\n[fruit.apple]", 4, 8,
              "table 'fruit.apple' is already defined by dotted keys at line 2; it cannot also have a [header]"),
        .init("header after dotted keys at root", "a.b = 1\n[a]", 2, 2,
              "table 'a' is already defined by dotted keys at line 1; it cannot also have a [header]"),
        .init("dotted keys into header table", "[a.b.c]\nz = 9\n[a]\nb.c.t = 1", 4, 3,
              "cannot add to table 'b.c' with dotted keys because it is defined by a [header] at line 1"),
        .init("extend inline table with dotted key", "a = {x = 1}\na.y = 2", 2, 1,
              "cannot add to inline table 'a' (defined at line 1); inline tables cannot be extended"),
        .init("extend inline table with header", "a = {x = 1}\n[a.b]", 2, 2,
              "cannot add to inline table 'a' (defined at line 1); inline tables cannot be extended"),
        .init("define inline table with header", "a = {}\n[a]", 2, 2, "table 'a' is already defined as an inline table at line 1"),
        .init("extend nested inline table", "a = { b = { c = 1 }, b.d = 2 }", 1, 22,
              "cannot add to inline table 'b' (defined at line 1); inline tables cannot be extended"),
        .init("value used as table", "a = 1\na.b = 2", 2, 1, "cannot use 'a' as a table: it is already an integer (defined at line 1)"),
        .init("value used as header parent", "a = \"s\"\n[a.b]", 2, 2,
              "cannot use 'a' as a table: it is already a string (defined at line 1)"),
        .init("value defined by header", "a = 1\n[a]", 2, 2, "cannot define table 'a': it is already an integer (defined at line 1)"),
        .init("table after array of tables", "[[a]]\n[a]", 2, 2,
              "cannot define table 'a': it is already an array of tables (defined at line 1)"),
        .init("array of tables after table", "[a]\n[[a]]", 2, 3,
              "cannot define array of tables 'a': it is already a table (defined at line 1)"),
        .init("append to static array", "a = []\n[[a]]", 2, 3,
              "cannot append to 'a' with [[a]]: it is a static array (defined at line 1)"),
        .init("dotted key into array of tables", "[t]\n[[t.a]]\n[t.b]\n[t]", 4, 2, "table 't' is already defined (first defined at line 1)"),
        .init("dotted keys across array of tables", "[[a]]\nb = 1\n[x]\n[a.b.c]", 4, 4,
              "cannot use 'a.b' as a table: it is already an integer (defined at line 2)"),
    ]

    static let syntax: [TOMLErrorCase] = [
        .init("missing equals", "name", 1, 5, "expected '=' after key"),
        .init("missing equals before value", "name \"x\"", 1, 6, "expected '=' after key"),
        .init("missing key", "= 1", 1, 1, "expected a key, found '='"),
        .init("missing value at end of file", "a =", 1, 4, "expected a value, found end of file"),
        .init("missing value at end of line", "a = \nb = 1", 1, 5, "expected a value, found end of line"),
        .init("two values on a line", "a = 1 b = 2", 1, 7, "expected end of line after value, found 'b'"),
        .init("junk after header", "[a] x", 1, 5, "expected end of line after table header, found 'x'"),
        .init("unclosed header", "[a\nb = 1", 1, 3, "expected ']' to close the table header, found end of line"),
        .init("unclosed array header", "[[a]\n", 1, 5, "expected ']]' to close the array-of-tables header, found end of line"),
        .init("spaced array header close", "[[a] ]", 1, 5, "expected ']]' to close the array-of-tables header, found ' '"),
        .init("empty header", "[]", 1, 2, "expected a key, found ']'"),
        .init("trailing dot in key", "a. = 1", 1, 4, "expected a key, found '='"),
        .init("multi-line key", "\"\"\"k\"\"\" = 1", 1, 1, "multi-line strings cannot be used as keys"),
        .init("unquoted string", "a = hello", 1, 5, "invalid value 'hello' (strings must be quoted)"),
        .init("boolean with suffix", "a = truex", 1, 5, "invalid value 'truex' (strings must be quoted)"),
        .init("uppercase boolean", "a = True", 1, 5, "invalid value 'True' (strings must be quoted)"),
        .init("unexpected character for value", "a = @", 1, 5, "expected a value, found '@'"),
        .init("unicode whitespace", "a =\u{00A0}1", 1, 4, "expected a value, found '\u{00A0}' (U+00A0)"),
    ]

    static let strings: [TOMLErrorCase] = [
        .init("unterminated string", "a = 1\nname = \"abc", 2, 8, "unterminated string"),
        .init("string across lines", "name = \"abc\ndef\"", 1, 8, "unterminated string"),
        .init("unterminated literal", "p = 'abc", 1, 5, "unterminated string"),
        .init("unterminated multi-line", "s = \"\"\"abc\n\n", 1, 5, "unterminated multi-line string"),
        .init("unterminated multi-line literal", "s = '''abc''", 1, 5, "unterminated multi-line string"),
        .init("backslash at end of file", "s = \"\"\"abc\\", 1, 5, "unterminated multi-line string"),
        .init("backslash at end of file in basic string", "s = \"abc\\", 1, 5, "unterminated string"),
        .init("invalid escape", "a = \"x\\qy\"", 1, 7, "invalid escape sequence '\\q'"),
        .init("escape e is TOML 1.1", "a = \"\\e\"", 1, 6, "invalid escape sequence '\\e'"),
        .init("short unicode escape", "a = \"\\u12\"", 1, 6, "invalid escape sequence '\\u12': \\u needs 4 hexadecimal digits"),
        .init("surrogate escape", "a = \"\\uD800\"", 1, 6, "invalid escape sequence '\\uD800': U+D800 is not a Unicode scalar value"),
        .init("escape beyond unicode", "a = \"\\U00110000\"", 1, 6,
              "invalid escape sequence '\\U00110000': U+110000 is not a Unicode scalar value"),
        .init("backslash space in basic string", "a = \"x\\ \"", 1, 7, "invalid escape sequence '\\' followed by ' '"),
        .init("backslash space in multi-line string", "a = \"\"\"x\\ y\"\"\"", 1, 9,
              "invalid escape sequence: a line-ending backslash must be followed only by whitespace and a newline"),
        .init("control character in string", "a = \"x\u{01}\"", 1, 7, "control character U+0001 must be escaped in strings"),
        .init("NUL in string", "a = 'x\u{00}'", 1, 7, "control character U+0000 must be escaped in strings"),
        .init("DEL in multi-line string", "a = \"\"\"\n\u{7F}\"\"\"", 2, 1, "control character U+007F must be escaped in strings"),
        .init("control in multi-line literal", "a = '''\u{1B}'''", 1, 8, "control character U+001B must be escaped in strings"),
        .init("columns count characters", "s = \"😀é\u{01}\"", 1, 8, "control character U+0001 must be escaped in strings"),
        .init("too many closing quotes", "a = \"\"\"x\"\"\"\"\"\"", 1, 9,
              "too many quotes in a row: a multi-line string may end with at most two quotes before its closing delimiter"),
    ]

    static let comments: [TOMLErrorCase] = [
        .init("control character in comment", "a = 1 # x\u{07}y", 1, 10, "control character U+0007 is not allowed in comments"),
        .init("DEL in comment", "# \u{7F}", 1, 3, "control character U+007F is not allowed in comments"),
        .init("NUL in comment", "#\u{00}", 1, 2, "control character U+0000 is not allowed in comments"),
        .init("NUL as key", "\u{00} = 1", 1, 1, "expected a key, found U+0000"),
        .init("NUL after value", "a = 1\u{00}", 1, 6, "expected end of line after value, found U+0000"),
    ]

    static let numbers: [TOMLErrorCase] = [
        .init("leading zero", "a = 012", 1, 5, "invalid integer '012': leading zeros are not allowed"),
        .init("signed leading zero", "a = -01", 1, 5, "invalid integer '-01': leading zeros are not allowed"),
        .init("integer overflow", "a = 9223372036854775808", 1, 5,
              "integer '9223372036854775808' is out of range (64-bit integers are between -9223372036854775808 and 9223372036854775807)"),
        .init("integer underflow", "a = -9223372036854775809", 1, 5,
              "integer '-9223372036854775809' is out of range (64-bit integers are between -9223372036854775808 and 9223372036854775807)"),
        .init("huge integer", "a = " + String(repeating: "9", count: 60), 1, 5,
              "integer '\(String(repeating: "9", count: 60))' is out of range (64-bit integers are between -9223372036854775808 and 9223372036854775807)"),
        .init("hex overflow", "a = 0x8000000000000000", 1, 5,
              "integer '0x8000000000000000' is out of range (the largest 64-bit integer is 0x7fffffffffffffff)"),
        .init("signed hex", "a = +0x1", 1, 5, "invalid integer '+0x1': hexadecimal, octal and binary integers cannot have a sign"),
        .init("uppercase hex prefix", "a = 0X1", 1, 5, "invalid integer '0X1': unexpected character 'X'"),
        .init("bad octal digit", "a = 0o8", 1, 5, "invalid integer '0o8': unexpected character '8'"),
        .init("bad binary digit", "a = 0b102", 1, 5, "invalid integer '0b102': unexpected character '2'"),
        .init("empty hex", "a = 0x", 1, 5, "invalid integer '0x': expected hexadecimal digits"),
        .init("hex leading underscore", "a = 0x_1", 1, 5, "invalid integer '0x_1': '_' must be between digits"),
        .init("double underscore", "a = 1__0", 1, 5, "invalid integer '1__0': '_' must be between digits"),
        .init("trailing underscore", "a = 1_", 1, 5, "invalid integer '1_': '_' must be between digits"),
        .init("leading underscore", "a = _1", 1, 5, "invalid value '_1'"),
        .init("sign only", "a = +", 1, 5, "invalid value '+'"),
        .init("double sign", "a = +-1", 1, 5, "invalid value '+-1'"),
        .init("float without fraction digits", "a = 1.", 1, 5, "invalid float '1.': expected digits after '.'"),
        .init("float without integer part", "a = .5", 1, 5, "invalid float '.5': expected digits before the fraction or exponent"),
        .init("float exponent missing", "a = 1e", 1, 5, "invalid float '1e': expected digits in the exponent"),
        .init("float dot before exponent", "a = 1.e5", 1, 5, "invalid float '1.e5': expected digits after '.'"),
        .init("float leading zero", "a = 03.14", 1, 5, "invalid float '03.14': leading zeros are not allowed"),
        .init("float two dots", "a = 1.2.3", 1, 5, "invalid float '1.2.3': unexpected character '.'"),
        .init("float underscore before dot", "a = 1_.5", 1, 5, "invalid float '1_.5': '_' must be between digits"),
        .init("float overflow", "a = 1e400", 1, 5, "float '1e400' is out of range for a 64-bit float"),
        .init("capital infinity", "a = Inf", 1, 5, "invalid value 'Inf' (strings must be quoted)"),
        .init("infinity with suffix", "a = infinity", 1, 5, "invalid value 'infinity' (strings must be quoted)"),
    ]

    static let dateTimes: [TOMLErrorCase] = [
        .init("month zero", "d = 2021-00-10", 1, 10, "invalid date '2021-00-10': month must be between 01 and 12"),
        .init("month thirteen", "d = 2021-13-01", 1, 10, "invalid date '2021-13-01': month must be between 01 and 12"),
        .init("february 29 in common year", "d = 2021-02-29", 1, 13, "invalid date '2021-02-29': day must be between 01 and 28 for this month"),
        .init("february 29 in 1900", "d = 1900-02-29", 1, 13, "invalid date '1900-02-29': day must be between 01 and 28 for this month"),
        .init("april 31", "d = 2021-04-31T00:00:00", 1, 13,
              "invalid date '2021-04-31T00:00:00': day must be between 01 and 30 for this month"),
        .init("day zero", "d = 2021-01-00", 1, 13, "invalid date '2021-01-00': day must be between 01 and 31 for this month"),
        .init("hour 24", "t = 24:00:00", 1, 5, "invalid time in '24:00:00': hour must be between 00 and 23"),
        .init("minute 60", "t = 12:60:00", 1, 8, "invalid time in '12:60:00': minute must be between 00 and 59"),
        .init("second 61", "t = 1979-05-27T07:32:61Z", 1, 22, "invalid time in '1979-05-27T07:32:61Z': second must be between 00 and 60"),
        .init("missing seconds", "t = 1979-05-27T07:32", 1, 5,
              "invalid date-time '1979-05-27T07:32': expected YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SS with optional .fraction and Z or ±HH:MM offset"),
        .init("short year", "t = 979-05-27", 1, 5, "invalid integer '979-05-27': unexpected character '-'"),
        .init("single digit month", "t = 1979-5-27", 1, 5,
              "invalid date-time '1979-5-27': expected YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SS with optional .fraction and Z or ±HH:MM offset"),
        .init("offset hour", "t = 1979-05-27T07:32:00+24:00", 1, 25,
              "invalid date-time '1979-05-27T07:32:00+24:00': offset hour must be between 00 and 23"),
        .init("offset without colon", "t = 1979-05-27T07:32:00+0700", 1, 5,
              "invalid date-time '1979-05-27T07:32:00+0700': expected YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SS with optional .fraction and Z or ±HH:MM offset"),
        .init("empty fraction", "t = 07:32:00.", 1, 13, "invalid time in '07:32:00.': expected digits after '.'"),
        .init("local time with offset", "t = 07:32:00Z", 1, 5,
              "invalid time '07:32:00Z': expected YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SS with optional .fraction and Z or ±HH:MM offset"),
        .init("bad separator", "t = 1979-05-27X07:32:00", 1, 5,
              "invalid date-time '1979-05-27X07:32:00': expected YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SS with optional .fraction and Z or ±HH:MM offset"),
        .init("space then junk", "t = 1979-05-27 x", 1, 16, "expected end of line after value, found 'x'"),
    ]

    static let containers: [TOMLErrorCase] = [
        .init("unterminated array", "a = [1, 2\n", 1, 5, "unterminated array (missing ']')"),
        .init("missing comma in array", "a = [1 2]", 1, 8, "expected ',' or ']' in array, found '2'"),
        .init("leading comma in array", "a = [,]", 1, 6, "expected a value before ',' in array"),
        .init("double comma in array", "a = [1,,2]", 1, 8, "expected a value before ',' in array"),
        .init("trailing comma in inline table", "a = {x = 1,}", 1, 11, "trailing comma is not allowed in an inline table"),
        .init("newline in inline table", "a = {x = 1\n}", 1, 11, "newlines and comments are not allowed inside an inline table"),
        .init("newline at start of inline table", "a = {\nx = 1}", 1, 6, "newlines and comments are not allowed inside an inline table"),
        .init("missing comma in inline table", "a = {x = 1 y = 2}", 1, 12, "expected ',' or '}' in inline table, found 'y'"),
        .init("unterminated inline table", "a = {x = 1", 1, 5, "unterminated inline table (missing '}')"),
        .init("missing equals in inline table", "a = {x}", 1, 7, "expected '=' after key"),
        .init("array nested too deep", "a = " + String(repeating: "[", count: 129) + String(repeating: "]", count: 129), 1, 133,
              "tables and arrays are nested too deeply (the limit is 128 levels)"),
        .init("inline tables nested too deep", "a = " + String(repeating: "{b = ", count: 200), 1, 645,
              "tables and arrays are nested too deeply (the limit is 128 levels)"),
        .init("header nested too deep", "[" + (0..<129).map { _ in "k" }.joined(separator: ".") + "]", 1, 258,
              "tables and arrays are nested too deeply (the limit is 128 levels)"),
        .init("dotted key nested too deep", "[t]\n" + (0..<129).map { _ in "k" }.joined(separator: ".") + " = 1", 2, 255,
              "tables and arrays are nested too deeply (the limit is 128 levels)"),
        .init("array below deep table", "[" + (0..<128).map { _ in "k" }.joined(separator: ".") + "]\na = [1]", 2, 5,
              "tables and arrays are nested too deeply (the limit is 128 levels)"),
    ]

    static let positions: [TOMLErrorCase] = [
        .init("column after emoji", "a = \"😀😀\" x", 1, 10, "expected end of line after value, found 'x'"),
        .init("column after combining accent", "a = \"e\u{301}\" x", 1, 9, "expected end of line after value, found 'x'"),
        .init("line after multi-line string", "a = \"\"\"\none\ntwo\"\"\"\nb = 1\nb = 2", 5, 1,
              "duplicate key 'b' (first defined at line 4)"),
        .init("line with CRLF endings", "a = 1\r\n\r\nb = ?\r\n", 3, 5, "expected a value, found '?'"),
        .init("after multi-line array", "a = [\n  1,\n  2,\n] junk", 4, 3, "expected end of line after value, found 'j'"),
    ]

    func check(_ errorCase: TOMLErrorCase) {
        guard let error = tomlError(errorCase.text) else {
            Issue.record("\(errorCase.name): expected an error, but the document parsed")
            return
        }
        #expect(error.message == errorCase.message, "\(errorCase.name)")
        #expect(error.position == pos(errorCase.line, errorCase.column), "\(errorCase.name): \(error.message)")
    }

    @Test(arguments: redefinitions) func redefinitionErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: syntax) func syntaxErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: strings) func stringErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: comments) func controlCharacterErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: numbers) func numberErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: dateTimes) func dateTimeErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: containers) func containerErrors(_ errorCase: TOMLErrorCase) { check(errorCase) }
    @Test(arguments: positions) func errorPositions(_ errorCase: TOMLErrorCase) { check(errorCase) }

    @Test func errorDescriptionHasLineAndColumn() {
        let error = tomlError("a = 1\nb")
        #expect(error?.description == "2:2: expected '=' after key")
    }
}
