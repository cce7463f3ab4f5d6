/// A set of accepted findings: `--write-baseline FILE` records the current ones, `--baseline FILE`
/// reports only findings not recorded. Findings are matched by ``Fingerprint``, so they stay matched
/// when lines move.
///
/// ```json
/// {
///   "version": 1,
///   "tool": "harbor-scaffold",
///   "findings": [
///     {"fingerprint": "9c1e…", "rule": "D203", "path": "data_points/x/draft_spec.md", "message": "…"}
///   ]
/// }
/// ```
/// Only `fingerprint` is used for matching; the rest is there for people reading the file.
public struct Baseline: Sendable, Equatable {
    /// The accepted fingerprints, with how many findings share each.
    public private(set) var fingerprints: [String: Int]
    /// Number of findings recorded.
    public var count: Int { fingerprints.values.reduce(0, +) }

    /// A baseline of `fingerprints`.
    public init(fingerprints: [String]) {
        var counts: [String: Int] = [:]
        for fingerprint in fingerprints { counts[fingerprint, default: 0] += 1 }
        self.fingerprints = counts
    }

    /// Reads a baseline file's text.
    public init(parsing bytes: [UInt8]) throws(UsageError) {
        let document: JSONText
        do {
            document = try JSONText.parse(bytes)
        } catch {
            throw UsageError("the baseline is not valid JSON (\(error.message) at byte \(error.offset))")
        }
        guard case .object = document, let findings = document["findings"]?.arrayValue else {
            throw UsageError("the baseline has no \"findings\" list", hint: "write one with --write-baseline FILE")
        }
        var fingerprints: [String] = []
        for finding in findings {
            guard let fingerprint = finding["fingerprint"]?.stringValue else {
                throw UsageError("a baseline finding has no \"fingerprint\"", hint: "write the baseline again with --write-baseline FILE")
            }
            fingerprints.append(fingerprint)
        }
        self.init(fingerprints: fingerprints)
    }

    /// The baseline file for `diagnostics` with their `fingerprints` (parallel arrays);
    /// `relativePath` gives the path written beside each fingerprint.
    public static func render(_ diagnostics: [Diagnostic], fingerprints: [String], relativePath: (String) -> String) -> String {
        let entries = zip(diagnostics, fingerprints).map { diagnostic, fingerprint in
            "    " + JSONWriter.object([
                ("fingerprint", JSONWriter.quote(fingerprint)),
                ("rule", JSONWriter.quote(diagnostic.ruleID)),
                ("path", JSONWriter.quote(relativePath(diagnostic.path))),
                ("message", JSONWriter.quote(diagnostic.message)),
            ])
        }
        let list = entries.isEmpty ? "[]" : "[\n" + entries.joined(separator: ",\n") + "\n  ]"
        return "{\n  \"version\": 1,\n  \"tool\": \"harbor-scaffold\",\n  \"findings\": \(list)\n}\n"
    }

    /// Which of `fingerprints` are new: each baseline entry absorbs one finding with its fingerprint.
    public func isNew(_ fingerprints: [String]) -> [Bool] {
        var remaining = self.fingerprints
        return fingerprints.map { fingerprint in
            guard let left = remaining[fingerprint], left > 0 else { return true }
            remaining[fingerprint] = left - 1
            return false
        }
    }
}
