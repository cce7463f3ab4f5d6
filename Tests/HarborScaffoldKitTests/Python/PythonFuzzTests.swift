import Testing
@testable import HarborScaffoldKit

@Suite struct PythonFuzzTests {
    /// Bytes that matter to the tokenizer, drawn more often than random ones.
    private static let alphabet = Array("()[]{}:;,.'\"\\#\n\n\n    \t\u{0C}=+-*/%@!<>&|^~`$?0123456789_abcdefrbuxjFRBUXJ".utf8)
        + Array("def class if else elif for while try except finally with lambda match case async await return pass ".utf8)
        + [0x00, 0xC3, 0xA9, 0xE2, 0x80, 0x9C, 0xFF]

    /// What must hold for any input: the stream ends with one end marker, INDENT/DEDENT balance,
    /// tokens and issues stay within the text, and the module's facts point into it. Returns a
    /// description of the first violation (checked with one `#expect` per input, which keeps
    /// thousands of inputs fast).
    private func violation(_ text: String) -> String? {
        let source = SourceText(path: "fuzz.py", text: text)
        let module = PythonModule.parse(source)
        let tokens = module.tokens.tokens
        guard tokens.last?.kind == .endMarker, tokens.filter({ $0.kind == .endMarker }).count == 1 else {
            return "end marker"
        }
        guard tokens.filter({ $0.kind == .indent }).count == tokens.filter({ $0.kind == .dedent }).count else {
            return "unbalanced INDENT/DEDENT"
        }
        var previousEnd = 0
        for token in tokens {
            guard token.byteRange.lowerBound >= previousEnd, token.byteRange.upperBound <= source.bytes.count else {
                return "token \(token) out of order"
            }
            previousEnd = token.byteRange.upperBound
        }
        if module.syntaxIssues.contains(where: { $0.byteRange.upperBound > source.bytes.count }) { return "issue range" }
        let lastLine = source.lineCount + 1
        for function in module.functions
        where function.range.start.line < 1 || function.range.end.line > lastLine || function.range.end < function.range.start {
            return "function range \(function.range)"
        }
        for call in module.allBodies.flatMap(\.calls) where call.range.end < call.range.start || call.range.end.line > lastLine {
            return "call range \(call.range)"
        }
        return nil
    }

    private func checkInvariants(_ text: String) {
        let problem = violation(text)
        #expect(problem == nil, "\(String(reflecting: text))")
    }

    @Test func randomBytesNeverBreakTheReader() {
        var random = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<3000 {
            let length = random.below(120)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            for _ in 0..<length {
                if random.below(8) == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: random.next()))
                } else {
                    bytes.append(PythonFuzzTests.alphabet[random.below(PythonFuzzTests.alphabet.count)])
                }
            }
            checkInvariants(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func mutationsOfValidFilesNeverBreakTheReader() {
        var random = SplitMix64(seed: 0x5EED_0002)
        let seeds = ValidPythonSnippet.all.map { Array($0.source.utf8) } + [Array(PythonModuleTests.apiTests.utf8)]
        let fragments = ["\"", "'''", "f\"{", "}", "(", ")", "]", "\n    ", "\n", "\t", "\\", ":", "def ", "class ",
                         "else:", "@", "#", "async ", "\u{0}", "é", "lambda:", "match x:\n", "    case 1:", "try:\n"]
            .map { Array($0.utf8) }
        for round in 0..<3000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + random.below(4)) {
                let position = random.below(bytes.count + 1)
                switch random.below(5) {
                case 0:  // delete a span
                    let end = min(bytes.count, position + 1 + random.below(8))
                    if position < end { bytes.removeSubrange(position..<end) }
                case 1:  // insert a syntax fragment
                    bytes.insert(contentsOf: fragments[random.below(fragments.count)], at: position)
                case 2:  // duplicate a span
                    let end = min(bytes.count, position + random.below(40))
                    bytes.insert(contentsOf: Array(bytes[position..<end]), at: position)
                case 3:  // overwrite a byte
                    if position < bytes.count { bytes[position] = PythonFuzzTests.alphabet[random.below(PythonFuzzTests.alphabet.count)] }
                default:  // truncate
                    bytes.removeSubrange(position..<bytes.count)
                }
            }
            checkInvariants(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func pathologicalNestingIsBounded() {
        let deepBrackets = String(repeating: "(", count: 3_000) + String(repeating: ")", count: 3_000)
        let unclosed = "x = " + String(repeating: "[{(", count: 2_000)
        var deepBlocks = ""
        for level in 0..<300 { deepBlocks += String(repeating: " ", count: level) + "if x:\n" }
        deepBlocks += String(repeating: " ", count: 300) + "pass\n"
        var deepFString = "x"
        for _ in 0..<300 { deepFString = "f\"{" + deepFString + "}\"" }
        let longLine = "x = " + String(repeating: "a + ", count: 8_000) + "1\n"
        let manyStrings = String(repeating: "'a' ", count: 3_000)
        let deepLambdas = "f = " + String(repeating: "lambda: ", count: 2_000) + "0\n"
        let nestedCalls = "x = " + String(repeating: "f(", count: 1_000) + String(repeating: ")", count: 1_000) + "\n"
        let longNonASCIILine = "é = " + String(repeating: "a + ", count: 8_000) + "1\n"
        for text in [deepBrackets, unclosed, deepBlocks, deepFString, longLine, manyStrings, deepLambdas, nestedCalls,
                     longNonASCIILine] {
            checkInvariants(text)
        }
        #expect(PythonTestSupport.module(deepBrackets).syntaxIssues.map(\.kind).contains(.tooDeeplyNested))
        #expect(PythonTestSupport.module(deepBlocks).syntaxIssues.map(\.kind).contains(.tooDeeplyNested))
        #expect(PythonTestSupport.module(deepFString).syntaxIssues.map(\.kind).contains(.invalidFString))
    }
}
