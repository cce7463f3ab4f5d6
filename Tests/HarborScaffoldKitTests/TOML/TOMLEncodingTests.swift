import Testing
@testable import HarborScaffoldKit

@Suite struct TOMLEncodingTests {
    static let hostile: [String] = [
        "", "plain", "with \"quotes\"", "back\\slash", "\\", "\"", "\\\"", "ends with backslash\\",
        "line\nbreak", "crlf\r\nline", "lone\rcr", "tab\there", "nul\u{0}byte", "bell\u{7}", "escape\u{1B}[31m",
        "del\u{7F}", "c1\u{85}\u{9F}", "unit\u{1F}sep", "emoji 😀👩🏽‍💻🇸🇪", "e\u{301} combining", "zero\u{200B}width",
        "\"\"\"", "'''", "\"\"\"\"\"\"", "a = 1\n[table]\n# comment", "\\u0041 not an escape", "\\U0001F600",
        "\u{FEFF}bom inside", "\u{2028}line separator\u{2029}", "#{}[]=,.", "trailing newline\n", "\n\n\n",
        String(repeating: "\\\"", count: 100),
    ]

    @Test func exactEscapes() {
        #expect(TOMLEncoding.basicString("plain") == "\"plain\"")
        #expect(TOMLEncoding.basicString("") == "\"\"")
        #expect(TOMLEncoding.basicString("a\"b\\c") == #""a\"b\\c""#)
        #expect(TOMLEncoding.basicString("1\n2\t3\r4") == #""1\n2\t3\r4""#)
        #expect(TOMLEncoding.basicString("\u{0}\u{8}\u{1F}\u{7F}\u{80}\u{9F}") == #""\u0000\u0008\u001F\u007F\u0080\u009F""#)
        #expect(TOMLEncoding.basicString("é😀\u{A0}") == "\"é😀\u{A0}\"")
        #expect(TOMLEncoding.basicString("\"\"\"") == #""\"\"\"""#)
    }

    @Test func bareKeysStayBareOthersAreQuoted() {
        #expect(TOMLEncoding.bareKeyOrQuoted("build_timeout_sec") == "build_timeout_sec")
        #expect(TOMLEncoding.bareKeyOrQuoted("a-b_C9") == "a-b_C9")
        #expect(TOMLEncoding.bareKeyOrQuoted("") == "\"\"")
        #expect(TOMLEncoding.bareKeyOrQuoted("a.b") == "\"a.b\"")
        #expect(TOMLEncoding.bareKeyOrQuoted("with space") == "\"with space\"")
        #expect(TOMLEncoding.bareKeyOrQuoted("ключ") == "\"ключ\"")
        #expect(TOMLEncoding.bareKeyOrQuoted("q\"") == #""q\"""#)
    }

    @Test(arguments: hostile) func hostileStringsRoundTrip(_ text: String) throws {
        let document = "value = \(TOMLEncoding.basicString(text))\n\(TOMLEncoding.bareKeyOrQuoted(text)) = 1\n"
        let table = try parseTOML(document)
        let value = try #require(table["value"]?.stringValue)
        #expect(Array(value.unicodeScalars) == Array(text.unicodeScalars))
        #expect(table.entry(for: text)?.value == .integer(1))
    }

    @Test func randomStringsRoundTrip() throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        let pools: [ClosedRange<UInt32>] = [0x00...0x1F, 0x20...0x7E, 0x7F...0x9F, 0xA0...0x2FF, 0x300...0x36F,
                                            0x2000...0x206F, 0xE000...0xFFFD, 0x1F300...0x1FAFF, 0x10000...0x10FFFF]
        let special: [Unicode.Scalar] = ["\"", "\\", "'", "\n", "\r", "\t", "u", "U", "#", "="]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<random.below(24) {
                if random.below(3) == 0 {
                    text.unicodeScalars.append(special[random.below(special.count)])
                } else {
                    let pool = pools[random.below(pools.count)]
                    let value = pool.lowerBound + UInt32(random.below(Int(pool.upperBound - pool.lowerBound) + 1))
                    if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
                }
            }
            let table = try parseTOML("k = \(TOMLEncoding.basicString(text))")
            #expect(table["k"]?.stringValue.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        }
    }
}
