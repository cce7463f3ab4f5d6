/// The closing summary of `check`: how many data points are clean or not, findings per rule, and the
/// workspace's language and difficulty mix.
public struct BatchSummary: Sendable {
    /// One row of the findings-per-rule table.
    public struct RuleCount: Sendable, Equatable {
        /// The rule id.
        public let id: String
        /// The rule name.
        public let name: String
        /// The most severe severity reported for it.
        public let severity: Severity
        /// How many findings.
        public let count: Int
    }

    /// Data points checked.
    public let dataPoints: Int
    /// Data points with no error or warning finding (infos allowed).
    public let clean: Int
    /// Data points with at least one error finding.
    public let withErrors: Int
    /// Data points with warnings but no errors.
    public let withWarnings: Int
    /// Findings about the workspace as a whole (language mix, difficulty distribution).
    public let workspaceFindings: Int
    /// Findings per rule, in id order.
    public let rules: [RuleCount]
    /// The drafts' languages and difficulties, when the workspace rules ran.
    public let statistics: WorkspaceStatistics?
    /// The shard checked.
    public let shard: Shard?

    /// Summarises `diagnostics` over `dataPointCount` data points whose findings' paths start with
    /// `dataPointsPrefix` followed by the data point's id.
    public init(diagnostics: [Diagnostic], dataPointCount: Int, dataPointsPrefix: String, statistics: WorkspaceStatistics?, shard: Shard?) {
        var worst: [Substring: Severity] = [:]
        var workspace = 0
        var counts: [String: (name: String, severity: Severity, count: Int)] = [:]
        for diagnostic in diagnostics {
            let entry = counts[diagnostic.ruleID]
            counts[diagnostic.ruleID] = (
                diagnostic.ruleName, max(entry?.severity ?? diagnostic.severity, diagnostic.severity), (entry?.count ?? 0) + 1
            )
            guard diagnostic.path.hasPrefix(dataPointsPrefix) else {
                workspace += 1
                continue
            }
            let rest = diagnostic.path.dropFirst(dataPointsPrefix.count)
            let id = rest.prefix { $0 != "/" }
            worst[id] = max(worst[id] ?? .info, diagnostic.severity)
        }
        dataPoints = dataPointCount
        withErrors = worst.values.filter { $0 == .error }.count
        withWarnings = worst.values.filter { $0 == .warning }.count
        clean = max(0, dataPointCount - withErrors - withWarnings)
        workspaceFindings = workspace
        rules = counts.keys.sorted().map { id in
            let entry = counts[id]!
            return RuleCount(id: id, name: entry.name, severity: entry.severity, count: entry.count)
        }
        self.statistics = statistics
        self.shard = shard
    }

    /// The language mix, e.g. `62% Python (31), 28% JavaScript/TypeScript (14), 10% other (5)`.
    public var languageLine: String? {
        guard let statistics, !statistics.languages.isEmpty else { return nil }
        let total = statistics.languages.values.reduce(0, +)
        return LanguageGroup.allCases.map { group in
            let count = statistics.languages[group] ?? 0
            return "\(Share.percent(count, of: total)) \(group.displayName) (\(count))"
        }.joined(separator: ", ") + "; target 60/30/10"
    }

    /// The difficulty distribution, e.g. `30% medium (3), 50% hard (5), 20% extremely hard (2)`.
    public var difficultyLine: String? {
        guard let statistics, !statistics.difficulties.isEmpty else { return nil }
        let total = statistics.difficulties.values.reduce(0, +)
        return InvalidDifficultyRule.levels.map { level in
            let count = statistics.difficulties[level] ?? 0
            return "\(Share.percent(count, of: total)) \(level) (\(count))"
        }.joined(separator: ", ")
    }

    /// The summary as a plain-text table.
    public func table(style: TextStyle) -> String {
        let width = String(dataPoints).count
        func row(_ label: String, _ value: Int, _ colour: (String) -> String = { $0 }) -> String {
            "  " + label.padded(to: 16) + colour(String(value).leftPadded(to: width)) + "\n"
        }
        var out = style.bold("Summary" + (shard.map { " (shard \($0.description))" } ?? "")) + "\n"
        out += row("data points", dataPoints)
        out += row("clean", clean) { style.success($0) }
        out += row("with errors", withErrors) { withErrors == 0 ? $0 : style.severity($0, .error) }
        out += row("with warnings", withWarnings) { withWarnings == 0 ? $0 : style.severity($0, .warning) }
        if workspaceFindings > 0 { out += row("workspace-wide", workspaceFindings) }
        if let languageLine { out += "  " + "languages".padded(to: 16) + languageLine + "\n" }
        if let difficultyLine { out += "  " + "difficulty".padded(to: 16) + difficultyLine + "\n" }
        if !rules.isEmpty {
            let countWidth = String(rules.map(\.count).max() ?? 0).count
            out += style.bold("Findings per rule") + "\n"
            for rule in rules {
                out += "  " + String(rule.count).leftPadded(to: countWidth) + "  " + rule.id.padded(to: 6) + rule.name.padded(to: 30)
                    + style.severity(rule.severity.rawValue, rule.severity) + "\n"
            }
        }
        return out
    }

    /// The summary as Markdown, for `$GITHUB_STEP_SUMMARY`.
    public func markdown() -> String {
        var out = "| data points | clean | with errors | with warnings |\n|---:|---:|---:|---:|\n"
        out += "| \(dataPoints) | \(clean) | \(withErrors) | \(withWarnings) |\n"
        if let languageLine { out += "\nLanguages: " + languageLine + "  \n" }
        if let difficultyLine { out += (languageLine == nil ? "\n" : "") + "Difficulty: " + difficultyLine + "\n" }
        return out
    }
}

extension String {
    /// The string padded with trailing spaces to `width` characters.
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    /// The string padded with leading spaces to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
