import Testing
@testable import HarborScaffoldKit

/// A document `value: <scalar>` and what the scalar must read as.
struct YAMLScalarCase: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var text: String
    var style: YAMLScalar.Style

    init(_ name: String, _ yaml: String, _ text: String, _ style: YAMLScalar.Style) {
        self.name = name
        self.yaml = yaml
        self.text = text
        self.style = style
    }

    var testDescription: String { name }
}

@Suite struct YAMLScalarTests {
    static let plain: [YAMLScalarCase] = [
        .init("word", "value: nginx", "nginx", .plain),
        .init("inner spaces kept", "value: a  b\tc", "a  b\tc", .plain),
        .init("trailing spaces dropped", "value: abc   ", "abc", .plain),
        .init("colon without space", "value: registry:5000/app:1.2", "registry:5000/app:1.2", .plain),
        .init("hash without space", "value: a#b", "a#b", .plain),
        .init("comment after space", "value: a #b", "a", .plain),
        .init("url with fragment", "value: http://x/#frag", "http://x/#frag", .plain),
        .init("leading dash", "value: -1", "-1", .plain),
        .init("leading question mark", "value: ?x", "?x", .plain),
        .init("leading colon", "value: :x", ":x", .plain),
        .init("flow indicators in block context", "value: a[b]{c},d", "a[b]{c},d", .plain),
        .init("multi-line", "value: one\n  two\n  three", "one two three", .plain),
        .init("multi-line with empty lines", "value: one\n\n  two\n\n\n  three", "one\ntwo\n\nthree", .plain),
        .init("continuation holds dash", "value: a\n  - b", "a - b", .plain),
        .init("unicode", "value: ünïcödé 😀", "ünïcödé 😀", .plain),
    ]

