import Testing
@testable import HarborScaffoldKit

/// An invalid document and the exact error it must produce (the case type the TOML error tests
/// define serves YAML as well).
typealias YAMLErrorCase = TOMLErrorCase

@Suite struct YAMLErrorTests {
    static let tab = "tabs are not allowed for indentation; indent with spaces"

    static let indentation: [YAMLErrorCase] = [
        .init("tab indents a key", "a:\n\tb: 1", 2, 1, tab),
        .init("tab after spaces", "a:\n  \tb: 1", 2, 3, tab),
        .init("tab indents a plain continuation", "a: x\n\ty", 2, 1, tab),
        .init("tab indents block scalar content", "a: |\n\tx\n", 2, 1, tab),
        .init("tab indents a sequence entry", "a:\n\t- b", 2, 1, tab),
        .init("key less indented than its siblings", "a:\n  b: 1\n c: 2", 3, 2, "bad indentation of a mapping entry"),
        .init("key between two indentations", "services:\n  web:\n    image: x\n   ports: []", 4, 4,
              "bad indentation of a mapping entry"),
        .init("sequence entry less indented", "a:\n  - b\n - c", 3, 2, "bad indentation of a sequence entry"),
        .init("key more indented than its siblings", "a: 1\n  b: 2", 2, 4, "mapping values are not allowed here"),
        .init("value holding ': '", "a: b: c", 1, 5, "mapping values are not allowed here"),
        .init("key without ':' between keys", "a: 1\nb\nc: 2", 2, 1, "could not find the ':' that should follow this mapping key"),
        .init("key without ':' at the end", "services:\n  web:\n    image: x\n    ports", 4, 5,
              "could not find the ':' that should follow this mapping key"),
        .init("sequence after a key on its line", "a: - b", 1, 4,
              "a block sequence entry ('- ') is not allowed here; start the sequence on a new line"),
        .init("sequence entry among keys", "a: 1\n- b", 2, 1, "expected a mapping key, found '-'"),
        .init("key among sequence entries", "- a\nb: 1", 2, 1, "expected a sequence entry ('- '), found a mapping key"),
        .init("second root node", "\"a\"\n\"b\"", 2, 1, "expected the end of the document, found the scalar 'b'"),
    ]

