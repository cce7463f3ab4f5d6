/// One thing a draft's Testing field says the Python tests check, e.g. "requests beyond the
/// tenant's limit return status 429 with a Retry-After header".
public struct TestingAspect: Sendable, Equatable {
    /// The aspect as written, whitespace collapsed, with lead-ins such as "Tests will verify that",
    /// list markers and joining words ("and", "that") removed.
    public let text: String
    /// Where the aspect is in the draft's normalised bytes (``SourceText/bytes``).
    public let bytes: Range<Int>
    /// The kinds of observable result the aspect names, in this fixed order: "status code", "response
    /// body", "header", "file", "output", "exit code", "database state", "metric", "log", "error",
    /// "return value", "message", "stored state", "process state", "test result", "expected value"
    /// (a comparison such as "identical to golden files"). Empty when it names none.
    public let outcomes: [String]
    /// True when the aspect names at least one observable result a Python test can check.
    public let isCheckable: Bool

    /// Creates an aspect.
    public init(text: String, bytes: Range<Int>, outcomes: [String], isCheckable: Bool) {
        self.text = text
        self.bytes = bytes
        self.outcomes = outcomes
        self.isCheckable = isCheckable
    }
}

/// Splits a draft's Testing field into the separate things the tests check.
///
/// Each list item (`-`, `*`, `+`, `1.`, `1)`, `(a)`) is one aspect. Other text is split into
/// sentences, and each sentence at top-level commas and semicolons and at "and" where both sides are
/// clauses of at least three words (the right side opening like a clause: "the …", "that …",
/// "returns …", "verify …"). Lead-ins such as "Tests will verify that" are removed; a setup clause
/// that only leads into a check ("Tests send bursts of requests and verify that …") and a sentence
/// ending in `:` that introduces a list are context, not aspects. Fragments under three words are
/// dropped.
public enum TestingAspects {
    /// The aspects of `draft`'s Testing field, in document order; empty when there is no Testing field.
    public static func extract(from draft: DraftSpec) -> [TestingAspect] {
        guard let field = draft.field(.testing) else { return [] }
        let bytes = draft.source.bytes
        return segments(of: field, bytes: bytes).map { aspect(of: $0, tokens: field.tokens, bytes: bytes) }
    }

    /// An aspect as a token range of the field, before any text is built.
    struct Segment: Sendable {
        /// The aspect's tokens in the field's ``DraftField/tokens``.
        let tokens: Range<Int>
        /// The outcome kinds the tokens name.
        let kinds: OutcomeKinds
        /// True when the text presents it as a check: a list item, or introduced by a verification
        /// verb ("verify that …", and the clauses enumerated after it).
        let isCheck: Bool
    }

    /// The aspects of `field` as token ranges; allocation-light, for rules.
    static func segments(of field: DraftField, bytes: [UInt8]) -> [Segment] {
        let tokens = field.tokens
        guard tokens.count > 0 else { return [] }
        let blocks = blocks(of: field, bytes: bytes)
        let hasItems = blocks.contains { $0.isItem }
        var found: [Segment] = []
        var cursor = 0
        for block in blocks {
            while cursor < tokens.count, tokens.ranges[cursor].lowerBound < block.content.lowerBound { cursor += 1 }
            let start = cursor
            while cursor < tokens.count, tokens.ranges[cursor].lowerBound < block.content.upperBound { cursor += 1 }
            guard start < cursor else { continue }
            if block.isItem {
                append(core(start..<cursor, tokens, bytes).range, to: &found, tokens, bytes, isCheck: true)
            } else {
                let introducesList = hasItems && bytes[block.content.upperBound - 1] == UInt8(ascii: ":")
                splitParagraph(start..<cursor, dropLastSentence: introducesList, into: &found, tokens, bytes)
            }
        }
        return found
    }

    // MARK: - Blocks

    private struct Block {
        var content: Range<Int>
        let isItem: Bool
    }

    /// The field's lines grouped into list items (marker removed) and paragraphs.
    private static func blocks(of field: DraftField, bytes: [UInt8]) -> [Block] {
        var blocks: [Block] = []
        var afterBlank = true
        for line in field.valueLines {
            if line.isEmpty {
                afterBlank = true
                continue
            }
            if let content = itemContent(of: line, bytes) {
                if !content.isEmpty { blocks.append(Block(content: content, isItem: true)) }
            } else if let last = blocks.last, !afterBlank || (last.isItem && isIndented(line, bytes)) {
                blocks[blocks.count - 1].content = last.content.lowerBound..<line.upperBound
            } else {
                blocks.append(Block(content: line, isItem: false))
            }
            afterBlank = false
        }
        return blocks
    }

    private static func isIndented(_ line: Range<Int>, _ bytes: [UInt8]) -> Bool {
        line.lowerBound > 0 && (bytes[line.lowerBound - 1] == 0x20 || bytes[line.lowerBound - 1] == 0x09)
    }

