/// A phrase check shared by the constraint and red-flag rules: phrases that signal a problem, judged
/// in their sentence.
///
/// A match is dropped when
/// - a longer *benign* phrase covers it (`visual studio code` for `visual studio`, `windows line endings`),
/// - a negation stands just before it in the same sentence (`no GUI`, `without network access`),
/// - its sentence lacks every *needed* word, when some are given (`browser` counts only next to `open`,
///   `verify`…), or
/// - its sentence holds an *excusing* word (`mocked`, `headless`, `linux`), or
/// - its field holds a *field-excusing* phrase (`non-interactive` excuses every `interactive prompt` of a
///   task that removes them).
///
/// Everything runs on the field's pre-built tokens, so a check costs one filter probe per token.
struct FlagPhrases: Sendable {
    private let set: PhraseSet
    private let flagged: Int
    private let needs: PhraseSet?
    private let excuses: PhraseSet?
    private let fieldExcuses: PhraseSet?

    /// Creates a check for `phrases`.
    init(
        _ phrases: [String], benign: [String] = [], needs: [String] = [], excuses: [String] = [],
        fieldExcuses: [String] = []
    ) {
        set = PhraseSet(phrases + benign)
        flagged = phrases.count
        self.needs = needs.isEmpty ? nil : PhraseSet(needs)
        self.excuses = excuses.isEmpty ? nil : PhraseSet(excuses)
        self.fieldExcuses = fieldExcuses.isEmpty ? nil : PhraseSet(fieldExcuses)
    }

    /// Every match in `text` that survives the context checks, in order.
    func hits(in text: TokenizedText) -> [PhraseSet.Match] {
        if let fieldExcuses, fieldExcuses.occurs(in: text) { return [] }
        var found: [PhraseSet.Match] = []
        var judged: (sentence: Int, counts: Bool)?
        var index = 0
        while index < text.count {
            guard let hit = set.match(in: text, at: index) else {
                index += 1
                continue
            }
            index = hit.tokens.upperBound
            guard hit.phrase < flagged else { continue }
            if FlagContext.isNegated(hit.tokens, in: text) { continue }
            let sentence = text.sentences[hit.tokens.lowerBound]
            if judged?.sentence != sentence { judged = (sentence, sentenceCounts(hit, in: text)) }
            if judged?.counts == true { found.append(hit) }
        }
        return found
    }

    /// The first surviving match in `text`.
    func firstHit(in text: TokenizedText) -> PhraseSet.Match? {
        hits(in: text).first
    }

    /// True when the sentence of `hit` has a needed word (if any are needed) and no excusing word.
    private func sentenceCounts(_ hit: PhraseSet.Match, in text: TokenizedText) -> Bool {
        guard needs != nil || excuses != nil else { return true }
        let sentence = text.sentence(containing: hit.tokens.lowerBound)
        if let needs, !needs.occurs(in: text, tokens: sentence) { return false }
        if let excuses, excuses.occurs(in: text, tokens: sentence) { return false }
        return true
    }
}

/// Context helpers for phrase-based rules: negation, quoting and the fields a rule reads.
enum FlagContext {
    /// Words that negate what follows them within a few tokens: `no GUI`, `not call the live API`,
    /// `instead of manually verifying`, `replacing the interactive prompt`.
    static let negations = PhraseSet([
        "no", "not", "without", "never", "none", "nor", "neither", "non", "instead", "rather", "avoid", "avoids",
        "avoiding", "cannot", "don", "doesn", "didn", "isn", "aren", "wasn", "won", "shouldn", "mustn", "needn",
        "replace", "replaces", "replacing", "remove", "removes", "removing", "eliminate", "eliminates",
        "eliminating", "drop", "drops", "dropping", "forbid", "forbids", "forbidden", "prohibited",
    ])

    /// Words that end a negation's reach inside a sentence (`no Redis, but the live Stripe API`).
    static let negationStops = PhraseSet(["but", "however", "although", "though", "whereas", "yet", "while"])

    /// How many tokens before a match a negation may stand.
    static let negationReach = 4

    /// True when a negation stands within ``negationReach`` tokens before `tokens`, in the same sentence.
    static func isNegated(_ tokens: Range<Int>, in text: TokenizedText) -> Bool {
        let sentence = text.sentences[tokens.lowerBound]
        var index = tokens.lowerBound - 1
        var seen = 0
        while index >= 0, seen < negationReach, text.sentences[index] == sentence {
            if negationStops.match(in: text, at: index) != nil { return false }
            if negations.match(in: text, at: index) != nil { return true }
            index -= 1
            seen += 1
        }
        return false
    }

    /// The fields a prose rule reads: those of `kinds` and every field with an unknown label (its text is
    /// meant for the builder too).
    static func fields(_ draft: DraftSpec, _ kinds: Set<DraftFieldKind>) -> [DraftField] {
        draft.fields.filter { field in field.kind.map(kinds.contains) ?? true }
    }

    /// The field's name for messages.
    static func name(_ field: DraftField) -> String { field.kind?.title ?? field.label }

    /// The text of `bytes` in the draft, on one line and shortened for a message.
    static func quote(_ draft: DraftSpec, _ bytes: Range<Int>, limit: Int = 60) -> String {
        let text = String(decoding: draft.source.bytes[bytes], as: UTF8.self)
        return Excerpt.short(text.split(whereSeparator: \.isNewline).joined(separator: " "), limit: limit)
    }

    /// The text of tokens `tokens` of `field`, as written.
    static func quote(_ draft: DraftSpec, _ field: DraftField, _ tokens: Range<Int>) -> String {
        quote(draft, field.tokens.byteRange(of: tokens))
    }

    /// The index of the first token of `text` that ends after byte `offset`, if any.
    static func token(atOrAfter offset: Int, in text: TokenizedText) -> Int? {
        var low = 0
        var high = text.count
        while low < high {
            let mid = (low + high) / 2
            if text.ranges[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < text.count ? low : nil
    }

    /// The source range of tokens `tokens` of `field`.
    static func range(_ draft: DraftSpec, _ field: DraftField, _ tokens: Range<Int>) -> SourceRange {
        draft.range(field.tokens.byteRange(of: tokens))
    }
}
