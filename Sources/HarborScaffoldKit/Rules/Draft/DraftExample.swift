/// Builds draft examples for rule descriptions: a complete, clean draft with some fields replaced,
/// removed or added, so each example isolates the one problem it demonstrates.
public enum DraftExample {
    /// The draft every example starts from; it triggers no rule.
    public static let baseFields: [(DraftFieldKind, String)] = [
        (.task, "Fix per-tenant rate limiting in a FastAPI billing gateway"),
        (.language, "python"),
        (.category, "api_security"),
        (.instructions, "The gateway's rate limiter counts requests per API key instead of per tenant, so tenants with many keys exceed their quota. Make limits apply per tenant across all of its keys without changing the public API."),
        (.environmentSetup, "Python 3.12 with FastAPI and Uvicorn, Redis for counters, PostgreSQL holding tenant plans; the service listens on port 8000."),
        (.testing, "Tests will send bursts of requests with several keys of one tenant and verify that requests beyond the tenant's limit return status 429 with a Retry-After header, that a second tenant keeps receiving 200 responses, and that counters reset after the window so the next request returns 200."),
        (.difficulty, "hard"),
        (.coreSkillsTested, "Distributed rate limiting, Redis data modelling, debugging multi-file services"),
        (.keyTechnologies, "FastAPI, Redis, PostgreSQL, pytest"),
    ]

    /// The base draft's text.
    public static var baseText: String { render(baseFields) }

    /// The base draft as an example.
    public static var base: RuleExample { RuleExample(baseText, file: "draft_spec.md", excerpt: "(a complete, clean draft)") }

    /// The base draft with `fields` replacing (or, for new labels, following) the base's values.
    public static func with(_ fields: [DraftFieldKind: String]) -> RuleExample {
        let merged = baseFields.map { ($0.0, fields[$0.0] ?? $0.1) }
        let excerpt = baseFields.compactMap { kind, _ in fields[kind].map { "\(kind.title): \($0)" } }
        return RuleExample(render(merged), file: "draft_spec.md", excerpt: excerpt.joined(separator: "\n"))
    }

    /// The base draft without `removed`, followed by `extraLines`.
    public static func without(_ removed: Set<DraftFieldKind>, adding extraLines: String = "") -> RuleExample {
        var text = render(baseFields.filter { !removed.contains($0.0) })
        if !extraLines.isEmpty { text += extraLines + "\n" }
        let dropped = removed.map(\.title).sorted().joined(separator: ", ")
        var excerpt = removed.isEmpty ? "" : "(a complete draft without \(dropped))"
        if !extraLines.isEmpty { excerpt += (excerpt.isEmpty ? "" : "\n") + extraLines }
        return RuleExample(text, file: "draft_spec.md", excerpt: excerpt)
    }

    /// A draft given as literal text.
    public static func literal(_ text: String) -> RuleExample {
        RuleExample(text, file: "draft_spec.md")
    }

    private static func render(_ fields: [(DraftFieldKind, String)]) -> String {
        fields.map { "\($0.0.title): \($0.1)" }.joined(separator: "\n") + "\n"
    }
}
