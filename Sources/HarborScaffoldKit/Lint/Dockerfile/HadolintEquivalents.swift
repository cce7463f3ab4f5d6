/// hadolint's `DL` rules that a harbor-scaffold Dockerfile rule checks too, so that
/// `# hadolint ignore=DL3013` and `# hadolint global ignore=DL3059` keep working for teams that move
/// from hadolint, and so that `harbor-scaffold rules C103` can name the hadolint rule.
///
/// Each entry was checked against both rules' semantics (hadolint's rule table and wiki pages). Where
/// our rule is broader than hadolint's, the entry names the part hadolint covers and suppresses only
/// the findings about that part: `DL3009` silences C205's apt-lists finding but not the pip-cache one
/// of the same `RUN`. Codes are left out when no rule here checks the same thing, among them:
///
/// - `DL3008` / `DL3018` / `DL3028` / `DL3033` / `DL3037` / `DL3041` (pin apt, apk, gem, yum, zypper
///   and dnf packages): no rule here pins system packages.
/// - `DL4001` (either wget or curl, not both): a style rule; C106 is about running what they download.
/// - `DL3020` (COPY instead of ADD for local files): C107 is about ADD of a URL without `--checksum`.
/// - `DL3060`, `DL3032`, `DL3040`, `DL3036` (yarn, yum, dnf and zypper caches): C205 does not check them.
/// - `DL3035` (zypper dist-upgrade) and `DL3034` (zypper without `-y`): zypper is not recognised.
///
/// A pragma naming a code that is not listed here is hadolint's business and is ignored silently.
public enum HadolintEquivalents {
    /// One hadolint rule and the harbor-scaffold rule that checks the same thing.
    public struct Equivalent: Sendable {
        /// hadolint's code, e.g. `DL3013`.
        public let code: String
        /// The harbor-scaffold rule's id, e.g. `C103`.
        public let ruleID: String
        /// When our rule is broader: the part hadolint's rule covers (`apt lists`); nil when the two agree.
        public let part: String?
        /// For a partial equivalent, whether a finding of the rule is about ``part``.
        let isAboutPart: @Sendable (Diagnostic) -> Bool

        init(_ code: String, _ ruleID: String, part: String? = nil, when isAboutPart: @escaping @Sendable (Diagnostic) -> Bool = { _ in true }) {
            self.code = code
            self.ruleID = ruleID
            self.part = part
            self.isAboutPart = isAboutPart
        }

        /// True when a pragma naming ``code`` silences `diagnostic`.
        public func covers(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.ruleID == ruleID && isAboutPart(diagnostic)
        }

        /// `DL3013`, or `DL3009 (apt lists)` for a partial equivalent.
        public var label: String {
            part.map { "\(code) (\($0))" } ?? code
        }
    }

    /// Every equivalent, by hadolint code.
    public static let all: [Equivalent] = [
        // Checks the start of C109's message: "<tool> <subcommand> upgrades every installed package…".
        Equivalent("DL3005", "C109", part: "apt-get dist-upgrade", when: { message($0, startsWithAnyOf: aptTools, then: ["dist-upgrade", "full-upgrade"]) }),
        Equivalent("DL3006", "C101", part: "untagged image", when: { $0.message.contains("' has no tag") }),
        Equivalent("DL3007", "C101", part: "latest tag", when: { $0.message.contains("uses the moving tag 'latest") }),
        Equivalent("DL3009", "C205", part: "apt lists", when: { $0.message.contains("leaves the apt package lists") }),
        Equivalent("DL3013", "C103", part: "pip", when: { message($0, startsWithAnyOf: ["pip"]) }),
        Equivalent("DL3014", "C203", part: "apt-get", when: { message($0, startsWithAnyOf: aptTools) }),
        Equivalent("DL3015", "C204"),
        Equivalent("DL3016", "C104", part: "npm", when: { message($0, startsWithAnyOf: ["npm"]) }),
        Equivalent("DL3019", "C205", part: "apk index", when: { message($0, startsWithAnyOf: ["apk"]) }),
        Equivalent("DL3025", "C208"),
        Equivalent("DL3030", "C203", part: "yum", when: { message($0, startsWithAnyOf: ["yum"]) }),
        Equivalent("DL3038", "C203", part: "dnf", when: { message($0, startsWithAnyOf: ["dnf", "microdnf"]) }),
        Equivalent("DL3042", "C205", part: "pip cache", when: { message($0, startsWithAnyOf: ["pip"]) }),
        Equivalent("DL3059", "C206"),
        Equivalent("DL4006", "C207"),
    ]

    /// The equivalents of harbor-scaffold rule `ruleID`, by hadolint code (empty for most rules).
    public static func equivalents(of ruleID: String) -> [Equivalent] {
        all.filter { $0.ruleID == ruleID }
    }

    private static let aptTools = ["apt-get", "apt", "aptitude"]

    /// True when the message's first word is one of `tools` (and its second one of `verbs`, when given).
    private static func message(_ diagnostic: Diagnostic, startsWithAnyOf tools: [String], then verbs: [String]? = nil) -> Bool {
        let words = diagnostic.message.split(separator: " ", maxSplits: 2)
        guard let first = words.first, tools.contains(String(first)) else { return false }
        guard let verbs else { return true }
        return words.count > 1 && verbs.contains(String(words[1]))
    }
}