    /// The text after a list marker (`- `, `* `, `+ `, `• `, `1. `, `1) `, `(1) `, `a) `), or `nil`.
    private static func itemContent(of line: Range<Int>, _ bytes: [UInt8]) -> Range<Int>? {
        let start = line.lowerBound
        let end = line.upperBound
        func afterSpaces(_ index: Int) -> Range<Int>? {
            guard index < end, bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
            var cursor = index
            while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            return cursor..<end
        }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return afterSpaces(start + 1)
        }
        if first == 0xE2, start + 2 < end, bytes[start + 1] == 0x80, bytes[start + 2] == 0xA2 {
            return afterSpaces(start + 3)
        }
        var cursor = first == UInt8(ascii: "(") ? start + 1 : start
        let labelStart = cursor
        while cursor < end, cursor - labelStart < 3, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        if cursor == labelStart, cursor < end, bytes[cursor] >= 0x61, bytes[cursor] <= 0x7A { cursor += 1 }
        guard cursor > labelStart, cursor < end else { return nil }
        let isDigit = bytes[labelStart] <= 0x39
        if bytes[cursor] == UInt8(ascii: ")") || (isDigit && first != UInt8(ascii: "(") && bytes[cursor] == UInt8(ascii: ".")) {
            return afterSpaces(cursor + 1)
        }
        return nil
    }

    // MARK: - Sentences and clauses

    private struct Cut {
        /// Tokens the cut removes (an "and"), or an empty range before the token a comma precedes.
        let tokens: Range<Int>
        /// A sentence end: always kept.
        let isSentenceEnd: Bool
        let isAnd: Bool
    }

    private static let andWord = PhraseSet(["and"])
    /// Words a clause must not end with once cut from its sentence.
    private static let trailingJoiners = PhraseSet(["and", "or", "then", "also"])
    private static let abbreviations = PhraseSet(["e", "g", "eg", "ie", "etc", "vs", "approx", "incl", "cf"])

    private static func splitParagraph(
        _ range: Range<Int>, dropLastSentence: Bool, into found: inout [Segment], _ tokens: TokenizedText,
        _ bytes: [UInt8]
    ) {
        var cuts: [Cut] = []
        var depth = 0
        // A sentence that numbers its checks inline — "(1) …, (2) … and (3) …" — is split at its labels only.
        var labelsPerSentence: [Int: [Int]] = [:]
        for index in range where isListLabel(index, in: range, tokens, bytes) {
            labelsPerSentence[tokens.sentences[index], default: []].append(index)
        }
        let labelled = labelsPerSentence.filter { $0.value.count >= 2 }
        for index in (range.lowerBound + 1)..<max(range.lowerBound + 1, range.upperBound) {
            if let labels = labelled[tokens.sentences[index]], tokens.sentences[index] == tokens.sentences[index - 1] {
                if labels.contains(index), labels.first != index {
                    cuts.append(Cut(tokens: index..<index, isSentenceEnd: false, isAnd: false))
                }
                continue
            }
            let gap = tokens.gap(before: index)
            var comma = false
            for byte in bytes[gap] {
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                case UInt8(ascii: ","), UInt8(ascii: ";"): if depth == 0 { comma = true }
                default: break
                }
            }
            if tokens.sentences[index] != tokens.sentences[index - 1], !tokens.startsPhrase(abbreviations, at: index - 1) {
                depth = 0
                cuts.append(Cut(tokens: index..<index, isSentenceEnd: true, isAnd: false))
                continue
            }
            // "10, 50 and 200", "2,000": a list of values or a number, not a list of clauses.
            if comma, !(tokens.isNumeric[index - 1] && tokens.isNumeric[index] && !isListLabel(index, in: range, tokens, bytes)) {
                cuts.append(Cut(tokens: index..<index, isSentenceEnd: false, isAnd: false))
            } else if depth == 0, tokens.startsPhrase(andWord, at: index) {
                cuts.append(Cut(tokens: index..<(index + 1), isSentenceEnd: false, isAnd: true))
            }
        }

        var pieces: [(range: Range<Int>, sentence: Int, led: Bool)] = []
        var start = range.lowerBound
        var sentence = 0
        for (position, cut) in cuts.enumerated() {
            guard start <= cut.tokens.lowerBound else { continue }
            let left = start..<cut.tokens.lowerBound
            if cut.isSentenceEnd {
                pieces.append((left, sentence, core(left, tokens, bytes).led))
                sentence += 1
                start = cut.tokens.upperBound
                continue
            }
            // The right side runs to the next comma or sentence end: "and" only splits within that.
            let next = cuts[(position + 1)...].first { !$0.isAnd }?.tokens.lowerBound ?? range.upperBound
            guard next >= cut.tokens.upperBound else { continue }
            let right = cut.tokens.upperBound..<next
            let leftCore = core(left, tokens, bytes)
            let rightCore = core(right, tokens, bytes)
            guard tokens.wordCount(leftCore.range, in: bytes) >= 3, tokens.wordCount(rightCore.range, in: bytes) >= 3
            else { continue }
            if cut.isAnd, !rightCore.led, !opensClause(right, tokens, bytes) { continue }
            pieces.append((left, sentence, leftCore.led))
            start = cut.tokens.upperBound
        }
        pieces.append((start..<range.upperBound, sentence, core(start..<range.upperBound, tokens, bytes).led))

        var checkingSentence = -1
        for (position, piece) in pieces.enumerated() {
            if piece.led { checkingSentence = piece.sentence }
            if dropLastSentence, piece.sentence == sentence { continue }
            let followedByCheck = position + 1 < pieces.count && pieces[position + 1].sentence == piece.sentence
                && pieces[position + 1].led
            let isSetup = followedByCheck && !piece.led
            append(
                core(piece.range, tokens, bytes).range, to: &found, tokens, bytes,
                isCheck: checkingSentence == piece.sentence, dropIfUncheckable: isSetup)
        }
    }

    private static func append(
        _ range: Range<Int>, to found: inout [Segment], _ tokens: TokenizedText, _ bytes: [UInt8], isCheck: Bool,
        dropIfUncheckable: Bool = false
    ) {
        var range = range
        while range.count > 1, tokens.startsPhrase(trailingJoiners, at: range.upperBound - 1) { range = range.lowerBound..<(range.upperBound - 1) }
        guard tokens.wordCount(range, in: bytes) >= 3 else { return }
        let kinds = ObservableOutcomes.kinds(in: tokens, range, bytes: bytes)
        if dropIfUncheckable, kinds.isEmpty { return }
        found.append(Segment(tokens: range, kinds: kinds, isCheck: isCheck))
    }

    // MARK: - Lead-ins

    private static let connectors = PhraseSet([
        "and", "or", "but", "then", "also", "while", "whereas", "plus", "finally", "lastly", "additionally", "next",
        "that", "whether", "in addition", "furthermore", "moreover", "as well as",
    ])
    /// "First, …": stripped only when a comma follows.
    private static let ordinals = PhraseSet(["first", "firstly", "second", "secondly", "third", "thirdly", "fourth"])
    private static let leadWords = PhraseSet([
        "the", "hidden", "python", "pytest", "automated", "unit", "integration", "final", "our", "these", "a", "an",
        "test", "tests", "suite", "suites", "case", "cases", "verifier", "grader", "harness", "script", "scripts",
        "they", "it", "each", "every", "separate", "weighted", "another", "end to end", "e2e", "functional", "api",
        "http", "one", "two", "three", "will", "should", "must", "shall", "can", "could", "would", "may", "also",
        "then", "additionally", "further", "separately", "finally", "independently", "all", "both",
    ])
    /// Verbs that introduce what is checked ("verify that …").
    static let verificationVerbs = PhraseSet([
        "verify", "verifies", "verifying", "check", "checks", "checking", "confirm", "confirms", "confirming",
        "assert", "asserts", "asserting", "ensure", "ensures", "ensuring", "validate", "validates", "validating",
        "make sure", "makes sure", "expect", "expects",
    ])
    private static let complementizers = PhraseSet([
        "that", "whether", "if", "to see that", "to see whether", "to see if",
    ])
    private static let clauseStarters = PhraseSet([
        "the", "a", "an", "every", "each", "all", "no", "none", "its", "their", "his", "her", "our", "it", "they",
        "this", "these", "those", "that", "there", "any", "both", "either", "neither", "some", "whose", "then",
        "returns", "writes", "prints", "outputs", "exits", "produces", "responds", "raises", "records", "logs",
        "emits", "sends", "stores", "creates", "reports", "lists", "shows", "includes", "contains", "rejects",
        "leaves", "keeps", "remains", "appears", "exposes", "restores", "persists",
    ])

    /// `range` without leading joining words, list labels and a lead-in such as "Tests will verify
    /// that"; `led` is true when a verification verb was removed.
    static func core(_ range: Range<Int>, _ tokens: TokenizedText, _ bytes: [UInt8]) -> (range: Range<Int>, led: Bool) {
        var cursor = range.lowerBound
        var led = false
        for _ in 0..<4 {
            let before = cursor
            cursor = skipJoiners(from: cursor, in: range, tokens, bytes)
            if let after = skipLeadIn(from: cursor, in: range, tokens) {
                cursor = after
                led = true
            }
            if cursor == before { break }
        }
        return (cursor..<range.upperBound, led)
    }

    private static func skipJoiners(from start: Int, in range: Range<Int>, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Int {
        var cursor = start
        while cursor < range.upperBound {
            if let hit = connectors.match(in: tokens, at: cursor), hit.tokens.upperBound <= range.upperBound {
                cursor = hit.tokens.upperBound
            } else if tokens.startsPhrase(ordinals, at: cursor), cursor + 1 < range.upperBound,
                tokens.gap(before: cursor + 1, contains: UInt8(ascii: ","), in: bytes)
            {
                cursor += 1
            } else if isListLabel(cursor, in: range, tokens, bytes) {
                cursor += 1
            } else {
                break
            }
        }
        return cursor
    }

    /// "(1)", "2.", "b)", "(iii)" written inline.
    private static func isListLabel(_ index: Int, in range: Range<Int>, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let token = tokens.ranges[index]
        let after = bytes[tokens.gap(before: index + 1)]
        guard let mark = after.first else { return false }
        if let number = tokens.leadingNumber(index, in: bytes), number.suffix.isEmpty, token.count <= 2 {
            return mark == UInt8(ascii: ")") || (mark == UInt8(ascii: ".") && after.count > 1)
        }
        let isLetter = token.count == 1 && (0x61...0x68).contains(bytes[token.lowerBound] | 0x20)
        let isRoman = token.count <= 3
            && bytes[token].allSatisfy { $0 | 0x20 == UInt8(ascii: "i") || $0 | 0x20 == UInt8(ascii: "v") }
        guard isLetter || isRoman, mark == UInt8(ascii: ")") else { return false }
        return index == range.lowerBound || tokens.gap(before: index, contains: UInt8(ascii: "("), in: bytes)
    }

    /// The index after "Tests will verify that" starting at `start`, or `nil` when there is no
    /// verification verb after at most eight subject and modal words.
    private static func skipLeadIn(from start: Int, in range: Range<Int>, _ tokens: TokenizedText) -> Int? {
        var cursor = start
        var words = 0
        while cursor < range.upperBound, words < 8, !tokens.startsPhrase(verificationVerbs, at: cursor),
            let hit = leadWords.match(in: tokens, at: cursor), hit.tokens.upperBound <= range.upperBound
        {
            cursor = hit.tokens.upperBound
            words += 1
        }
        guard cursor < range.upperBound, let verb = verificationVerbs.match(in: tokens, at: cursor),
            verb.tokens.upperBound <= range.upperBound
        else { return nil }
        cursor = verb.tokens.upperBound
        if cursor < range.upperBound, let that = complementizers.match(in: tokens, at: cursor),
            that.tokens.upperBound <= range.upperBound
        {
            cursor = that.tokens.upperBound
        }
        return cursor
    }

    /// True when `range` opens like a clause of its own rather than the second half of a noun phrase.
    private static func opensClause(_ range: Range<Int>, _ tokens: TokenizedText, _ bytes: [UInt8]) -> Bool {
        var cursor = range.lowerBound
        while cursor < range.upperBound, isListLabel(cursor, in: range, tokens, bytes) { cursor += 1 }
        return cursor < range.upperBound && tokens.startsPhrase(clauseStarters, at: cursor)
    }

    // MARK: - Text

    private static func aspect(of segment: Segment, tokens: TokenizedText, bytes: [UInt8]) -> TestingAspect {
        var start = tokens.ranges[segment.tokens.lowerBound].lowerBound
        var end = tokens.ranges[segment.tokens.upperBound - 1].upperBound
        while start > 0, [UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "$"),
            UInt8(ascii: "#"), UInt8(ascii: "-")].contains(bytes[start - 1])
        {
            start -= 1
        }
        while end < bytes.count {
            let byte = bytes[end]
            let inside = bytes[start..<end]
            let keep: Bool
            switch byte {
            case UInt8(ascii: ")"):
                keep = inside.count(where: { $0 == UInt8(ascii: "(") }) > inside.count(where: { $0 == byte })
            case UInt8(ascii: "]"):
                keep = inside.count(where: { $0 == UInt8(ascii: "[") }) > inside.count(where: { $0 == byte })
            case UInt8(ascii: "`"), UInt8(ascii: "\""):
                keep = inside.count(where: { $0 == byte }) % 2 == 1
            case UInt8(ascii: "%"), UInt8(ascii: "/"):
                keep = true
            default:
                keep = false
            }
            guard keep else { break }
            end += 1
        }
        var text: [UInt8] = []
        text.reserveCapacity(end - start)
        var pendingSpace = false
        for byte in bytes[start..<end] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                pendingSpace = true
                continue
            }
            if pendingSpace { text.append(0x20) }
            pendingSpace = false
            text.append(byte)
        }
        return TestingAspect(
            text: String(decoding: text, as: UTF8.self), bytes: start..<end, outcomes: segment.kinds.names,
            isCheckable: !segment.kinds.isEmpty)
    }
}
