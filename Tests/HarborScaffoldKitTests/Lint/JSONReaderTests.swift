import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct JSONReaderTests {
    private func parse(_ text: String) -> Result<JSONValue, JSONSyntaxError> {
        JSONReader.parse(Array(text.utf8))
    }

    /// The error of `text` as `line:column message`.
    private func error(_ text: String) -> String? {
        let source = SourceText(path: "w.json", text: text)
        guard case .failure(let error) = JSONReader.parse(source.bytes) else { return nil }
        let position = source.position(ofByte: error.byteOffset)
        return "\(position.line):\(position.column) \(error.message)"
    }

    @Test func membersKeepTheirKeyAndValuePositions() throws {
        let source = SourceText(path: "w.json", text: "{\n  \"test_a\": 0.25,\n  \"tëst_b\" :-1e-3 }\n")
        let value = try JSONReader.parse(source.bytes).get()
        guard case .object(let members) = value.kind else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["test_a", "tëst_b"])
        #expect(source.range(ofBytes: members[0].keyRange) == SourceRange(start: .init(line: 2, column: 3), end: .init(line: 2, column: 11)))
        #expect(source.range(ofBytes: members[1].value.byteRange).start == SourcePosition(line: 3, column: 13))
        #expect(members[0].value.number == 0.25 && members[1].value.number == -0.001)
        #expect(members[1].value.kind == .number("-1e-3"))
        #expect(source.range(ofBytes: value.byteRange).end == SourcePosition(line: 3, column: 20))
    }

    @Test func everyKindIsRead() throws {
        let value = try parse(#" [true, false, null, "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", 0, -0.5E+2, [], {}] "#).get()
        guard case .array(let elements) = value.kind else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map(\.kindDescription) == ["true", "false", "null", "a string", "a number", "a number", "an array", "an object"])
        #expect(elements[3].kind == .string("a\"\\/\u{08}\u{0C}\n\r\té😀"))
        #expect(elements[5].number == -50)
    }

    @Test func loneSurrogatesBecomeReplacementCharactersAsPythonAcceptsThem() throws {
        #expect(try parse(#""\ud800x""#).get().kind == .string("\u{FFFD}x"))
        #expect(try parse(#""\ud800\u0041""#).get().kind == .string("\u{FFFD}A"))
        #expect(try parse(#""\udc00""#).get().kind == .string("\u{FFFD}"))
    }

    @Test func repeatedKeysAreKeptInOrder() throws {
        guard case .object(let members) = try parse(#"{"a": 1, "a": 2}"#).get().kind else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "a"])
    }

    @Test func errorsNameTheProblemAndItsPosition() {
        #expect(error("") == "1:1 the file is empty; expected a JSON value")
        #expect(error("  \n ") == "1:1 the file is empty; expected a JSON value")
        #expect(error("{\n  \"a\": 1,\n}") == "2:9 trailing comma before '}'")
        #expect(error("[1, 2 ,  ]") == "1:7 trailing comma before ']'")
        #expect(error("{'a': 1}") == "1:2 keys must use double quotes")
        #expect(error("['a']") == "1:2 strings must use double quotes")
        #expect(error("{\"a\" 1}") == "1:6 expected ':' after the key \"a\"")
        #expect(error("{\"a\": 1 \"b\": 2}") == "1:9 expected ',' between object members")
        #expect(error("{\"a\": 1]") == "1:8 unexpected ']'; expected ',' or '}'")
        #expect(error("[1 2]") == "1:4 unexpected '2'; expected ',' or ']'")
        #expect(error("{\"a\": NaN}") == "1:7 NaN and Infinity are not JSON numbers")
        #expect(error("[-Infinity]") == "1:2 NaN and Infinity are not JSON numbers")
        #expect(error("[+1]") == "1:2 numbers cannot start with '+'")
        #expect(error("[.5]") == "1:2 numbers need a digit before '.'")
        #expect(error("[01]") == "1:2 numbers cannot have leading zeros")
        #expect(error("[1.]") == "1:4 expected a digit after '.'")
        #expect(error("[1e]") == "1:4 expected a digit in the exponent")
        #expect(error("[1x]") == "1:3 unexpected 'x' in a number")
        #expect(error("[-]") == "1:2 '-' must be followed by a digit")
        #expect(error("[True]") == "1:2 unexpected 'T'; expected a value")
        #expect(error("[nul]") == "1:2 unexpected 'n'; expected a value (true, false and null are lowercase)")
        #expect(error("[truex]") == "1:6 unexpected 'x' after 'true'")
        #expect(error("{} // weights") == "1:4 unexpected '/' after the JSON value")
        #expect(error("// c\n{}") == "1:1 comments are not allowed in JSON")
        #expect(error("{\"a\": 1}}") == "1:9 unexpected '}' after the JSON value")
        #expect(error("[\"abc]") == "1:2 unterminated string")
        #expect(error("[\"ab\nc\"]") == "1:2 unterminated string (strings cannot span lines)")
        #expect(error("[\"a\tb\"]") == "1:4 control character U+0009 in a string; escape it")
        #expect(error(#"["\x41"]"#) == #"1:3 invalid escape '\x' in a string"#)
        #expect(error(#"["\u12g4"]"#) == #"1:3 '\u' needs four hex digits"#)
        #expect(error(#"["\u12"#) == #"1:3 '\u' needs four hex digits"#)
        #expect(error("{\"a\": 1") == "1:1 unexpected end of the file; the object is not closed")
        #expect(error("[1,") == "1:4 unexpected end of the file; expected a value")
        #expect(error("{\"é\": ü}") == "1:7 unexpected 'ü'; expected a value")
        #expect(error("[\u{7F}]") == "1:2 unexpected control character U+007F; expected a value")
    }

    @Test func nestingIsBoundedWithoutRecursingTooDeep() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep) == "1:257 objects and arrays are nested more than 256 deep")
        let fine = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(error(fine) == nil)
        let objects = String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)
        #expect(error(objects) == "1:1281 objects and arrays are nested more than 256 deep")
    }

    @Test func hugeNumbersParseAsInfinityRatherThanFailing() throws {
        #expect(try parse("1e999").get().number == .infinity)
        #expect(try parse("-0").get().number == 0)
    }
}

