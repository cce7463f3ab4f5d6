import Testing
@testable import HarborScaffoldKit

/// The parser must return or throw, never crash or hang, whatever it is given.
@Suite struct TOMLRobustnessTests {
    static let seeds: [String] = [
        TOMLHarborDocumentTests.taskTOML,
        #"""
        # comment
        title = "TOML \u00E9 \U0001F600 \"x\""
        lit = 'C:\path'
        ml = """
        a \
          b ""\"c"""
        mll = '''
        raw ''text'''
        [owner]
        name = "Tom"
        dob = 1979-05-27T07:32:00-08:00
        [database]
        ports = [ 8000, 8001, 8002, ]
        data = [ ["delta", "phi"], [3.14] ]
        temp_targets = { cpu = 79.5, case = 72.0 }
        enabled = true
        [servers.alpha]
        ip = "10.0.0.1"
        role.kind = "frontend"
        [[products]]
        hex = 0xDEAD_beef
        oct = 0o755
        bin = 0b1101
        [[products]]
        f = [+inf, -nan, 6.626e-34, -0.0, 1e1_0]
        times = [07:32:00.999, 1979-05-27, 1979-05-27 00:32:00Z]
        "quoted key" = { a.b = 1, c = [ { d = 2 } ] }
        """#,
        "a = [\n  1, # one\n  [2, 3],\n  { x = \"y\" },\n]\n[x.y.z]\n[x]\nw = -9223372036854775808\n",
    ]

    /// Parses `text`; when it fails, the error must point inside the document.
    static func parseNeverCrashes(_ text: String) -> Bool {
        let source = SourceText(path: "fuzz.toml", text: text)
        do {
            _ = try TOMLParser.parse(source)
            return true
        } catch {
            #expect(error.position.line >= 1 && error.position.line <= source.lineStarts.count, "\(error)")
            #expect(error.position.column >= 1, "\(error)")
            #expect(!error.message.isEmpty)
            return false
        }
    }

    @Test func seedsAreValid() {
        for seed in Self.seeds {
            #expect(Self.parseNeverCrashes(seed))
        }
    }

    @Test func randomByteStrings() {
        var random = SplitMix64(seed: 0xC0FFEE)
        let significant = Array("[]{}=\"'#,.\n \t\\abefilnrstuxoEZT0123456789_-+:".utf8)
        var accepted = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(120) {
                switch random.below(10) {
                case 0...6: bytes.append(significant[random.below(significant.count)])
                case 7: bytes.append(UInt8(random.below(0x20)))
                default: bytes.append(UInt8(random.below(256)))
                }
            }
            if Self.parseNeverCrashes(String(decoding: bytes, as: UTF8.self)) { accepted += 1 }
        }
        #expect(accepted > 0)
        #expect(accepted < 3000)
    }

    @Test func mutatedValidDocuments() {
        var random = SplitMix64(seed: 0xBADC0DE)
        let significant = Array("[]{}=\"'#,.\n\\\u{0}\u{7F}".utf8)
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = Array(Self.seeds[random.below(Self.seeds.count)].utf8)
            for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                switch random.below(6) {
                case 0: bytes[at] = UInt8(random.below(256))
                case 1: bytes[at] = significant[random.below(significant.count)]
                case 2: bytes.removeSubrange(at...)
                case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
                case 4:
                    let chunk = Array(bytes[at..<min(bytes.count, at + 1 + random.below(40))])
                    bytes.insert(contentsOf: chunk, at: random.below(bytes.count + 1))
                default:
                    bytes.insert(significant[random.below(significant.count)], at: at)
                }
            }
            if Self.parseNeverCrashes(String(decoding: bytes, as: UTF8.self)) { accepted += 1 }
        }
        #expect(accepted > 0)
        #expect(accepted < 3000)
    }

    @Test func pathologicalInputsFailCleanly() {
        let count = 100_000
        let inputs = [
            String(repeating: "[", count: count),
            "a = " + String(repeating: "[", count: count),
            "a = " + String(repeating: "{b=", count: count / 3),
            "a = " + String(repeating: "[{b=", count: count / 4),
            "[" + String(repeating: "a.", count: count) + "a]",
            String(repeating: "a.", count: count) + "a = 1",
            String(repeating: "\"", count: count),
            "a = " + String(repeating: "\"", count: count),
            "a = " + String(repeating: "'", count: count),
            "a = \"\"\"" + String(repeating: "\\", count: count),
            "a = " + String(repeating: "9", count: count),
            "a = 0x" + String(repeating: "F", count: count),
            "a = 1." + String(repeating: "0", count: count) + "e" + String(repeating: "9", count: 50),
            String(repeating: "\u{0}", count: count),
            String(repeating: "#", count: count) + "\u{1}",
        ]
        for input in inputs {
            #expect(!Self.parseNeverCrashes(input))
        }
    }

    @Test func largeValidDocumentsParse() throws {
        var text = ""
        for index in 0..<2000 { text += "[t\(index)]\nk = \(index)\nv = [\"é\", { x = \(index) }]\n" }
        text += "big = [" + (0..<20000).map(String.init).joined(separator: ",") + "]\n"
        let table = try parseTOML(text)
        #expect(table.count == 2000)
        #expect(table.value(at: ["t1999", "k"]) == .integer(1999))
        #expect(table.value(at: ["t1999", "big"])?.arrayValue?.count == 20000)
    }
}
