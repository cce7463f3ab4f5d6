import Testing
@testable import HarborScaffoldKit

@Suite struct YAMLAnchorAndDocumentTests {
    @Test func aliasesCopyTheAnchoredNodeToWhereTheAliasIs() throws {
        let root = try parseYAML("""
            base: &base !custom
              image: nginx
            copy: *base
            list: [&one 1, *one, &pair [a, b], *pair]
            """)
        #expect(render(root["copy"]!) == "!custom {image: nginx}")
        #expect(root["copy"]?.range == yamlRange(3, 7, 3, 12))
        #expect(root["copy"]?["image"]?.range == yamlRange(2, 10, 2, 15))
        #expect(render(root["list"]!) == "[1, 1, [a, b], [a, b]]")
        #expect(root["list"]?.sequenceValue?[3].range == yamlRange(4, 36, 4, 41))
        // The anchored node's own range starts at its properties.
        #expect(root["base"]?.range == yamlRange(1, 7, 2, 15))
    }

    @Test func anchorsCanBeRedefined() throws {
        let root = try parseYAML("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(render(root) == "{a: 1, b: 1, c: 2, d: 2}")
    }

    @Test func aliasesAsKeysAndAnchorsOnKeys() throws {
        let root = try parseYAML("&k key: 1\nother: *k\nx: *k\n")
        #expect(render(root) == "{key: 1, other: key, x: key}")
        let scalarKey = try parseYAML("k: &name web\n*name : 1\n")
        #expect(render(scalarKey) == "{k: web, web: 1}")
    }

    @Test func anchorNamesMayHoldColonsButStopBeforeColonSpace() throws {
        let root = try parseYAML("a: &x:y 1\nb: *x:y\n&k c: 2\nd: [&e f, *e]\n")
        #expect(render(root) == "{a: 1, b: 1, c: 2, d: [f, f]}")
    }

    @Test func mergeKeyPutsMergedKeysFirstAndWrittenKeysWin() throws {
        let root = try parseYAML("""
            x-base: &base
              image: nginx
              restart: always
              ports: [80]
            web:
              image: custom
              <<: *base
              user: app
            """)
        #expect(render(root["web"]!) == "{restart: always, ports: [80], image: custom, user: app}")
        #expect(root["web"]?["image"]?.range == yamlRange(6, 10, 6, 16))
        #expect(root["web"]?["restart"]?.range == yamlRange(3, 12, 3, 18))
        #expect(root["web"]?.entry(for: "<<") == nil)
    }

    @Test func mergeOfSeveralMappingsPrefersTheEarlierOne() throws {
        let root = try parseYAML("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            m:
              <<: [*a, *b, {w: 3, x: 3}]
              z: 0
            """)
        #expect(render(root["m"]!) == "{x: 1, y: 1, w: 3, z: 0}")
    }

    @Test func mergesInsideAnchoredNodesAreResolvedOnce() throws {
        let root = try parseYAML("""
            x-a: &a {p: 1}
            x-b: &b
              <<: *a
              q: 2
            svc:
              <<: *b
              r: 3
            inline:
              <<: {s: 4}
            """)
        #expect(render(root["svc"]!) == "{p: 1, q: 2, r: 3}")
        #expect(render(root["inline"]!) == "{s: 4}")
    }

    @Test func quotedOrTaggedLessLessIsAnOrdinaryKey() throws {
        let root = try parseYAML("\"<<\": a\n<<: {b: 1}\n")
        #expect(render(root) == #"{b: 1, "<<": a}"#)
        #expect(root["<<"]?.stringValue == "a")
        #expect(renderYAML("!!str <<: {b: 1}\n") == "{!!str <<: {b: 1}}")
    }

    @Test func tagsAreKeptAsWritten() throws {
        let root = try parseYAML("""
            ports: !reset []
            environment: !override
              A: 1
            build: !reset null
            image: !reset
            str: !!str 123
            verbatim: !<tag:yaml.org,2002:int> 7
            both: &anchor !tag value
            flow: [!a x, !b , !!str]
            """)
        #expect(root["ports"]?.tag == "!reset")
        #expect(root["ports"]?.sequenceValue?.isEmpty == true)
        #expect(root["environment"]?.tag == "!override")
        #expect(root["environment"]?["A"]?.intValue == 1)
        #expect(root["build"]?.tag == "!reset" && root["build"]?.isNull == true)
        #expect(root["image"]?.tag == "!reset" && root["image"]?.isNull == true)
        #expect(root["image"]?.range == yamlRange(5, 8, 5, 14))
        #expect(root["str"]?.tag == "!!str" && root["str"]?.intValue == nil && root["str"]?.stringValue == "123")
        #expect(root["verbatim"]?.tag == "!<tag:yaml.org,2002:int>")
        #expect(root["both"]?.tag == "!tag")
        #expect(root["both"]?.range == yamlRange(8, 7, 8, 25))
        #expect(render(root["flow"]!) == "[!a x, !b ~, !!str ~]")
        #expect(root["ports"]?.range == yamlRange(1, 8, 1, 17))
    }

    @Test func emptyDocumentsAreNull() throws {
        for text in ["", "\n\n", "# only a comment\n  # another\n", "---\n", "--- # comment\n...\n", "...\n", "%YAML 1.2\n---\n"] {
            let root = try parseYAML(text)
            #expect(root.isNull, "\(text.debugDescription)")
            #expect(root.tag == nil)
        }
        #expect(try parseYAML("").range == yamlRange(1, 1, 1, 1))
        #expect(try parseYAML("---\n").range == yamlRange(1, 4, 1, 4))
    }

    @Test func documentMarkersAndDirectives() throws {
        #expect(renderYAML("---\na: 1\n...\n") == "{a: 1}")
        #expect(renderYAML("--- a\n") == "a")
        #expect(renderYAML("--- |\n  text\n") == #""text\n""#)
        #expect(renderYAML("--- [1, 2]\n...\n...\n# end\n") == "[1, 2]")
        #expect(renderYAML("%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\n!e!x a: b\n") == "{!e!x a: b}")
        #expect(renderYAML("a: ---\nb: ...x\nc: --- x\n") == "{a: ---, b: ...x, c: --- x}")
        #expect(try parseYAML("---\na: 1\n")["a"]?.range == yamlRange(2, 4, 2, 5))
    }

    @Test func lineEndingsAndByteOrderMarkAreNormalised() throws {
        let text = "\u{FEFF}services:\r\n  web:\r\n    image: \"a\r\n      b\"\r\n    cmd: |\r\n      x\r\n      y\r\n"
        let root = try parseYAML(text)
        #expect(render(root) == #"{services: {web: {image: "a b", cmd: "x\ny\n"}}}"#)
        #expect(root["services"]?["web"]?.range == yamlRange(3, 5, 7, 8))
        #expect(try parseYAML("a: 1\rb: 2\r").mappingValue?.count == 2)
    }
}
