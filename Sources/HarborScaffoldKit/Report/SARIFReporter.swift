/// Renders a report as SARIF 2.1.0, the format GitHub code scanning (and other security dashboards)
/// read.
///
/// One run; `tool.driver.rules` describes every rule that has a result (id, name, short and full
/// description, help, default level); each result has its rule, level, message, one physical
/// location whose `artifactLocation.uri` is relative to the workspace (`uriBaseId` `%SRCROOT%`,
/// which `originalUriBaseIds` maps to the workspace folder) with a region, and a
/// `partialFingerprints` entry (``Fingerprint``) so code scanning tracks a finding across commits.
public struct SARIFReporter: Sendable {
    /// The base id relative URIs are resolved against.
    public static let baseID = "%SRCROOT%"

    /// Creates a reporter.
    public init() {}

    /// The SARIF level of a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// The rendered SARIF log, ending with a newline.
    public func render(_ report: Report, context: ReportContext) -> String {
        let ids = Array(Set(report.diagnostics.map(\.ruleID))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let fingerprints = context.fingerprints(report)
        let rules = ids.map { id -> JSONText in
            let names = report.diagnostics.first { $0.ruleID == id }.map { ($0.ruleName, $0.severity) }
            return Self.descriptor(id: id, fallbackName: names?.0 ?? id, fallbackSeverity: names?.1 ?? .error)
        }
        let results = zip(report.diagnostics, fingerprints).map { diagnostic, fingerprint -> JSONText in
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\nhint: " + hint }
            var region: [(String, JSONText)] = [("startLine", .int(max(1, diagnostic.line)))]
            if let range = diagnostic.range {
                region.append(("startColumn", .int(max(1, range.start.column))))
                let end = range.end < range.start ? range.start : range.end
                region.append(("endLine", .int(max(1, end.line))))
                region.append(("endColumn", .int(max(1, end.column))))
            }
            let place = context.sarifLocation(diagnostic.path)
            var artifact: [(String, JSONText)] = [("uri", .string(place.uri))]
            if place.relativeToWorkspace { artifact.append(("uriBaseId", .string(Self.baseID))) }
            let location: JSONText = .object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object(artifact)),
                    ("region", .object(region)),
                ])),
            ])
            return .object([
                ("ruleId", .string(diagnostic.ruleID)),
                ("ruleIndex", .int(ruleIndex[diagnostic.ruleID] ?? 0)),
                ("level", .string(Self.level(diagnostic.severity))),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([location])),
                ("partialFingerprints", .object([(Fingerprint.scheme, .string(fingerprint))])),
            ])
        }
        var run: [(String, JSONText)] = [
            ("tool", .object([
                ("driver", .object([
                    ("name", .string("harbor-scaffold")),
                    ("version", .string(context.toolVersion)),
                    ("semanticVersion", .string(context.toolVersion)),
                    ("rules", .array(rules)),
                ])),
            ])),
        ]
        if let root = context.workspaceRoot {
            run.append(("originalUriBaseIds", .object([(Self.baseID, .object([("uri", .string(Self.fileURI(folder: root)))]))])))
        }
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(results)))
        let log: JSONText = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return log.rendered(inlineLimit: 4) + "\n"
    }

    /// The reporting descriptor of rule `id`.
    static func descriptor(id: String, fallbackName: String, fallbackSeverity: Severity) -> JSONText {
        let name: String
        let title: String
        let rationale: String
        let severity: Severity
        if let rule = RuleCatalog.rule(named: id), rule.id == id {
            (name, title, rationale, severity) = (rule.name, rule.title, rule.rationale, rule.defaultSeverity)
        } else if let kind = InputProblem.Kind(rawValue: id) {
            (name, title, rationale, severity) = (kind.name, kind.summary, kind.summary + " Input problems are always on and make the run exit 2.", .error)
        } else {
            (name, title, rationale, severity) = (fallbackName, fallbackName, fallbackName, fallbackSeverity)
        }
        let help = rationale + "\n\nRun `harbor-scaffold rules \(id)` for examples that trigger the rule and examples that do not."
        return .object([
            ("id", .string(id)),
            ("name", .string(name)),
            ("shortDescription", .object([("text", .string(title))])),
            ("fullDescription", .object([("text", .string(rationale))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(level(severity)))])),
            ("properties", .object([("tags", .array([.string("harbor-scaffold"), .string(id.prefix { $0.isLetter } + " rules")]))])),
        ])
    }

    /// `path` with every byte outside RFC 3986's unreserved set and `/` percent-encoded.
    public static func uriEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: "/")
            if isUnreserved {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (byte < 16 ? "0" : "") + hex
            }
        }
        return out
    }

    /// The `file://` URI of an absolute folder, ending with `/`.
    public static func fileURI(folder: String) -> String {
        "file://" + uriEncode(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
