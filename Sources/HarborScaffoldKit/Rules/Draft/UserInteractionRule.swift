/// D405: the agent or the solution needs a human to answer, approve or relay something.
struct UserInteractionRule: DraftRule {
    static let description = RuleDescription(
        id: "D405", name: "user-interaction", title: "Task needs a human to answer or confirm", severity: .error,
        rationale: """
            The pipeline's technical constraints: "No User Interaction: Tasks must be fully autonomous". Nobody \
            answers the agent's questions, interactive prompts or confirmation requests, and no phone receives \
            2FA codes.
            """,
        triggering: [
            DraftExample.with([
                .instructions: "Before changing the limiter, ask the user which tenants are on the enterprise plan, then make limits apply per tenant.",
            ]),
            DraftExample.with([
                .instructions: "The admin CLI resets a tenant's counters after an interactive prompt, and waits for confirmation of the 2FA code sent to the operator's phone.",
            ]),
            DraftExample.with([
                .instructions: "Make limits apply per tenant; the operator must confirm each counter reset in the terminal.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .instructions: "The admin CLI's reset command blocks on an interactive prompt; add a --yes flag so it runs non-interactively, and make limits apply per tenant.",
            ]),
            DraftExample.with([
                .testing: "Tests answer the CLI's confirmation prompt by writing y to its stdin and verify that requests beyond the tenant's limit return 429 after user input is validated.",
            ]),
            DraftExample.with([
                .instructions: "A new tenant's owner must confirm their email before the limits apply, and an admin must approve plan upgrades through POST /admin/approvals; make limits apply per tenant.",
            ]),
        ])

    private static let kinds: Set<DraftFieldKind> = [.task, .instructions, .environmentSetup, .testing]

    /// Programmatic answers excuse a sentence.
    private static let excuses = [
        "stdin", "standard input", "pexpect", "piped", "pipes", "programmatically", "scripted", "automatically",
        "environment variable", "fixture", "fixtures", "tests answer", "test answers",
    ]

    /// Someone must answer, approve or relay something.
    private static let asks = FlagPhrases(
        [
            "ask the user", "asks the user", "asking the user", "ask the operator", "ask the customer",
            "ask the product owner", "ask the team", "ask for clarification", "asks for clarification",
            "ask clarifying questions", "clarify with the user", "check with the user", "confirm with the user",
            "consult the user", "prompt the user", "prompts the user", "prompting the user", "wait for the user",
            "waits for the user", "wait for user", "wait for their answer", "wait for an answer", "wait for approval",
            "waits for approval", "wait for confirmation", "waits for confirmation", "waiting for confirmation",
            "await confirmation", "awaits confirmation", "user confirmation", "user confirms", "human approval",
            "manual approval", "approval from the user", "approved by the user", "the user will provide",
            "the user provides", "the user will answer", "the user answers", "2fa code", "2fa codes",
            "two factor code", "two factor codes", "sms code", "sms codes", "code sent to", "codes sent to",
            "sent to the user s phone", "sent to a phone", "sent to your phone", "sent by sms", "sent via sms",
            "solve the captcha", "solve a captcha", "solves the captcha",
        ],
        excuses: excuses)

    /// A person confirming or approving something by hand; domain flows (`a new user must confirm their
    /// email`, `an admin must approve accounts through POST /approvals`) lack the needed words.
    private static let approvals = FlagPhrases(
        [
            "must confirm", "must approve", "has to confirm", "has to approve", "needs to confirm", "needs to approve",
            "confirm each", "approve each", "confirms each", "approves each",
        ],
        needs: [
            "terminal", "console", "prompt", "prompted", "keyboard", "manually", "by hand", "human", "someone",
            "person", "operator", "reviewer",
        ],
        excuses: excuses)

    /// Interactive prompts, unless the field makes them non-interactive.
    private static let prompts = FlagPhrases(
        [
            "interactive prompt", "interactive prompts", "interactive session", "confirmation prompt",
            "confirmation prompts", "press enter", "presses enter", "press any key", "type yes", "types yes",
            "answer yes", "when prompted",
        ],
        excuses: excuses,
        fieldExcuses: ["non interactive", "non interactively", "noninteractive", "yes flag", "assume yes", "force flag"])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for field in FlagContext.fields(draft, Self.kinds) {
            let hits = (Self.asks.hits(in: field.tokens) + Self.approvals.hits(in: field.tokens)
                + Self.prompts.hits(in: field.tokens))
                .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
            for hit in hits {
                sink.report(
                    "\(FlagContext.name(field)) needs a human to respond ('\(FlagContext.quote(draft, field, hit.tokens))'), but tasks must run fully autonomously",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "state the answer in the draft (or in a file the task provides) and drive prompts from flags or stdin")
            }
        }
    }
}
