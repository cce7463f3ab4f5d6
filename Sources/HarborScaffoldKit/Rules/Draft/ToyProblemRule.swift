/// D506: the task is a puzzle, a classroom exercise or a single function.
struct ToyProblemRule: DraftRule {
    static let description = RuleDescription(
        id: "D506", name: "toy-problem", title: "Task is a toy problem or puzzle", severity: .warning,
        rationale: """
            The pipeline wants "real-world backend engineering scenarios", "NOT artificial toy projects or \
            LeetCode-style algorithm puzzles", and lists "Unrealistic Scenarios: Contrived situations developers \
            wouldn't face" among its red flags. Fibonacci, FizzBuzz, a bare todo app or "write a function that \
            reverses a string" teach nothing about real systems.
            """,
        triggering: [
            DraftExample.with([.task: "Implement a command-line Fibonacci calculator with memoization"]),
            DraftExample.with([
                .task: "Reverse strings for the gateway",
                .instructions: "Write a function that reverses a string and returns it.",
            ]),
            DraftExample.with([.task: "Build a todo app", .instructions: "Build a todo app with FastAPI and Redis."]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .instructions: "The gateway's rate limiter counts requests per API key instead of per tenant, and its retry client uses Fibonacci backoff. Make limits apply per tenant across all of its keys without changing the public API.",
            ]),
            DraftExample.with([
                .instructions: "The gateway's rate limiter counts requests per API key instead of per tenant; the billing team needs this fixed before the todo list sync launch. Make limits apply per tenant across all of its keys, keep the quota headers and the admin endpoints unchanged, and make sure the limiter state survives a restart of the service so tenants cannot reset their quota by triggering a redeploy.",
            ]),
        ])

    /// Puzzles and exercises.
    private static let puzzles = FlagPhrases(
        [
            "leetcode", "leet code", "hackerrank", "codewars", "project euler", "advent of code", "fibonacci",
            "factorial", "fizzbuzz", "fizz buzz", "hello world", "tower of hanoi", "towers of hanoi", "n queens",
            "eight queens", "sudoku solver", "palindrome", "palindromes", "anagram", "anagrams", "two sum",
            "reverse a string", "reverses a string", "reversing a string", "reverse a linked list", "bubble sort",
            "tic tac toe", "prime numbers", "prime number checker", "coding interview", "interview question",
        ],
        benign: [
            "fibonacci backoff", "fibonacci retry", "fibonacci retries", "fibonacci heap", "factorial time",
            "factorial blowup", "factorial explosion",
        ])

    /// Tasks that are toys unless the Instructions add substance.
    private static let thin = FlagPhrases([
        "todo app", "to do app", "todo list", "to do list", "todo application", "todo api", "calculator app",
        "calculator", "write a function", "implement a function", "create a function", "write a single function",
        "write a program", "write a script",
    ])

    /// Instructions shorter than this many words add too little to a thin premise.
    static let substantialWords = 60

    /// Sentences of Instructions that state the premise.
    static let premiseSentences = 2

    /// Reports the first toy signal, preferring the Task: one finding says it all.
    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        let instructionWords = draft.field(.instructions)?.tokens.count ?? 0
        let short = instructionWords < Self.substantialWords
        let fields = [draft.field(.task), draft.field(.instructions)].compactMap { $0 }
        for field in fields {
            let text = field.tokens
            var hits = Self.puzzles.hits(in: text)
            if short { hits += Self.thin.hits(in: text) }
            if field.kind == .instructions {
                hits = hits.filter { text.sentences[$0.tokens.lowerBound] < Self.premiseSentences }
            }
            guard let hit = hits.min(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) else { continue }
            sink.report(
                "\(FlagContext.name(field)) reads like a toy problem ('\(FlagContext.quote(draft, field, hit.tokens))'); the pipeline wants realistic backend tasks, not puzzles or single functions",
                at: FlagContext.range(draft, field, hit.tokens),
                hint: "set the skill in a real system: an existing service or codebase with a bug, a migration or a performance problem")
            return
        }
    }
}
