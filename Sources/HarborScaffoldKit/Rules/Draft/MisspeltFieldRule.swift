import Foundation

/// D106: a label that is a typo or variant of a required field's name.
struct MisspeltFieldRule: DraftRule {
    static let description = RuleDescription(
        id: "D106", name: "misspelt-field", title: "A draft field name is misspelt", severity: .error,
        rationale: """
            The builder looks for the exact field names of the pipeline's "Draft Format"; a field under a \
            misspelt label is a missing field to it. Case and spacing do not matter; spelling does.
            """,
        triggering: [
            DraftExample.literal(DraftExample.baseText.replacingFirst("Testing:", with: "Testng:")),
            DraftExample.literal(DraftExample.baseText.replacingFirst("Key Technologies:", with: "Tech Stack:")),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.literal(DraftExample.baseText.replacingFirst("Key Technologies:", with: "KEY technologies:")),
        ])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for field in draft.fields where field.isMisspelt {
            guard let kind = field.kind else { continue }
            sink.report(
                "'\(field.label)' is not a field name; did you mean '\(kind.title)'?",
                at: field.labelRange, hint: "rename the label to '\(kind.title):'")
        }
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
