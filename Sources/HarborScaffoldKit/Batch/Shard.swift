/// One of `count` deterministic slices of a workspace's data points, for a CI matrix: `--shard 2/4`.
///
/// A data point belongs to shard `(FNV-1a-64(id) mod count) + 1`, so membership depends on the id
/// alone: it is the same on every machine and run, and adding a data point never moves others.
public struct Shard: Sendable, Equatable {
    /// The 1-based shard number.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// Creates shard `index` of `count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`, e.g. `2/4`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count <= 10_000 else { return nil }
        self.init(index: index, count: count)
    }

    /// True when the data point `id` belongs to this shard.
    public func contains(_ id: String) -> Bool {
        Int(Self.hash(id) % UInt64(count)) == index - 1
    }

    /// True for the shard that also runs the workspace rules (the first).
    public var runsWorkspaceRules: Bool { index == 1 }

    /// FNV-1a, 64 bits, of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }
}
