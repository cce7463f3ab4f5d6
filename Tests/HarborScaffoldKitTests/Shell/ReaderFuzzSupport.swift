/// Deterministic pseudo-random numbers (splitmix64) for the reader fuzz tests.
struct ReaderFuzzRandom {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { generator.next() }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    /// Random bytes biased towards characters that matter to the readers.
    mutating func bytes(count: Int) -> [UInt8] {
        let interesting = Array("\\\"'`$(){}[]<>|&;#=-\n\t *?!~:@,.0123456789ABCabcEOF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            switch below(4) {
            case 0: result.append(UInt8(truncatingIfNeeded: next()))
            default: result.append(interesting[below(interesting.count)])
            }
        }
        return result
    }

    /// `sample` with a few random edits: byte changes, insertions of syntax, deletions and duplications.
    mutating func mutate(_ sample: [UInt8]) -> [UInt8] {
        var bytes = sample
        let fragments = ["$(", "`", "\"", "'", "<<EOF\n", "\\\n", "${", "((", "if ", "fi", "done", "case ", "esac",
            "{", "}", "(", ")", ";;", "&&", "|", "\n", "#", "[\"", "\"]", "RUN ", "--mount=", "AS ", "<<-", "\r\n", "é"]
        let edits = 1 + below(6)
        for _ in 0..<edits {
            let position = below(bytes.count + 1)
            switch below(5) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
            case 1:
                bytes.insert(contentsOf: Array(fragments[below(fragments.count)].utf8), at: position)
            case 2 where !bytes.isEmpty:
                let length = min(1 + below(20), bytes.count - min(position, bytes.count - 1))
                let start = min(position, bytes.count - 1)
                bytes.removeSubrange(start..<(start + length))
            case 3 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1)
                let length = min(1 + below(30), bytes.count - start)
                bytes.insert(contentsOf: Array(bytes[start..<(start + length)]), at: start)
            default:
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: position)
            }
        }
        return bytes
    }
}