    static let scalars: [YAMLErrorCase] = [
        .init("unterminated double quote", "a: \"b", 1, 4, "unterminated double-quoted scalar (missing closing '\"')"),
        .init("unterminated single quote", "a: 'b\n\nc: d", 1, 4, "unterminated single-quoted scalar (missing closing \"'\")"),
        .init("unterminated after a backslash", "a: \"b\\", 1, 4, "unterminated double-quoted scalar (missing closing '\"')"),
        .init("document marker in a quoted scalar", "a: \"b\n---\n\"", 2, 1,
              "a document marker cannot appear inside a quoted scalar; is a closing quote missing?"),
        .init("invalid escape", #"a: "x\qy""#, 1, 6, #"invalid escape '\q' in a double-quoted scalar"#),
        .init("escaped apostrophe", #"a: "\'""#, 1, 5, #"invalid escape '\'' in a double-quoted scalar"#),
        .init("short hex escape", #"a: "\x4""#, 1, 5, #"'\x' must be followed by 2 hexadecimal digits"#),
        .init("non-hex unicode escape", #"a: "\u12G4""#, 1, 5, #"'\u' must be followed by 4 hexadecimal digits"#),
        .init("surrogate escape", #"a: "\uD800""#, 1, 5, #"escape '\uD800' is not a valid Unicode character (U+D800)"#),
        .init("escape beyond Unicode", #"a: "\U00110000""#, 1, 5,
              #"escape '\U00110000' is not a valid Unicode character (U+110000)"#),
        .init("text after a block scalar header", "a: | x", 1, 6, "expected a comment or a line break after the block scalar header"),
        .init("indentation indicator 0", "a: |0\n  x", 1, 5, "a block scalar's indentation indicator must be 1 to 9"),
        .init("block scalar in a flow collection", "a: [|]", 1, 5, "block scalars ('|', '>') are not allowed inside flow collections"),
        .init("reserved at sign", "a: @x", 1, 4, "'@' cannot start a plain scalar; quote the value"),
        .init("reserved backtick", "a: `x`", 1, 4, "'`' cannot start a plain scalar; quote the value"),
        .init("percent inside a line", "a: %x", 1, 4, "'%' cannot start a plain scalar; quote the value"),
        .init("control character", "a: b\u{1}", 1, 5, "control character U+0001 is not allowed in YAML"),
        .init("control character after multi-byte text", "é: \u{7F}", 1, 4, "control character U+007F is not allowed in YAML"),
    ]

    static let collections: [YAMLErrorCase] = [
        .init("unterminated flow sequence", "a: [1, 2", 1, 4, "unterminated flow sequence (missing ']')"),
        .init("unterminated multi-line flow sequence", "a: [1,\n  2,\n", 1, 4, "unterminated flow sequence (missing ']')"),
        .init("flow sequence swallowing the next key", "a: [1, 2\nb: 3", 2, 2, "mapping values are not allowed here"),
        .init("unterminated flow mapping", "a: {x: 1", 1, 4, "unterminated flow mapping (missing '}')"),
        .init("flow sequence cut by a document marker", "a: [1,\n---\n]", 1, 4, "unterminated flow sequence (missing ']')"),
        .init("empty flow entry", "[a, , b]", 1, 5, "expected a value before ','"),
        .init("leading comma in flow mapping", "{, a: 1}", 1, 2, "expected a mapping key before ','"),
        .init("wrong closing bracket", "[a}", 1, 3, "expected ',' or ']' in a flow sequence, found '}'"),
        .init("wrong closing brace", "{a: 1]", 1, 6, "expected ',' or '}' in a flow mapping, found ']'"),
        .init("stray closing bracket", "a: ]", 1, 4, "expected a value, found ']'"),
        .init("block entry in a flow collection", "[- a]", 1, 2, "block sequence entries ('- ') are not allowed inside flow collections"),
        .init("explicit key", "? a\n: b", 1, 1, "explicit mapping keys ('? ') are not supported; write 'key: value'"),
        .init("explicit key in flow", "{? a}", 1, 2, "explicit mapping keys ('? ') are not supported; write 'key: value'"),
        .init("sequence as key", "[a, b]: c", 1, 1, "a mapping key must be a scalar, not a sequence"),
        .init("mapping as key in flow", "{{a: 1}: b}", 1, 2, "a mapping key must be a scalar, not a mapping"),
        .init("node after a flow key", "[a] b: c", 1, 5, "expected ':' after the mapping key, found the scalar 'b'"),
        .init("nesting too deep in flow", "a: " + String(repeating: "[", count: 256), 1, 259, "nesting deeper than 256 levels"),
        .init("nesting too deep in blocks", (0..<257).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"),
              257, 257, "nesting deeper than 256 levels"),
        .init("nesting too deep with sequences", String(repeating: "- ", count: 257) + "x", 1, 513, "nesting deeper than 256 levels"),
    ]

    static let keysAndAliases: [YAMLErrorCase] = [
        .init("duplicate key", "services:\n  web:\n    image: a\n    ports: []\n    image: b", 5, 5,
              "duplicate key 'image' (first at line 3)"),
        .init("duplicate key in flow", "{a: 1, a: 2}", 1, 8, "duplicate key 'a' (first at line 1)"),
        .init("duplicate key quoted differently", "a: 1\n'a': 2", 2, 1, "duplicate key 'a' (first at line 1)"),
        .init("duplicate merge key", "<<: {a: 1}\n<<: {b: 2}", 2, 1, "duplicate key '<<' (first at line 1)"),
        .init("unknown alias", "a: *nope", 1, 4, "unknown alias '*nope' (no anchor '&nope' before it)"),
        .init("alias before its anchor", "a: *x\nb: &x 1", 1, 4, "unknown alias '*x' (no anchor '&x' before it)"),
        .init("recursive alias", "a: &x [1, *x]", 1, 11,
              "alias '*x' is inside the node it refers to; recursive aliases are not supported"),
        .init("merge of a scalar", "<<: 1", 1, 5, "the merge key '<<' takes a mapping or a sequence of mappings, not a scalar"),
        .init("merge of a list holding a scalar", "<<: [{a: 1}, 2]", 1, 14,
              "the merge key '<<' takes a mapping or a sequence of mappings, not a scalar"),
        .init("anchor without a name", "a: & b", 1, 4, "'&' must be followed by an anchor name"),
        .init("alias without a name", "a: *", 1, 4, "'*' must be followed by an alias name"),
        .init("two anchors", "a: &x &y 1", 1, 7, "a node can have only one anchor"),
        .init("two tags", "a: !x !y 1", 1, 7, "a node can have only one tag"),
        .init("alias with a tag", "a: &x 1\nb: !t *x", 2, 7, "an alias cannot have an anchor or a tag"),
        .init("tag glued to a bracket", "a: [!t[x]]", 1, 7, "a tag must be followed by a space"),
        .init("unterminated verbatim tag", "a: !<tag", 1, 4, "unterminated verbatim tag (missing '>')"),
    ]

    static let documents: [YAMLErrorCase] = [
        .init("second document", "a: 1\n---\nb: 2", 2, 1, "only one YAML document is supported"),
        .init("second document after the end marker", "a: 1\n...\nb: 2", 3, 1, "only one YAML document is supported"),
        .init("two empty documents", "---\n---", 2, 1, "only one YAML document is supported"),
        .init("directive after the document", "a: 1\n%YAML 1.2\n---", 2, 1, "only one YAML document is supported"),
        .init("directives without a document start", "%YAML 1.2\na: 1", 2, 1,
              "expected '---' after the directives, found a mapping key"),
    ]

    static let allCases = indentation + scalars + collections + keysAndAliases + documents

    @Test(arguments: allCases)
    func reportsTheErrorAndItsPosition(_ errorCase: YAMLErrorCase) {
        let error = yamlError(errorCase.text)
        #expect(error?.message == errorCase.message)
        #expect(error?.position == SourcePosition(line: errorCase.line, column: errorCase.column))
    }

    @Test func descriptionIsLineColonColumnColonMessage() {
        let error = YAMLError(message: "duplicate key 'image' (first at line 3)", position: SourcePosition(line: 7, column: 5))
        #expect(error.description == "7:5: duplicate key 'image' (first at line 3)")
    }

    @Test func billionLaughsStopsAtTheAliasThatExpandsTooFar() {
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let error = yamlError(lines.joined(separator: "\n"))
        #expect(error?.message == "aliases expand to more than 1000000 nodes")
        // l(n) holds 1 + 10 * size(l(n-1)) nodes: 11, 111, ..., 111,111 for l4. Lines 2 to 5 expand
        // 124,340 nodes, so the eighth *l4 on line 6 (column 10 + 7 * 5) passes 1,000,000.
        #expect(error?.position == SourcePosition(line: 6, column: 45))
    }

    @Test func tabsThatDoNotIndentContentAreAllowed() throws {
        let root = try parseYAML("a:\tb\nc: [1,\n\t2]\nd: \"x\n\ty\"\n\t# comment\n\t\ne: f\t# trailing\ng: |\n  \ttabbed\n")
        #expect(render(root) == #"{a: b, c: [1, 2], d: "x y", e: f, g: "\ttabbed\n"}"#)
    }

    @Test func implicitKeysAreLimitedTo1024Characters() throws {
        let longKey = String(repeating: "k", count: 1025)
        #expect(yamlError(longKey + ": v")?.message == "mapping values are not allowed here")
        #expect(try parseYAML(String(repeating: "k", count: 1000) + ": v").mappingValue?.count == 1)
    }
}
