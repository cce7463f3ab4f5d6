import Testing
@testable import HarborScaffoldKit

/// The parser must return or throw a ``YAMLError`` inside the document, never crash or hang,
/// whatever it is given.
@Suite struct YAMLRobustnessTests {
    static let seeds: [String] = YAMLComposeCorpus.files.map(\.text) + [
        "a: &a [1, {b: 2}]\nc: [*a, *a]\n",
        "- 'x''y'\n- \"\\u263A\\\n  z\"\n- |+\n  keep\n\n- >-\n  fold\n  ed\n",
        "? a\n",
        "[a: 1, {b, c: }, \"d\":e]\n",
        "%YAML 1.2\n--- !tag &x\n<<: {k: v}\n...\n",
    ]

    /// Parses `text`; when it fails, the error must point inside the document.
    static func parseNeverCrashes(_ text: String) -> Bool {
        let source = SourceText(path: "fuzz.yaml", text: text)
        do {
            let root = try YAMLParser.parse(source)
            #expect(root.range.start <= root.range.end)
            return true
        } catch {
            #expect(error.position.line >= 1 && error.position.line <= source.lineStarts.count, "\(error)")
            #expect(error.position.column >= 1, "\(error)")
            #expect(!error.message.isEmpty)
            return false
        }
    }

    @Test func seedsParseExceptTheExplicitKey() {
        let accepted = Self.seeds.map(Self.parseNeverCrashes)
        #expect(accepted.filter { !$0 }.count == 1)
    }

    /// What random documents are made of: YAML indicators and words, line breaks, indentation,
    /// tabs, and (as nil) a random byte.
    static let fragments: [String?] = [
        "key: ", "- ", "  ", "    ", "\n", "\n", "\t", "[", "]", "{", "}", ", ", ": ", "'", "\"", "\\", "\\u00",
        "&a ", "*a", "!t ", "|", ">-", "|2+", " #c", "#", "? ", "---", "...", "%YAML 1.2", "<<: ", "x", "é", "~",
        "true", "8080", "\u{1}", nil, nil,
    ]

