/// D103: a field is given twice with the same value.
struct DuplicateFieldRule: DraftRule {
    static let description = RuleDescription(
        id: "D103", name: "duplicate-field", title: "A draft field is repeated with the same value", severity: .warning,
        rationale: "Each field appears once in the pipeline's \"Draft Format\"; a repeat is noise a builder must read twice.",
        triggering: [DraftExample.without([], adding: "Language: python")],
        nonTriggering: [DraftExample.base, DraftExample.without([], adding: "Language: go")])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for (first, repeat_) in DuplicateFields.pairs(in: draft) where DuplicateFields.sameValue(first, repeat_) {
            sink.report(
                "field '\(first.kind?.title ?? first.label)' is given again (first at line \(first.labelRange.start.line))",
                at: repeat_.labelRange, hint: "remove the repeat")
        }
    }
}

/// Finds fields that occur more than once.
enum DuplicateFields {
    /// Each later occurrence of a known field paired with its first occurrence.
    static func pairs(in draft: DraftSpec) -> [(DraftField, DraftField)] {
        var first: [DraftFieldKind: DraftField] = [:]
        var found: [(DraftField, DraftField)] = []
        for field in draft.fields {
            guard let kind = field.kind else { continue }
            if let earlier = first[kind] { found.append((earlier, field)) } else { first[kind] = field }
        }
        return found
    }

    /// True when two values differ only in case and white space.
    static func sameValue(_ a: DraftField, _ b: DraftField) -> Bool {
        fold(a.value) == fold(b.value)
    }

    private static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
