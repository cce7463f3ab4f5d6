@testable import HarborScaffoldKit

/// Parses `text` as a TOML document.
func parseTOML(_ text: String) throws(TOMLError) -> TOMLTable {
    try TOMLParser.parse(SourceText(path: "test.toml", text: text))
}

/// The error `text` produces, or nil when it parses.
func tomlError(_ text: String) -> TOMLError? {
    do {
        _ = try parseTOML(text)
        return nil
    } catch {
        return error
    }
}

/// A position, shorter to write in expectations.
func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

/// A range, shorter to write in expectations.
func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(start: pos(startLine, startColumn), end: pos(endLine, endColumn))
}

/// SplitMix64: a tiny deterministic PRNG for the fuzz and round-trip tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
