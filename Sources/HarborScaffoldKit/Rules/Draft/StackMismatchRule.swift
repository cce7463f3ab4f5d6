/// D505: the stack in Key Technologies or Environment Setup belongs to another language than Language.
struct StackMismatchRule: DraftRule {
    static let description = RuleDescription(
        id: "D505", name: "stack-mismatch", title: "Frameworks contradict the Language", severity: .error,
        rationale: """
            The pipeline's "Draft Format": "Language: [python/typescript/javascript/go - MUST match seed \
            language]", and the builder "will use these fields to generate appropriate Harbor task structure". A \
            Go task whose stack is Django, or a Python task built on Express, is "Ambiguous Requirements": the \
            builder cannot tell which language the solution is in. Python used only for tests or tooling is fine.
            """,
        triggering: [
            DraftExample.with([.language: "go"]),
            DraftExample.with([
                .language: "typescript",
                .environmentSetup: "Python 3.12 with Django and Celery, Redis for counters, PostgreSQL for plans.",
                .keyTechnologies: "Redis, PostgreSQL",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .language: "typescript",
                .environmentSetup: "Node.js 20 with Redis and PostgreSQL; a small Flask app stands in as the mocked billing upstream for tests.",
                .keyTechnologies: "TypeScript, Redis, PostgreSQL, pytest (Python 3 for the test harness)",
            ]),
            DraftExample.with([
                .environmentSetup: "Python 3.12 with Redis and PostgreSQL; tenants on the express plan get a spring discount.",
                .keyTechnologies: "Python 3.12, Redis, PostgreSQL, pytest",
            ]),
        ])

    private static let familyNames = ["python": "Python", "node": "Node.js", "go": "Go", "rust": "Rust", "java": "Java"]

    /// Words that make a framework's clause about tests or tooling rather than the solution's stack.
    private static let toolingWords = PhraseSet([
        "test", "tests", "testing", "harness", "pytest", "tooling", "tool", "tools", "script", "scripts", "mock",
        "mocks", "mocked", "stub", "stubs", "stubbed", "fake", "fixture", "fixtures", "seed", "seeding",
        "load generator", "benchmark", "benchmarks", "checker", "grader", "verification", "e2e", "end to end",
    ])

    /// Framework names that are also English words; in prose they count only when capitalised.
    private static let commonWords = Set(["express", "spring", "gin", "koa", "flask", "celery", "diesel", "rocket"].map {
        TokenizedText($0).hashes[0]
    })

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let language = draft.field(.language), let declared = Self.language(language.value) else { return }
        var own = false
        var foreign: [(framework: Framework, field: DraftField, tokens: Range<Int>)] = []
        for field in draft.fields where field.kind == .keyTechnologies || field.kind == .environmentSetup {
            let mentions = Framework.mentions(in: field.tokens)
            guard !mentions.isEmpty else { continue }
            let clauses = Self.clauses(of: field, in: draft.source.bytes)
            for mention in mentions {
                if field.kind == .environmentSetup, !isCapitalised(mention.tokens, field.tokens, draft.source.bytes) { continue }
                if mention.framework.family == declared.family {
                    own = true
                    continue
                }
                let clause = clauses[mention.tokens.lowerBound]
                let start = clauses.firstIndex(of: clause) ?? 0
                let end = clauses.lastIndex(of: clause).map { $0 + 1 } ?? field.tokens.count
                guard !Self.toolingWords.occurs(in: field.tokens, tokens: start..<end) else { continue }
                foreign.append((mention.framework, field, mention.tokens))
            }
        }
        guard !own, let first = foreign.first else { return }
        var names: [String] = []
        for entry in foreign where !names.contains(entry.framework.name) { names.append(entry.framework.name) }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        let family = first.framework.family
        let examples = Framework.known.filter { $0.family == declared.family }.prefix(3).map(\.name)
        sink.report(
            "\(FlagContext.name(first.field)) builds on \(list) (\(Self.familyNames[family] ?? family)) but Language is \(declared.rawValue), and no \(Self.familyNames[declared.family] ?? declared.family) framework is named",
            at: FlagContext.range(draft, first.field, first.tokens),
            hint: examples.isEmpty
                ? "make the stack match the language, or change Language"
                : "make the stack match the language (e.g. \(examples.joined(separator: ", "))), or change Language")
    }

    private static func language(_ value: String) -> Language? {
        switch Language.read(value) {
        case .exact(let language), .loose(let language): language
        case .unknown: nil
        }
    }

    /// True unless the mention is a common English word written in lower case.
    private func isCapitalised(_ tokens: Range<Int>, _ text: TokenizedText, _ bytes: [UInt8]) -> Bool {
        guard tokens.count == 1, Self.commonWords.contains(text.hashes[tokens.lowerBound]) else { return true }
        return LineScan.isUpper(bytes[text.ranges[tokens.lowerBound].lowerBound])
    }

    /// A clause number for each token: clauses end at sentence ends and at commas and semicolons outside
    /// parentheses, so `Flask (mock upstream for tests)` is one clause.
    static func clauses(of field: DraftField, in bytes: [UInt8]) -> [Int] {
        let text = field.tokens
        var numbers: [Int] = []
        numbers.reserveCapacity(text.count)
        var clause = 0
        var depth = 0
        for index in 0..<text.count {
            if index > 0 {
                if text.sentences[index] != text.sentences[index - 1] { clause += 1 }
                for byte in bytes[text.ranges[index - 1].upperBound..<text.ranges[index].lowerBound] {
                    switch byte {
                    case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
                    case UInt8(ascii: ","), UInt8(ascii: ";"), 0x0A: if depth == 0 { clause += 1 }
                    default: break
                    }
                }
            }
            numbers.append(clause)
        }
        return numbers
    }
}
