/// MinHash signatures of drafts, for near-duplicate detection without comparing every pair.
///
/// A draft's shingles are its word 3-grams (per field, from the token hashes the parser already
/// computed). The signature is a one-permutation MinHash (Li, Owen and Zhang 2012) with optimal
/// densification (Shrivastava 2017): each shingle is hashed once, the hash's top bits choose one
/// of ``slots`` bins and each bin keeps its minimum; empty bins borrow from a deterministic,
/// bin-specific sequence of other bins. Two signatures agree in a slot with probability equal to
/// the Jaccard similarity of the shingle sets, so the fraction of equal slots estimates it, at a
/// cost of one hash per shingle instead of one per shingle and slot.
public enum MinHash {
    /// One slot of a signature: the low 16 bits of the bin's minimum hash ("b-bit minwise hashing",
    /// Li and König 2010). Two different minima agree by chance with probability 2⁻¹⁶, which biases
    /// the estimate by less than 0.0001 and halves the memory of 32-bit slots.
    public typealias Value = UInt16

    /// Slots per signature.
    public static let slots = 128
    /// Words per shingle.
    public static let shingleWords = 3
    /// The value of every slot of a signature with no shingle at all.
    public static let emptySlot = Value.max

    /// The fields whose wording identifies a draft (Language, Category and Difficulty are single
    /// words shared by many drafts, and would only add noise).
    public static let fields: [DraftFieldKind] = [.task, .instructions, .environmentSetup, .testing, .coreSkillsTested, .keyTechnologies]

    /// Writes the signature of `draft` into `signature` (``slots`` values) and returns the number of
    /// word tokens it was computed from.
    @discardableResult
    public static func sign(_ draft: DraftSpec, into signature: UnsafeMutableBufferPointer<Value>) -> Int {
        precondition(signature.count == slots)
        var minima = Minima()
        var tokens = 0
        for field in draft.fields {
            guard let kind = field.kind, fields.contains(kind) else { continue }
            let hashes = field.tokens.hashes
            tokens += hashes.count
            if hashes.count < shingleWords {
                if !hashes.isEmpty { minima.add(hashes.reduce(0x51_7cc1_b727_220a) { combine($0, $1) }) }
                continue
            }
            for start in 0...(hashes.count - shingleWords) {
                minima.add(combine(combine(combine(0x51_7cc1_b727_220a, hashes[start]), hashes[start + 1]), hashes[start + 2]))
            }
        }
        minima.write(into: signature)
        return tokens
    }

    /// The minimum hash per bin while shingles are added, and which bins have one.
    struct Minima {
        var values = [UInt64](repeating: .max, count: MinHash.slots)
        var filled: (low: UInt64, high: UInt64) = (0, 0)

        @inline(__always)
        mutating func add(_ shingle: UInt64) {
            let hash = MinHash.mix(shingle)
            let bin = Int(hash >> 57)
            let value = hash & 0x01FF_FFFF_FFFF_FFFF
            if value < values[bin] { values[bin] = value }
            if bin < 64 { filled.low |= 1 << UInt64(bin) } else { filled.high |= 1 << UInt64(bin - 64) }
        }

        @inline(__always)
        func isFilled(_ bin: Int) -> Bool {
            bin < 64 ? filled.low & (1 << UInt64(bin)) != 0 : filled.high & (1 << UInt64(bin - 64)) != 0
        }

        /// The signature: each bin's minimum cut to ``Value``; an empty bin takes the minimum of the
        /// first filled bin of its own probe sequence `mix(bin, attempt) % slots` (optimal densification).
        func write(into signature: UnsafeMutableBufferPointer<Value>) {
            guard filled.low != 0 || filled.high != 0 else {
                for index in 0..<MinHash.slots { signature[index] = MinHash.emptySlot }
                return
            }
            for index in 0..<MinHash.slots {
                var source = index
                var attempt: UInt64 = 1
                while !isFilled(source) {
                    source = Int(MinHash.mix(UInt64(index) << 32 | attempt) % UInt64(MinHash.slots))
                    attempt += 1
                }
                signature[index] = Value(truncatingIfNeeded: values[source])
            }
        }
    }

    /// The signature of `draft` as an array.
    public static func signature(of draft: DraftSpec) -> [MinHash.Value] {
        var out = [MinHash.Value](repeating: emptySlot, count: slots)
        out.withUnsafeMutableBufferPointer { _ = sign(draft, into: $0) }
        return out
    }