    @Test func randomDocuments() {
        var random = SplitMix64(seed: 0x7A3B)
        var accepted = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(40) {
                if let fragment = Self.fragments[random.below(Self.fragments.count)] {
                    bytes.append(contentsOf: fragment.utf8)
                } else {
                    bytes.append(UInt8(random.below(256)))
                }
            }
            if Self.parseNeverCrashes(String(decoding: bytes, as: UTF8.self)) { accepted += 1 }
        }
        #expect(accepted > 100)
        #expect(accepted < 2900)
    }

    @Test func mutatedComposeFiles() {
        var random = SplitMix64(seed: 0xD0C4E5)
        let injected = Array(":-[]{}\"'&*|>!?#,\t\n ".utf8)
        var accepted = 0
        let rounds = 2000
        for _ in 0..<rounds {
            var bytes = Array(Self.seeds[random.below(Self.seeds.count)].utf8)
            for _ in 0..<(1 + random.below(3)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                let span = at..<min(bytes.count, at + 1 + random.below(24))
                switch random.below(8) {
                case 0: bytes[at] = injected[random.below(injected.count)]
                case 1: bytes.insert(injected[random.below(injected.count)], at: at)
                case 2: bytes.removeSubrange(span)
                case 3: bytes.insert(contentsOf: Array(bytes[span]), at: random.below(bytes.count + 1))
                case 4:
                    let other = random.below(bytes.count)
                    let otherSpan = other..<min(bytes.count, other + span.count)
                    let first = Array(bytes[span])
                    let second = Array(bytes[otherSpan])
                    if span.upperBound <= other {
                        bytes.replaceSubrange(otherSpan, with: first)
                        bytes.replaceSubrange(span, with: second)
                    }
                case 5: bytes.removeSubrange(at...)
                case 6: bytes[at] = UInt8(random.below(256))
                default:
                    let opener = Array("[{- &a *a !t \"'|".utf8)[random.below(15)]
                    bytes.insert(contentsOf: repeatElement(opener, count: 1 + random.below(300)), at: at)
                }
            }
            if Self.parseNeverCrashes(String(decoding: bytes, as: UTF8.self)) { accepted += 1 }
        }
        #expect(accepted > rounds / 10)
        #expect(accepted < rounds)
    }

    @Test func deepNestingInjectedIntoComposeFiles() {
        var random = SplitMix64(seed: 0xDEE9)
        var rejected = 0
        for round in 0..<12 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            let opener = Array("[{".utf8)[round % 2]
            bytes.insert(contentsOf: repeatElement(opener, count: 100_000), at: random.below(bytes.count + 1))
            // Brackets that land in a comment or a quoted scalar are text; elsewhere they nest too deep.
            if !Self.parseNeverCrashes(String(decoding: bytes, as: UTF8.self)) { rejected += 1 }
        }
        #expect(rejected >= 6)
    }

    @Test func pathologicalInputsFailCleanly() {
        let count = 100_000
        let failing = [
            String(repeating: "[", count: count),
            String(repeating: "{", count: count),
            String(repeating: "[", count: count) + String(repeating: "]", count: count),
            "a: " + String(repeating: "{b: ", count: count / 4),
            String(repeating: "- ", count: count),
            String(repeating: "[\n", count: count),
            (0..<1000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"),
            String(repeating: "\"", count: count + 1),
            String(repeating: "&a ", count: count),
            String(repeating: "*a ", count: count),
            String(repeating: "!t ", count: count),
            String(repeating: "|", count: count),
            String(repeating: "? ", count: count),
            String(repeating: "a:", count: count),
            String(repeating: "k", count: count) + ": v",
            "\"" + String(repeating: "\\", count: count),
            "\"" + String(repeating: "\\u", count: count / 2),
            String(repeating: "[a, ", count: count / 4),
            String(repeating: "a: 1\n", count: count / 5),
            String(repeating: "---\n", count: count),
            String(repeating: "\u{0}", count: count),
            String(repeating: "#", count: count) + "\n\t-",
        ]
        for input in failing {
            #expect(!Self.parseNeverCrashes(input), "\(input.prefix(20).debugDescription)")
        }
        let passing = [
            String(repeating: "'", count: count),
            String(repeating: "#", count: count),
            String(repeating: "\t", count: count),
            String(repeating: "\n", count: count) + "a",
            String(repeating: "a", count: count),
            "a: " + String(repeating: "b ", count: count),
            "a: |\n" + String(repeating: "  x\n", count: count / 4),
            "a: >\n" + String(repeating: "  x\n\n", count: count / 5),
            "a: \"" + String(repeating: "x\n", count: count / 2) + "\"",
        ]
        for input in passing {
            #expect(Self.parseNeverCrashes(input), "\(input.prefix(20).debugDescription)")
        }
    }

    @Test func largeValidDocumentsParse() throws {
        var text = "x-base: &base\n  restart: always\n  environment: [A=1, B=2]\nservices:\n"
        for index in 0..<2000 {
            text += "  svc\(index):\n    <<: *base\n    image: \"img:\(index)\"\n    ports:\n      - \(8000 + index):80\n"
        }
        text += "big: [" + (0..<20_000).map(String.init).joined(separator: ", ") + "]\n"
        let root = try parseYAML(text)
        #expect(root["services"]?.mappingValue?.count == 2000)
        #expect(root["services"]?["svc1999"]?["restart"]?.stringValue == "always")
        #expect(root["services"]?["svc1999"]?["image"]?.range == yamlRange(10_002, 12, 10_002, 22))
        #expect(root["big"]?.sequenceValue?.count == 20_000)
        #expect(root["big"]?.sequenceValue?.last?.intValue == 19_999)
    }

    @Test func aliasFanOutUpToTheLimitIsAllowed() throws {
        let anchored = "a: &a [" + Array(repeating: "x", count: 999).joined(separator: ",") + "]\n"
        let fanOut = "b: [" + Array(repeating: "*a", count: 1000).joined(separator: ",") + "]\n"
        #expect(try parseYAML(anchored + fanOut)["b"]?.sequenceValue?.count == 1000)
        let over = "b: [" + Array(repeating: "*a", count: 1001).joined(separator: ",") + "]\n"
        #expect(yamlError(anchored + over)?.message == "aliases expand to more than 1000000 nodes")
    }
}
