/// Reads numbers and sizes written next to tokens (`1.5 GB`, `64GB`, `5,000`, `three`), for rules that
/// judge how big something is.
enum Quantity {
    /// A size found in a text: its value in gigabytes and the tokens that state it.
    struct Size: Equatable {
        /// The size in gigabytes (decimal).
        let gigabytes: Double
        /// The byte range of the number and unit as written.
        let bytes: Range<Int>
    }

    private static let units: [(name: [UInt8], gigabytes: Double)] = [
        ("kb", 1e-6), ("kib", 1e-6), ("mb", 1e-3), ("mib", 1e-3), ("megabytes", 1e-3), ("gb", 1), ("gib", 1),
        ("gigabyte", 1), ("gigabytes", 1), ("tb", 1e3), ("tib", 1e3), ("terabyte", 1e3), ("terabytes", 1e3),
        ("pb", 1e6), ("petabytes", 1e6),
    ].map { (Array($0.0.utf8), $0.1) }

    private static let unitWords = PhraseSet(units.map { String(decoding: $0.name, as: UTF8.self) })

    /// Size units and number words, for the one-probe prefilter ``mayState(at:in:)``.
    private static let quantityWords = PhraseSet(units.map { String(decoding: $0.name, as: UTF8.self) } + numberNames)

    /// False when token `index` can start no size or count, so callers skip the other reads.
    @inline(__always) static func mayState(at index: Int, in text: TokenizedText) -> Bool {
        text.isNumeric[index] || quantityWords.match(in: text, at: index) != nil
    }

    /// The size stated by the unit token `index` (`GB` of `1.5 GB`) or the glued token (`64GB`).
    static func size(at index: Int, in text: TokenizedText, bytes: [UInt8]) -> Size? {
        guard text.isNumeric[index] || unitWords.match(in: text, at: index) != nil else { return nil }
        let token = text.ranges[index]
        var unitStart = token.lowerBound
        if text.isNumeric[index] {
            while unitStart < token.upperBound, LineScan.isDigit(bytes[unitStart]) { unitStart += 1 }
        }
        guard let unit = units.first(where: { unit in
            unit.name.count == token.upperBound - unitStart
                && LineScan.hasFolded(unit.name, at: unitStart, in: bytes, limit: token.upperBound)
        }) else { return nil }
        var numberEnd = unitStart
        if numberEnd == token.lowerBound {
            var cursor = numberEnd
            while cursor > 0, cursor > numberEnd - 2, bytes[cursor - 1] == 0x20 || bytes[cursor - 1] == UInt8(ascii: "-") {
                cursor -= 1
            }
            numberEnd = cursor
        }
        guard let number = number(endingAt: numberEnd, in: bytes) else { return nil }
        return Size(gigabytes: number.value * unit.gigabytes, bytes: number.start..<token.upperBound)
    }

    /// The decimal number written just before `end` (`1.5`, `5,000`, `64`).
    static func number(endingAt end: Int, in bytes: [UInt8]) -> (value: Double, start: Int)? {
        var start = end
        while start > 0, end - start < 24 {
            let byte = bytes[start - 1]
            guard LineScan.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") else { break }
            start -= 1
        }
        while start < end, !LineScan.isDigit(bytes[start]) { start += 1 }
        guard start < end else { return nil }
        if start > 0, TokenizedText.isWordByte(bytes[start - 1]) { return nil }
        var whole: Double = 0
        var fraction: Double = 0
        var scale: Double = 1
        var inFraction = false
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: ".") {
                if inFraction { return nil }
                inFraction = true
            } else if LineScan.isDigit(byte) {
                let digit = Double(byte - 0x30)
                if inFraction {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    whole = whole * 10 + digit
                }
            }
        }
        return (whole + fraction, start)
    }

    private static let numberNames = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// Number words; a phrase's index is its value minus one.
    private static let numberWords = PhraseSet(numberNames)

    /// The whole number token `index` states: digits (`16`, the `000` of `5,000` reads as 5000) or a
    /// number word up to twelve.
    static func count(at index: Int, in text: TokenizedText, bytes: [UInt8]) -> Int? {
        guard text.isNumeric[index] else { return numberWords.match(in: text, at: index).map { $0.phrase + 1 } }
        let token = text.ranges[index]
        var end = token.lowerBound
        while end < token.upperBound, LineScan.isDigit(bytes[end]) { end += 1 }
        guard end == token.upperBound, let number = number(endingAt: end, in: bytes), number.value < 1e9 else {
            return nil
        }
        return Int(number.value)
    }
}
