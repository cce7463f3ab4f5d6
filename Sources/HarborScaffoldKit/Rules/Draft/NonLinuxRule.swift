/// D403: the task needs Windows, macOS or a mobile platform.
struct NonLinuxRule: DraftRule {
    static let description = RuleDescription(
        id: "D403", name: "non-linux", title: "Task needs Windows, macOS or a mobile platform", severity: .error,
        rationale: """
            The pipeline's technical constraints: "Environment: Linux-based Docker containers only". PowerShell, \
            IIS, the .NET Framework, Xcode, iOS and Android emulators and anything that must run on Windows or macOS \
            cannot be built or tested there.
            """,
        triggering: [
            DraftExample.with([
                .environmentSetup: "Windows Server 2022 container with IIS hosting the gateway and PowerShell scripts for deployment.",
            ]),
            DraftExample.with([
                .instructions: "Fix the rate limiter of the iOS companion app's backend and verify the new quota banner in the iOS Simulator.",
            ]),
            DraftExample.with([
                .environmentSetup: "The gateway must run on macOS hosts with Python 3.12 and FastAPI.",
            ]),
        ],
        nonTriggering: [
            DraftExample.base,
            DraftExample.with([
                .instructions: "Tenants upload usage CSVs with CRLF line endings from Windows users; make the limiter's importer accept them and apply limits per tenant.",
            ]),
            DraftExample.with([
                .instructions: "The limiter works on macOS but fails on Linux because of case-sensitive paths; make limits apply per tenant on Linux.",
            ]),
            DraftExample.with([
                .instructions: "The mobile app and the Android client share API keys per tenant; make the gateway's limits apply per tenant, not per key, on windows of 60 seconds.",
            ]),
        ])

    private static let kinds: Set<DraftFieldKind> = [.task, .instructions, .environmentSetup, .testing, .keyTechnologies]

    /// Sentences that compare with Linux or talk about files from other systems are fine.
    private static let excuses = [
        "linux", "ubuntu", "debian", "alpine", "centos", "fedora", "rhel", "line endings", "line ending", "crlf",
        "path separator", "path separators", "backslash", "backslashes", "cross platform", "users", "customers",
        "clients", "uploaded", "exported", "created on", "written on",
    ]

    /// Products that exist only on Windows, macOS or mobile platforms.
    private static let strong = FlagPhrases(
        [
            "powershell", "pwsh", "xcode", "iis", "internet information services", "ios simulator",
            "iphone simulator", "ios emulator", "android emulator", "android studio", "windows server",
            "windows container", "windows containers", "windows registry", "windows service", "windows services",
            "win32", "winapi", "net framework", "wpf", "winforms", "windows forms", "visual studio", "macos only",
            "mac only", "windows only", "macos specific", "windows specific", "osx only", "appkit", "brew install",
            "launchd", "chocolatey", "choco install", "cmd exe", "directx", "hyper v",
        ],
        benign: ["visual studio code", "iis log", "iis logs", "iis log format", "iis access logs"],
        excuses: excuses)

    /// A desktop operating system named as the place something runs.
    private static let platforms = FlagPhrases(
        ["windows", "macos", "mac os", "os x", "osx", "a mac"].flatMap { os in
            ["on \(os)", "for \(os)", "requires \(os)", "native \(os)"]
        }
            + ["windows", "macos", "mac os", "osx"].flatMap { os in
                [
                    "host", "hosts", "machine", "machines", "vm", "vms", "desktop", "laptop", "laptops", "environment",
                    "based", "native", "runner", "runners", "executable", "binary", "10", "11",
                ].map { "\(os) \($0)" }
            } + ["macbook", "macbooks", "mac mini", "mac minis"],
        excuses: excuses)

    private static let windows = TokenizedText("windows").hashes[0]

    /// True when the hit names the operating system rather than time windows: `Windows` is capitalised.
    private static func namesTheSystem(_ hit: PhraseSet.Match, in text: TokenizedText, bytes: [UInt8]) -> Bool {
        hit.tokens.allSatisfy { text.hashes[$0] != windows || LineScan.isUpper(bytes[text.ranges[$0].lowerBound]) }
    }

    func check(_ draft: DraftSpec, into sink: inout FindingSink) {
        for field in FlagContext.fields(draft, Self.kinds) {
            let hits = (Self.strong.hits(in: field.tokens) + Self.platforms.hits(in: field.tokens))
                .filter { Self.namesTheSystem($0, in: field.tokens, bytes: draft.source.bytes) }
                .sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
            for hit in hits {
                sink.report(
                    "\(FlagContext.name(field)) needs '\(FlagContext.quote(draft, field, hit.tokens))', which does not run in a Linux Docker container",
                    at: FlagContext.range(draft, field, hit.tokens),
                    hint: "restate the task for Linux (bash instead of PowerShell, nginx instead of IIS, a Linux build of the runtime)")
            }
        }
    }
}
