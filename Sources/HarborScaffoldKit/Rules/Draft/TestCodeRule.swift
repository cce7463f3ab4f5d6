/// D503: the draft writes out test functions or assertions.
struct TestCodeRule: DraftRule {
    static let description = RuleDescription(
        id: "D503", name: "test-code", title: "Draft contains test code", severity: .error,
        rationale: """
            The pipeline's "Important Reminders": "No Implementation Details: Don't write actual code, \
            Dockerfiles, or test functions". Testing describes what Python tests verify ("Outcome-Focused"); \
            the builder writes tests.py.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Tests like this one verify the limits:\ndef test_tenant_limit(client):\n    assert client.get(\"/v1/usage\").status_code == 429",
            ]),
            DraftExample.with([.testing: "Tests send bursts of requests; assert resp.status_code == 429 for the 101st."]),
            DraftExample.with([
                .testing: "Use @pytest.mark.parametrize over the tenants and check that requests beyond the limit return 429.",
            ]),
            DraftExample.with([.testing: "describe('limits', () => { it('returns 429', () => expect(res.status).toBe(429)) })"]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .testing: "Tests assert that requests beyond the tenant's limit return 429, describe (in the failure message) which tenant exceeded it, and test the reset after the window.",
            ]),
            DraftExample.with([
                .instructions: "Write a pytest suite under tests/ with fixtures for two tenants, covering limits per tenant; it must import nothing from the gateway's private modules.",
            ]),
        ])

    private static let patterns: [(literal: [UInt8], check: Check)] = ([
        ("def test", .pythonTest), ("func Test", .goTest), ("assert", .assertion), ("import pytest", .lineStart),
        ("import unittest", .lineStart), ("from unittest", .lineStart), ("from pytest", .lineStart),
        ("@pytest.", .anywhere), ("expect(", .expectation), ("describe(", .quotedCall), ("it(", .quotedCall),
        ("test(", .quotedCall), ("*testing.T", .anywhere), ("t.Errorf(", .wordStart), ("t.Fatalf(", .wordStart),
        ("t.Fatal(", .wordStart), ("t.Error(", .wordStart),
    ] as [(String, Check)]).map { (Array($0.0.utf8), $0.1) }

    /// What must hold around a pattern's literal for it to count.
    private enum Check {
        /// Nothing: the literal is code by itself.
        case anywhere
        /// No word character just before.
        case wordStart
        /// At the start of the line's content, as imports are.
        case lineStart
        /// `def test…(`.
        case pythonTest
        /// `func Test…(`.
        case goTest
        /// `assert…(` or `assert x == y`.
        case assertion
        /// `expect(…).to…`.
        case expectation
        /// `describe('…'`: a quote right after the parenthesis.
        case quotedCall
    }

    /// Reports the first test-code line of each field, counting the others. Patterns are tried at token
    /// starts only (and just before, for `@pytest.` and `*testing.T`), so a field costs one table read per word.
    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let bytes = draft.source.bytes
        let table = Self.literals
        for field in draft.fields {
            var found: [(line: Range<Int>, at: Int)] = []
            for token in field.tokens.ranges {
                var at = token.lowerBound
                if at > 0, bytes[at - 1] == UInt8(ascii: "@") || bytes[at - 1] == UInt8(ascii: "*") { at -= 1 }
                guard table.starts(with: bytes[at]), let line = Self.line(containing: at, in: field),
                    found.last?.line != line, !draft.codeFences.contains(where: { $0.contains(line.lowerBound) }),
                    let candidate = table.match(at: at, in: bytes, limit: line.upperBound),
                    Self.holds(Self.patterns[candidate].check, Self.patterns[candidate].literal, at: at, bytes, line)
                else { continue }
                found.append((line, at))
            }
            guard let first = found.first else { continue }
            let more = found.count > 1 ? " (and \(found.count - 1) more line\(found.count == 2 ? "" : "s"))" : ""
            sink.report(
                "\(FlagContext.name(field)) writes out test code '\(FlagContext.quote(draft, first.at..<first.line.upperBound, limit: 40))'\(more); describe what the tests verify instead",
                at: draft.range(first.at..<first.line.upperBound),
                hint: "state the observable outcomes (status codes, outputs, files) that Python tests will check")
        }
    }

    /// The value line of `field` holding byte `offset`.
    private static func line(containing offset: Int, in field: DraftField) -> Range<Int>? {
        var low = 0
        var high = field.valueLines.count
        while low < high {
            let mid = (low + high) / 2
            if field.valueLines[mid].upperBound < offset { low = mid + 1 } else { high = mid }
        }
        guard low < field.valueLines.count, field.valueLines[low].contains(offset) else { return nil }
        return field.valueLines[low]
    }

    private static let literals = LiteralTable(patterns.map(\.literal))

    /// The byte where the first test-code pattern of `line` starts (for callers that judge single lines).
    /// Patterns that start with a letter are tried only at word starts.
    static func firstMatch(_ bytes: [UInt8], _ line: Range<Int>) -> Int? {
        let table = literals
        var previousIsWord = false
        for index in line {
            let byte = bytes[index]
            let isWord = TokenizedText.isWordByte(byte)
            defer { previousIsWord = isWord }
            guard table.starts(with: byte), !(isWord && previousIsWord) else { continue }
            if let candidate = table.match(at: index, in: bytes, limit: line.upperBound),
                holds(patterns[candidate].check, patterns[candidate].literal, at: index, bytes, line)
            {
                return index
            }
        }
        return nil
    }

    private static func holds(_ check: Check, _ literal: [UInt8], at index: Int, _ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        let after = index + literal.count
        let wordStart = LineScan.startsWord(bytes, at: index, from: line.lowerBound)
        switch check {
        case .anywhere:
            return true
        case .wordStart:
            return wordStart
        case .lineStart:
            return index == LineScan.contentStart(bytes, line)
        case .pythonTest, .goTest:
            var cursor = after
            while cursor < line.upperBound, TokenizedText.isWordByte(bytes[cursor]) { cursor += 1 }
            return wordStart && cursor < line.upperBound && bytes[cursor] == UInt8(ascii: "(")
        case .assertion:
            guard wordStart || bytes[index - 1] == UInt8(ascii: ".") else { return false }
            var cursor = after
            while cursor < line.upperBound, TokenizedText.isWordByte(bytes[cursor]) { cursor += 1 }
            if cursor < line.upperBound, bytes[cursor] == UInt8(ascii: "(") { return true }
            guard cursor == after, cursor < line.upperBound, bytes[cursor] == 0x20 else { return false }
            let subject = cursor + 1
            let subjectEnd = LineScan.wordEnd(bytes, from: subject, limit: line.upperBound)
            guard subjectEnd > subject, !proseSubjects.contains(String(decoding: bytes[subject..<subjectEnd], as: UTF8.self))
            else { return false }
            if bytes[subject..<subjectEnd].contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }),
                bytes[subjectEnd - 1] != UInt8(ascii: ".")
            {
                return true
            }
            let reach = subject..<min(line.upperBound, subjectEnd + 40)
            return comparisons.contains { LineScan.find($0, in: bytes, reach) != nil }
        case .expectation:
            return wordStart && LineScan.find(matcherCall, in: bytes, after..<line.upperBound) != nil
        case .quotedCall:
            guard wordStart, after < line.upperBound else { return false }
            let next = bytes[after]
            return next == UInt8(ascii: "'") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "`")
        }
    }

    /// Words that start prose after `assert` (`tests assert that…`).
    private static let proseSubjects: Set<String> = [
        "that", "the", "a", "an", "each", "every", "all", "no", "it", "they", "both", "whether", "its", "their",
    ]

    private static let matcherCall = Array(").to".utf8)

    private static let comparisons = ["==", "!=", ">=", "<=", " is None", " is not "].map { Array($0.utf8) }
}