    /// The estimated Jaccard similarity of two signatures: the fraction of slots that agree.
    @inline(__always)
    public static func similarity(_ a: UnsafeBufferPointer<MinHash.Value>, _ b: UnsafeBufferPointer<MinHash.Value>) -> Double {
        var equal = 0
        for index in 0..<slots where a[index] == b[index] { equal += 1 }
        return Double(equal) / Double(slots)
    }

    @inline(__always)
    static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        (seed ^ value) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }

    /// The SplitMix64 finaliser: a fast, well-mixed 64-bit hash of `value`.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A pair of near-duplicate drafts, by index, with their estimated similarity.
public struct NearDuplicatePair: Sendable, Equatable {
    /// The lower index.
    public let first: Int
    /// The higher index.
    public let second: Int
    /// Estimated Jaccard similarity of their shingles, 0...1.
    public let similarity: Double
}

/// Locality-sensitive hashing over MinHash signatures: signatures are cut into ``bands`` bands of
/// ``rows`` slots; drafts whose band agrees in some band become candidates, and candidates are
/// kept when their signatures agree in at least the threshold's share of slots.
///
/// With 32 bands of 4 rows a pair of similarity s becomes a candidate with probability
/// 1 − (1 − s⁴)³²: 0.87 at s = 0.5, 0.985 at 0.6, 0.9998 at 0.7, but 0.05 at 0.2 and 0.0003 at 0.1
/// (unrelated drafts score 0.0–0.1, a reworded copy 0.5–0.9). Work is one sort
/// per band (n log n) plus the candidates, never all n² pairs. A band value shared by more than
/// ``largeBucket`` drafts (many copies of one text) pairs each of them with the bucket's first draft
/// only, so a pathological workspace stays near-linear.
public enum NearDuplicates {
    /// Slots per band.
    public static let rows = 4
    /// Bands per signature (``rows`` × ``bands`` ≤ ``MinHash/slots``).
    public static let bands = 32
    /// Buckets larger than this pair their members with the first member only.
    public static let largeBucket = 64
    /// The default similarity threshold.
    public static let defaultThreshold = 0.5

    /// Near-duplicate pairs among `count` signatures stored back to back in `signatures`, skipping
    /// drafts where `eligible` is false; sorted by first, then second index.
    public static func pairs(
        signatures: [MinHash.Value], count: Int, eligible: [Bool], threshold: Double = defaultThreshold
    ) -> [NearDuplicatePair] {
        precondition(signatures.count == count * MinHash.slots && eligible.count == count)
        let members = (0..<count).filter { eligible[$0] }
        guard members.count > 1 else { return [] }
        let perBand = ParallelSlots<[UInt64]>(count: bands, initial: [])
        signatures.withUnsafeBufferPointer { all in
            let base = UncheckedSendable(all)
            Parallel.forEach(bands) { band in
                perBand[band] = candidates(in: band, members: members, signatures: base.value)
            }
        }
        var found = perBand.values.flatMap { $0 }
        found.sort()
        var result: [NearDuplicatePair] = []
        var previous: UInt64 = .max
        signatures.withUnsafeBufferPointer { all in
            for key in found where key != previous {
                previous = key
                let first = Int(key >> 32)
                let second = Int(key & 0xFFFF_FFFF)
                let a = UnsafeBufferPointer(rebasing: all[(first * MinHash.slots)..<((first + 1) * MinHash.slots)])
                let b = UnsafeBufferPointer(rebasing: all[(second * MinHash.slots)..<((second + 1) * MinHash.slots)])
                let similarity = MinHash.similarity(a, b)
                if similarity >= threshold {
                    result.append(NearDuplicatePair(first: first, second: second, similarity: similarity))
                }
            }
        }
        return result
    }

    /// Candidate pairs (`first << 32 | second`) from one band.
    static func candidates(in band: Int, members: [Int], signatures: UnsafeBufferPointer<MinHash.Value>) -> [UInt64] {
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(members.count)
        for index in members {
            var key = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
            let start = index * MinHash.slots + band * rows
            for row in 0..<rows { key = MinHash.combine(key, UInt64(signatures[start + row])) }
            keyed.append((key, index))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        var out: [UInt64] = []
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
            if end - start > 1 {
                if end - start > largeBucket {
                    for other in (start + 1)..<end { out.append(UInt64(keyed[start].index) << 32 | UInt64(keyed[other].index)) }
                } else {
                    for i in start..<end {
                        for j in (i + 1)..<end { out.append(UInt64(keyed[i].index) << 32 | UInt64(keyed[j].index)) }
                    }
                }
            }
            start = end
        }
        return out
    }
}
