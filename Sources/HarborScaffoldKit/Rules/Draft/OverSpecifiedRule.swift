/// D507: the Instructions prescribe how to implement the solution.
struct OverSpecifiedRule: DraftRule {
    static let description = RuleDescription(
        id: "D507", name: "over-specified", title: "Instructions prescribe the implementation", severity: .info,
        rationale: """
            The pipeline's "Draft Format" asks Instructions to be "specific but not prescriptive about \
            implementation", its success criteria want "Multiple Valid Approaches", and "Over-Specified \
            Solutions: Forcing one specific implementation" is a red flag. Say what must be true, not which data \
            structure or call gets there.
            """,
        triggering: [
            DraftExample.with([
                .instructions: "Make limits apply per tenant. Use a dict keyed by tenant id to hold the counters and you must implement it with a sliding window.",
            ]),
            DraftExample.with([
                .instructions: "Remove the N+1 queries of the usage report: use select_related on the plan and create a class called TenantLimiter.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .instructions: "Make limits apply per tenant across all of its keys; you are free to use a dict, Redis hashes or any other structure, and you don't need to use a sliding window.",
            ]),
        ])

    private static let phrases = FlagPhrases(
        [
            "use a dict", "use a dictionary", "use a hashmap", "use a hash map", "use a map keyed", "use a set to",
            "use a list comprehension", "use a for loop", "use a while loop", "use a linked list", "use a global variable",
            "use a generator", "use recursion", "use memoization", "use a regex", "use a regular expression",
            "use lru cache", "use functools", "using a dict keyed", "using a dictionary keyed", "implement it with",
            "implement it using", "implement it as", "implement this with", "implement this using", "you must use",
            "you must implement", "must be implemented with", "must be implemented using", "must be implemented as",
            "the implementation must use", "the solution must use", "create a class called", "create a class named",
            "add a class called", "add a class named", "add a function called", "add a function named",
            "add a method called", "add a method named", "name the function", "use select related",
            "use prefetch related", "use joinedload", "use selectinload",
        ],
        excuses: ["free to", "may", "can", "could", "optionally", "for example", "such as", "any", "either"])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        guard let field = draft.field(.instructions) else { return }
        for hit in Self.phrases.hits(in: field.tokens) {
            sink.report(
                "Instructions prescribe the implementation ('\(FlagContext.quote(draft, field, hit.tokens))'); state the required behaviour and let the agent choose how",
                at: FlagContext.range(draft, field, hit.tokens),
                hint: "describe the outcome the tests check (behaviour, outputs, limits) instead of the data structure or call")
        }
    }
}
