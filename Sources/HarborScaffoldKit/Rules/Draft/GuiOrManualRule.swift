/// D401: the task needs a GUI, a browser, screenshots or a human to judge the result.
struct GuiOrManualRule: DraftRule {
    static let description = RuleDescription(
        id: "D401", name: "gui-or-manual", title: "Task needs a GUI, a browser or manual verification",
        severity: .error,
        rationale: """
            The pipeline's constraints: "Scope: Focus on terminal-based tasks (no GUI applications)", the agent has \
            "NO browser access", and "Verification: Must have clear, programmatic ways to verify success". Desktop \
            apps, clicking through a browser, screenshots and "manually verify" cannot be done by the agent or \
            checked by Python tests.
            """,
        triggering: [
            DraftExample.with([
                .testing: "Open the dashboard in a browser and verify that the tenant's usage chart shows the 429 responses.",
            ]),
            DraftExample.with([
                .instructions: "Build a Tkinter desktop app that shows each tenant's remaining quota.",
            ]),
            DraftExample.with([
                .testing: "A reviewer will manually verify the Retry-After values and take screenshots of the logs.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .instructions: "The browser-facing REST API that serves the React frontend counts requests per API key instead of per tenant. Make limits apply per tenant.",
            ]),
            DraftExample.with([
                .testing: "Tests run the end-to-end suite with Playwright in headless Chromium and check that the 429 page is served; no manual verification is needed.",
            ]),
            DraftExample.with([
                .instructions: "CORS preflight requests from the browser are rejected with 403; make the gateway answer them with the allowed origins while keeping per-tenant limits.",
            ]),
        ])

    private static let kinds: Set<DraftFieldKind> = [.task, .instructions, .environmentSetup, .testing, .keyTechnologies]

    /// Always a problem: GUI toolkits, screenshots, visual and manual checks, browser automation.
    private static let strong = FlagPhrases(
        [
            "gui", "guis", "gui application", "gui app", "graphical interface", "graphical user interface",
            "desktop app", "desktop apps", "desktop application", "desktop applications", "desktop client",
            "desktop gui", "native app", "tkinter", "pyqt", "pyqt5", "pyqt6", "pyside", "pyside2", "pyside6",
            "wxpython", "gtk", "javafx", "electron app", "winforms", "wpf",
            "screenshot", "screenshots", "screen shot", "screen shots", "screen capture", "screen recording",
            "visual inspection", "visually inspect", "visually inspected", "visually inspecting", "visually verify",
            "visually verified", "visually check", "visually checked", "visually confirm", "visual check",
            "visual checks", "visual review", "visual regression", "eyeball", "eyeballing",
            "manually verify", "manually verified", "manually verifying", "manually check", "manually checked",
            "manually checking", "manually inspect", "manually inspected", "manually test", "manually tested",
            "manually testing", "manually review", "manually reviewed", "manually confirm", "manually confirmed",
            "manually compare", "manually validate", "manually verifies", "manually checks", "manually inspects",
            "manually tests", "manually reviews", "manually confirms", "manually compares", "manually validates",
            "verified manually", "verify manually", "checked manually",
            "check manually", "tested manually", "test manually", "inspected manually", "reviewed manually",
            "manual verification", "manual inspection", "manual review", "manual testing", "manual test",
            "manual tests", "manual check", "manual checks", "manual qa", "manual validation",
            "human review", "human reviewer", "human reviewers", "human judgement", "human judgment",
            "human evaluation", "human inspection", "human verification", "human in the loop",
            "reviewed by a human", "checked by a human", "judged by a human", "verified by a human",
            "click the", "click on", "clicks the", "clicks on", "clicking the", "clicking on", "double click",
            "right click", "drag and drop", "mouse",
            "selenium", "playwright", "puppeteer", "cypress", "webdriver", "browser automation",
        ],
        benign: ["cloud native app", "cloud native application", "react native app", "react native apps"],
        excuses: ["headless"])

    /// A problem when the sentence has someone look at or operate the browser.
    private static let browser = FlagPhrases(
        ["browser", "browsers", "web browser", "web browsers"],
        benign: ["browser facing", "browser based api"],
        needs: [
            "open", "opens", "opening", "opened", "view", "views", "viewing", "visit", "visits", "visiting", "click",
            "clicks", "clicking", "check", "checks", "checking", "verify", "verifies", "verified", "verifying",
            "inspect", "inspects", "see", "sees", "look", "looks", "confirm", "confirms", "navigate", "navigates",
            "interact", "interacts", "interacting", "observe", "observes",
        ],
        excuses: ["headless", "cors", "preflight", "user agent", "user agents"])

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for field in FlagContext.fields(draft, Self.kinds) {
            let hits = (Self.strong.hits(in: field.tokens) + Self.browser.hits(in: field.tokens))
                .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
            for hit in hits {
                let words = FlagContext.quote(draft, field, hit.tokens)
                sink.report(
                    "\(FlagContext.name(field)) needs a GUI, a browser or a human ('\(words)'); tasks are terminal-only and verified by Python tests",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "make the result checkable from the command line: HTTP responses, files, stdout or exit codes")
            }
        }
    }
}
