import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct YAMLCollectionTests {
    @Test func blockMappingsAndSequences() throws {
        let text = """
            services:
              web:
                ports:
                  - "80:80"
                  - 443
                empty:
              db: {}
            """
        let root = try parseYAML(text)
        #expect(render(root) == #"{services: {web: {ports: ["80:80", 443], empty: ~}, db: {}}}"#)
        let services = try #require(root["services"])
        #expect(services.range == yamlRange(2, 3, 7, 9))
        let web = try #require(services.entry(for: "web"))
        #expect(web.key.range == yamlRange(2, 3, 2, 6))
        #expect(web.value.range == yamlRange(3, 5, 6, 11))
        let ports = try #require(web.value["ports"])
        #expect(ports.range == yamlRange(4, 7, 5, 12))
        #expect(ports.sequenceValue?.map(\.range) == [yamlRange(4, 9, 4, 16), yamlRange(5, 9, 5, 12)])
        // An empty value is an empty range just after its ':'.
        #expect(web.value["empty"]?.range == yamlRange(6, 11, 6, 11))
        #expect(web.value["empty"]?.isNull == true)
    }

    @Test func sequenceAtTheIndentationOfItsKey() throws {
        let root = try parseYAML("a:\n- b\n-\n- c: d\n  e:\nf: g\n")
        #expect(render(root) == "{a: [b, ~, {c: d, e: ~}], f: g}")
        #expect(root["a"]?.range == yamlRange(2, 1, 5, 5))
        #expect(root["a"]?.sequenceValue?[1].range == yamlRange(3, 2, 3, 2))
        #expect(renderYAML("a:\n- b\n-\nf: g\n") == "{a: [b, ~], f: g}")
    }

    @Test func compactMappingsInSequences() throws {
        let root = try parseYAML("- name: a\n  value: 1\n- name: b\n- - x\n  - y\n- - - z\n")
        #expect(render(root) == "[{name: a, value: 1}, {name: b}, [x, y], [[z]]]")
        let first = try #require(root.sequenceValue?.first)
        #expect(first.range == yamlRange(1, 3, 2, 11))
        #expect(root.range == yamlRange(1, 1, 6, 8))
    }

    @Test func flowCollections() throws {
        let root = try parseYAML("""
            a: [1, [2, [3]], {b: c, d: [e]}]
            f: {g: h, "i": 'j', k: [], l: {}}
            m: [ trailing, comma, ]
            n: {x: 1,}
            o: [a: 1, b]
            p: {q, r: , s: t}
            u: {"json":1, 'like':[2]}
            """)
        #expect(render(root["a"]!) == "[1, [2, [3]], {b: c, d: [e]}]")
        #expect(render(root["f"]!) == #"{g: h, "i": "j", k: [], l: {}}"#)
        #expect(render(root["m"]!) == "[trailing, comma]")
        #expect(render(root["n"]!) == "{x: 1}")
        #expect(render(root["o"]!) == "[{a: 1}, b]")
        #expect(render(root["p"]!) == "{q: ~, r: ~, s: t}")
        #expect(render(root["u"]!) == #"{"json": 1, "like": [2]}"#)
        #expect(root["a"]?.range == yamlRange(1, 4, 1, 33))
        #expect(root["a"]?.sequenceValue?[1].range == yamlRange(1, 8, 1, 16))
        #expect(root["o"]?.sequenceValue?[0].range == yamlRange(5, 5, 5, 9))
    }

    @Test func multiLineFlowCollections() throws {
        let root = try parseYAML("""
            command: [ "sh",
              "-c",   # a comment inside
                "run"
            ]
            env: {
              A: 1,
              B: [x,
            y],
            }
            plain: [a
              b, c]
            """)
        #expect(render(root) == #"{command: ["sh", "-c", "run"], env: {A: 1, B: [x, y]}, plain: [a b, c]}"#)
        #expect(root["command"]?.range == yamlRange(1, 10, 4, 2))
        #expect(root["env"]?["B"]?.range == yamlRange(7, 6, 8, 3))
    }

    @Test func flowPlainScalarsStopAtFlowIndicators() throws {
        let root = try parseYAML("[a:b, http://x:80/y, c#d, -1, \"e\":f, 8080:80]")
        #expect(render(root) == #"[a:b, http://x:80/y, c#d, -1, {"e": f}, 8080:80]"#)
    }

    @Test func quotedAndUnusualKeys() throws {
        let root = try parseYAML("""
            "com.example.description": a
            'single': b
            key with spaces: c
            a#b: d
            -dash: e
            "": f
            """)
        #expect(root["com.example.description"]?.stringValue == "a")
        #expect(root["single"]?.stringValue == "b")
        #expect(root["key with spaces"]?.stringValue == "c")
        #expect(root["a#b"]?.stringValue == "d")
        #expect(root["-dash"]?.stringValue == "e")
        #expect(root[""]?.stringValue == "f")
        #expect(root.entry(for: "single")?.key.scalarValue?.style == .singleQuoted)
        #expect(root.entry(for: "single")?.key.range == yamlRange(2, 1, 2, 9))
    }

    @Test func keysKeepDocumentOrder() throws {
        let root = try parseYAML("z: 1\na: 2\nm: 3\n")
        #expect(root.mappingValue?.compactMap(\.key.stringValue) == ["z", "a", "m"])
    }

    @Test func keyLookupIgnoresQuotingStyle() throws {
        let root = try parseYAML("\"8080\": a\n")
        #expect(root["8080"]?.stringValue == "a")
    }

    @Test func valuesOnTheFollowingLine() throws {
        let root = try parseYAML("a:\n  b\nc:\n\n  - d\ne:\n  # comment\n  f: g\n")
        #expect(render(root) == "{a: b, c: [d], e: {f: g}}")
        #expect(root["a"]?.range == yamlRange(2, 3, 2, 4))
    }

    @Test func commentsEverywhere() throws {
        let root = try parseYAML("""
            # leading
            a: # after a key
              # before a value
              - x # after a value
              # between entries
              - y
            # between keys
            b: [1, # inside a flow sequence
              2]   # after it
            c: 'q' # after a quoted scalar
            # trailing
            """)
        #expect(render(root) == #"{a: [x, y], b: [1, 2], c: "q"}"#)
    }

    @Test func deepButAllowedNesting() throws {
        let depth = YAMLParser.maximumDepth
        let flow = try parseYAML(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var level = 1
        var node = flow
        while let inner = node.sequenceValue?.first {
            node = inner
            level += 1
        }
        #expect(level == depth)
        let block = try parseYAML((0..<depth).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v")
        #expect(block.range == yamlRange(1, 1, depth, depth + 4))
    }

    /// Nesting is read with an explicit stack, not recursion: the deepest documents parse on a
    /// thread with a small stack (macOS gives secondary threads 512 KB), in debug builds too.
    @Test func deepNestingNeedsLittleCallStack() {
        let depth = YAMLParser.maximumDepth
        let documents = [
            String(repeating: "- ", count: depth) + "x",
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
            String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth),
            String(repeating: "[a: ", count: depth / 2) + "1" + String(repeating: "]", count: depth / 2),
            (0..<depth).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v",
        ]
        let results = ParsedCounts()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            for document in documents where (try? YAMLParser.parse(SourceText(path: "deep.yaml", text: document))) != nil {
                results.increment()
            }
            finished.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        finished.wait()
        #expect(results.value == documents.count)
    }
}

/// A counter written by one thread and read after it signals.
private final class ParsedCounts: @unchecked Sendable {
    private(set) var value = 0

    func increment() {
        value += 1
    }
}
