/// Builds workspace examples for rule descriptions: several drafts under `data_points/`, each a
/// variant of the clean example draft, with optional `metadata.json` files.
public enum WorkspaceExample {
    /// A clean draft unlike ``DraftExample/base`` in every field but the format.
    public static let otherDraftText = """
        Task: Stop the webhook delivery worker from leaking database connections in an Express service
        Language: javascript
        Category: memory_management
        Instructions: The notification service's delivery worker opens a pg pool client per retry and never releases it when the partner endpoint times out, so after a few hours every request waits for a connection. Find the leak across the worker, the retry scheduler and the repository layer, and make the worker release connections on every path without changing the delivery semantics.
        Environment Setup: Node.js 20 with Express and the pg driver, PostgreSQL 16 in the same container, and a stub partner endpoint that can be told to time out; the service listens on port 3000.
        Testing: Tests will drive 500 deliveries against a stub that times out every third call and verify that pg_stat_activity shows at most 10 connections afterwards, that every delivery ends in the delivered or failed state in the deliveries table, and that the health endpoint returns 200 within the run.
        Difficulty: hard
        Core Skills Tested: Resource lifetime analysis, async error paths, connection pooling, reading an unfamiliar Node.js codebase
        Key Technologies: Express, Node.js 20, PostgreSQL 16, pg, pytest

        """

    /// Drafts keyed by id (texts), with `metadata.json` contents keyed by id.
    public static func drafts(_ drafts: [(id: String, text: String)], metadata: [String: String] = [:], excerpt: String) -> RuleExample {
        var files: [String: String] = [:]
        for draft in drafts { files["data_points/\(draft.id)/\(DataPointReference.draftFileName)"] = draft.text }
        for (id, json) in metadata { files["data_points/\(id)/\(DataPointMetadata.fileName)"] = json }
        return RuleExample(files: files, excerpt: excerpt)
    }

    /// `count` variants of the base draft numbered from 1, each with `fields` replaced as `vary` says.
    public static func numbered(_ count: Int, from first: Int = 1, _ vary: (Int) -> [DraftFieldKind: String]) -> [(id: String, text: String)] {
        (first..<(first + count)).map { number in
            let padded = number < 10 ? "0\(number)" : "\(number)"
            return ("draft_dp_\(padded)", DraftExample.with(vary(number)).files.values.first ?? "")
        }
    }

    /// A `metadata.json` naming `parent` (and `category` when given).
    public static func metadata(parent: String, category: String? = nil) -> String {
        var members = [("parent", JSONWriter.quote(parent))]
        if let category { members.append(("category", JSONWriter.quote(category))) }
        return JSONWriter.object(members) + "\n"
    }
}