    static let singleQuoted: [YAMLScalarCase] = [
        .init("simple", "value: 'a b'", "a b", .singleQuoted),
        .init("doubled apostrophe", "value: 'it''s'", "it's", .singleQuoted),
        .init("backslash is literal", #"value: 'C:\path\n'"#, #"C:\path\n"#, .singleQuoted),
        .init("hash inside", "value: 'a #b'", "a #b", .singleQuoted),
        .init("empty", "value: ''", "", .singleQuoted),
        .init("folded lines", "value: 'a  \n   b   c  \n\n\n  d'", "a b   c\n\nd", .singleQuoted),
    ]

    static let doubleQuoted: [YAMLScalarCase] = [
        .init("simple", #"value: "a b""#, "a b", .doubleQuoted),
        .init("single escapes", "value: \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\"",
              "\u{0}\u{7}\u{8}\t\t\n\u{B}\u{C}\r\u{1B} \"/\\", .doubleQuoted),
        .init("unicode escapes", #"value: "\N\_\L\P""#, "\u{85}\u{A0}\u{2028}\u{2029}", .doubleQuoted),
        .init("hex escapes", #"value: "\x41\u00e9\u263A\U0001F600""#, "Aé☺😀", .doubleQuoted),
        .init("empty", #"value: """#, "", .doubleQuoted),
        .init("folded lines", "value: \"multi\n  line\n\n  text \"", "multi line\ntext ", .doubleQuoted),
        .init("escaped line break joins", "value: \"a \\\n   b\"", "a b", .doubleQuoted),
        .init("escaped line break then empty line", "value: \"a\\\n\n  b\"", "a\nb", .doubleQuoted),
        .init("escaped spaces survive folding", "value: \"a\\t\n  b\"", "a\t b", .doubleQuoted),
    ]

    static let blockScalars: [YAMLScalarCase] = [
        .init("literal", "value: |\n  line 1\n  line 2\n", "line 1\nline 2\n", .literal),
        .init("literal keeps inner empty lines and indentation", "value: |\n  a\n\n    b\n  c\n", "a\n\n  b\nc\n", .literal),
        .init("literal strip", "value: |-\n  a\n\n\n", "a", .literal),
        .init("literal keep", "value: |+\n  a\n\n\nnext: 1\n", "a\n\n\n", .literal),
        .init("literal clip at end of file without newline", "value: |\n  a", "a", .literal),
        .init("leading empty lines kept", "value: |\n\n\n  a\n", "\n\na\n", .literal),
        .init("explicit indentation", "value: |2\n   x\n  y\n", " x\ny\n", .literal),
        .init("indicators in either order", "value: |-2\n   x\n", " x", .literal),
        .init("indentation then chomping", "value: |2+\n  x\n\n", "x\n\n", .literal),
        .init("comment after header", "value: | # a comment\n  text\n", "text\n", .literal),
        .init("hash in content", "value: |\n  # not a comment\n", "# not a comment\n", .literal),
        .init("empty", "value: |\nnext: 1\n", "", .literal),
        .init("keep with no content", "value: |+\n\n\n", "\n\n", .literal),
        .init("folded", "value: >\n  one\n  two\n\n  three\n", "one two\nthree\n", .folded),
        .init("folded strip", "value: >-\n  python -m pytest\n  -q\n", "python -m pytest -q", .folded),
        .init("folded more-indented lines kept", "value: >\n  a\n    b\n  c\n", "a\n  b\nc\n", .folded),
        .init("folded empty lines", "value: >\n  a\n\n\n  b\n", "a\n\nb\n", .folded),
        .init("folded keep", "value: >+\n  a\n  b\n\n", "a b\n\n", .folded),
    ]

    static let allCases = plain + singleQuoted + doubleQuoted + blockScalars

    @Test(arguments: allCases)
    func scalarValues(_ scalarCase: YAMLScalarCase) throws {
        let value = try #require(try parseYAML(scalarCase.yaml)["value"])
        #expect(value.stringValue == scalarCase.text)
        #expect(value.scalarValue?.style == scalarCase.style)
    }

    @Test func plainScalarRanges() throws {
        let root = try parseYAML("image: nginx:1.27  # pinned\ndescription: first\n  second line\n")
        let image = try #require(root.entry(for: "image"))
        #expect(image.key.range == yamlRange(1, 1, 1, 6))
        #expect(image.value.range == yamlRange(1, 8, 1, 18))
        #expect(root["description"]?.range == yamlRange(2, 14, 3, 14))
    }

    @Test func quotedScalarRangesIncludeTheQuotes() throws {
        let root = try parseYAML("a: 'x''y'\nb: \"é\\n\"\nc: \"multi\n  line\"\n")
        #expect(root["a"]?.range == yamlRange(1, 4, 1, 10))
        #expect(root["b"]?.range == yamlRange(2, 4, 2, 9))
        #expect(root["c"]?.range == yamlRange(3, 4, 4, 8))
    }

    @Test func blockScalarRangesEndAtTheLastContentLine() throws {
        let root = try parseYAML("script: |-\n  set -e\n  run\n\n\nnext: >\nlast: |\n")
        #expect(root["script"]?.range == yamlRange(1, 9, 3, 6))
        #expect(root["next"]?.range == yamlRange(6, 7, 6, 8))
        #expect(root["last"]?.range == yamlRange(7, 7, 7, 8))
        #expect(root["next"]?.stringValue == "")
    }

    @Test func columnsCountCharacters() throws {
        let root = try parseYAML("\"ключ\": значение\n")
        let entry = try #require(root.entry(for: "ключ"))
        #expect(entry.key.range == yamlRange(1, 1, 1, 7))
        #expect(entry.value.range == yamlRange(1, 9, 1, 17))
    }

    @Test func nullReadings() throws {
        let root = try parseYAML("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: nul\nh: !!str\ni: !reset\nj: []\n")
        for key in ["a", "b", "c", "d", "e", "i"] {
            #expect(root[key]?.isNull == true, "\(key)")
        }
        for key in ["f", "g", "h", "j"] {
            #expect(root[key]?.isNull == false, "\(key)")
        }
        #expect(root["a"]?.stringValue == "")
        #expect(root["j"]?.stringValue == nil)
    }

    @Test func booleanReadingsFollowYAML12() throws {
        let root = try parseYAML("""
            a: true
            b: True
            c: TRUE
            d: false
            e: False
            f: FALSE
            g: yes
            h: on
            i: "true"
            j: !!str true
            k: tRue
            """)
        #expect(["a", "b", "c"].map { root[$0]?.boolValue } == [true, true, true])
        #expect(["d", "e", "f"].map { root[$0]?.boolValue } == [false, false, false])
        for key in ["g", "h", "i", "j", "k"] {
            #expect(root[key]?.boolValue == nil, "\(key)")
        }
    }

    @Test func integerReadings() throws {
        let root = try parseYAML("""
            a: 8080
            b: -12
            c: +7
            d: 0o755
            e: 0xFF
            f: 9223372036854775807
            g: -9223372036854775808
            h: 9223372036854775808
            i: "80"
            j: 1.5
            k: 0x
            l: 12a
            m: 0o8
            n: !!str 1
            o: 1_000
            """)
        #expect(root["a"]?.intValue == 8080)
        #expect(root["b"]?.intValue == -12)
        #expect(root["c"]?.intValue == 7)
        #expect(root["d"]?.intValue == 0o755)
        #expect(root["e"]?.intValue == 255)
        #expect(root["f"]?.intValue == Int.max)
        #expect(root["g"]?.intValue == Int.min)
        for key in ["h", "i", "j", "k", "l", "m", "n", "o"] {
            #expect(root[key]?.intValue == nil, "\(key)")
        }
    }

    @Test func accessorsOnTheWrongKindGiveNil() throws {
        let root = try parseYAML("list: [1]\nmap: {a: 1}\nscalar: x\n")
        let list = try #require(root["list"])
        let map = try #require(root["map"])
        let scalar = try #require(root["scalar"])
        #expect(list.stringValue == nil && list.mappingValue == nil && list["a"] == nil && list.intValue == nil)
        #expect(map.sequenceValue == nil && map.boolValue == nil && !map.isNull)
        #expect(scalar.sequenceValue == nil && scalar.mappingValue == nil && scalar.entry(for: "x") == nil)
        #expect(list.sequenceValue?.count == 1 && map.mappingValue?.count == 1)
        #expect(root["missing"] == nil)
    }
}