@Suite struct JSONReaderFuzzTests {
    /// A random JSON value and its text with random whitespace.
    private static func document(_ random: inout SplitMix64, depth: Int = 0) -> (text: String, value: Any) {
        let space = [" ", "", "\n", "\t", "\r\n", "  "][random.below(6)]
        switch depth > 3 ? random.below(4) : random.below(6) {
        case 0: return ("\(space)null", NSNull())
        case 1:
            let value = random.below(2) == 0
            return ("\(space)\(value)", value)
        case 2:
            let numbers = ["0", "-0", "1", "0.25", "-12.5e3", "1E-7", "123456789", "3.0e+2"]
            let text = numbers[random.below(numbers.count)]
            return ("\(space)\(text)", Double(text) ?? 0)
        case 3:
            let pieces = ["a", "é", "\\n", "\\\"", "\\u00e9", "test_x", " ", "\\ud83d\\ude00", "/", "\\/"]
            let raw = (0..<random.below(4)).map { _ in pieces[random.below(pieces.count)] }.joined()
            return ("\(space)\"\(raw)\"", raw)
        case 4:
            let elements = (0..<random.below(4)).map { _ in document(&random, depth: depth + 1) }
            return ("\(space)[" + elements.map(\.text).joined(separator: ",") + "\(space)]", elements.map(\.value))
        default:
            var members: [(String, Any)] = []
            var texts: [String] = []
            for index in 0..<random.below(4) {
                let element = document(&random, depth: depth + 1)
                members.append(("k\(index)", element.value))
                texts.append("\(space)\"k\(index)\"\(space):\(element.text)")
            }
            return ("\(space){" + texts.joined(separator: ",") + "\(space)}", members)
        }
    }

    /// True when `value` equals what Foundation read from the same text (numbers by value).
    private static func same(_ value: JSONValue, _ foundation: Any) -> Bool {
        switch value.kind {
        case .null: return foundation is NSNull
        case .bool(let flag): return (foundation as? Bool) == flag || (foundation as? NSNumber)?.boolValue == flag
        case .number: return (foundation as? NSNumber)?.doubleValue == value.number
        case .string(let text): return (foundation as? String) == text
        case .array(let elements):
            guard let array = foundation as? [Any], array.count == elements.count else { return false }
            return zip(elements, array).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let object = foundation as? [String: Any], object.count == members.count else { return false }
            return members.allSatisfy { member in object[member.key].map { same(member.value, $0) } ?? false }
        }
    }

    @Test func generatedDocumentsReadLikeFoundationReadsThem() throws {
        var random = SplitMix64(seed: 0x150E_0001)
        for _ in 0..<1500 {
            let text = Self.document(&random).text
            let bytes = Array(text.utf8)
            let ours = JSONReader.parse(bytes)
            let theirs = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            guard case .success(let value) = ours else {
                Issue.record("rejected valid JSON: \(String(reflecting: text))")
                continue
            }
            #expect(Self.same(value, theirs), "\(String(reflecting: text))")
            #expect(value.byteRange.upperBound <= bytes.count)
        }
    }

    private static func hasInfiniteNumber(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .number: return value.number?.isFinite == false
        case .array(let elements): return elements.contains(where: hasInfiniteNumber)
        case .object(let members): return members.contains { hasInfiniteNumber($0.value) }
        default: return false
        }
    }

    /// Bytes that matter to the reader, drawn more often than random ones.
    private static let alphabet = Array("{}[]:,\"\\ntrufalse0123456789.-+eE u/\n\t'#".utf8) + [0x00, 0x1F, 0xC3, 0xA9, 0xFF]

    @Test func mutatedDocumentsNeverCrashAndAgreeWithFoundationOnValidity() {
        var random = SplitMix64(seed: 0x150E_0002)
        var disagreements: [String] = []
        var compared = 0
        for _ in 0..<4000 {
            var bytes = Array(Self.document(&random).text.utf8)
            for _ in 0...random.below(3) {
                let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
                let byte = random.below(6) == 0 ? UInt8(truncatingIfNeeded: random.next()) : Self.alphabet[random.below(Self.alphabet.count)]
                switch random.below(3) {
                case 0: bytes.insert(byte, at: position)
                case 1 where position < bytes.count: bytes.remove(at: position)
                default: if position < bytes.count { bytes[position] = byte } else { bytes.append(byte) }
                }
            }
            let ours = JSONReader.parse(bytes)
            if case .failure(let error) = ours, error.byteOffset > bytes.count { disagreements.append("offset \(error.byteOffset)") }
            // Foundation checks UTF-8 and reads lone surrogates differently; compare the rest.
            guard String(validating: bytes, as: UTF8.self) != nil,
                ByteSearch.firstIndex(of: Array("\\u".utf8), in: bytes, from: 0) == nil
            else { continue }
            compared += 1
            // Foundation rejects numbers beyond Double's range, which Python (and this reader) accept.
            if let value = try? ours.get(), Self.hasInfiniteNumber(value) { continue }
            let theirs = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            let accepted = (try? ours.get()) != nil
            if accepted != theirs { disagreements.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { String(reflecting: $0) })")
        #expect(compared > 2000, "too few inputs compared with Foundation: \(compared)")
    }
}
