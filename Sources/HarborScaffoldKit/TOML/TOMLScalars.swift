/// Unquoted values: booleans, integers, floats and date-times.
extension TOMLReader {
    /// Reads the unquoted value at the reader: the longest run of `A-Z a-z 0-9 _ + - . :`
    /// (plus the time after a date when they are separated by one space), then checks it.
    mutating func parseScalar() throws(TOMLError) -> TOMLValue {
        let start = offset
        var end = offset
        while let byte = byte(at: end), TOMLBytes.isScalarTokenByte(byte) { end += 1 }
        if end - start == 10, TOMLReader.isFullDate(bytes[start..<end]), byte(at: end) == TOMLBytes.space,
           let first = byte(at: end + 1), TOMLBytes.isDigit(first),
           let second = byte(at: end + 2), TOMLBytes.isDigit(second), byte(at: end + 3) == TOMLBytes.colon {
            end += 1
            while let byte = byte(at: end), TOMLBytes.isScalarTokenByte(byte) { end += 1 }
        }
        offset = end
        return try scalarValue(Array(bytes[start..<end]), at: start)
    }

    private static func isFullDate(_ token: ArraySlice<UInt8>) -> Bool {
        let t = Array(token)
        guard t.count >= 10 else { return false }
        for position in [0, 1, 2, 3, 5, 6, 8, 9] where !TOMLBytes.isDigit(t[position]) { return false }
        return t[4] == TOMLBytes.minus && t[7] == TOMLBytes.minus
    }

    private mutating func scalarValue(_ token: [UInt8], at start: Int) throws(TOMLError) -> TOMLValue {
        let shown = String(decoding: token, as: UTF8.self)
        if shown == "true" { return .boolean(true) }
        if shown == "false" { return .boolean(false) }
        guard let first = token.first else {
            throw error("expected a value, found \(describe(at: start))", at: start)
        }
        if token.count >= 5, token[0...3].allSatisfy(TOMLBytes.isDigit), token[4] == TOMLBytes.minus {
            return try dateTimeValue(token, at: start)
        }
        if token.count >= 3, token[0...1].allSatisfy(TOMLBytes.isDigit), token[2] == TOMLBytes.colon {
            return try localTimeValue(token, at: start)
        }
        let hasSign = first == TOMLBytes.plus || first == TOMLBytes.minus
        let negative = first == TOMLBytes.minus
        let body = token[(hasSign ? 1 : 0)...]
        let bodyText = String(decoding: body, as: UTF8.self)
        if bodyText == "inf" { return .float(negative ? -Double.infinity : Double.infinity) }
        if bodyText == "nan" { return .float(negative ? -Double.nan : Double.nan) }
        if body.count >= 2, body[body.startIndex] == 0x30,
           let radix = TOMLReader.radix(of: body[body.startIndex + 1]) {
            if hasSign {
                throw error("invalid integer '\(shown)': hexadecimal, octal and binary integers cannot have a sign", at: start)
            }
            return try radixInteger(body.dropFirst(2), radix: radix, shown: shown, at: start)
        }
        guard let firstDigit = body.first, TOMLBytes.isDigit(firstDigit) || firstDigit == TOMLBytes.dot else {
            if body.allSatisfy(TOMLBytes.isBareKeyByte), body.contains(where: TOMLBytes.isLetter) {
                throw error("invalid value '\(shown)' (strings must be quoted)", at: start)
            }
            throw error("invalid value '\(shown)'", at: start)
        }
        if body.contains(where: { $0 == TOMLBytes.dot || $0 == 0x65 || $0 == 0x45 }) {
            return try floatValue(body, negative: negative, shown: shown, at: start)
        }
        return try decimalInteger(body, negative: negative, shown: shown, at: start)
    }

    private static func radix(of byte: UInt8) -> UInt64? {
        switch byte {
        case 0x78: return 16  // x
        case 0x6F: return 8   // o
        case 0x62: return 2   // b
        default: return nil
        }
    }

    /// Why `digits` is not a run of digits separated by single underscores, or nil when it is.
    private static func digitProblem(_ digits: ArraySlice<UInt8>, isDigit: (UInt8) -> Bool, what: String) -> String? {
        guard let first = digits.first, let last = digits.last else { return "expected \(what)" }
        var previous: UInt8 = 0
        for byte in digits {
            if byte == TOMLBytes.underscore {
                if previous == TOMLBytes.underscore { return "'_' must be between digits" }
            } else if !isDigit(byte) {
                if byte > 0x20, byte < 0x7F { return "unexpected character '\(String(UnicodeScalar(byte)))'" }
                return "unexpected character"
            }
            previous = byte
        }
        if first == TOMLBytes.underscore || last == TOMLBytes.underscore { return "'_' must be between digits" }
        return nil
    }

    private mutating func decimalInteger(_ body: ArraySlice<UInt8>, negative: Bool, shown: String, at start: Int) throws(TOMLError) -> TOMLValue {
        if let problem = TOMLReader.digitProblem(body, isDigit: TOMLBytes.isDigit, what: "digits") {
            throw error("invalid integer '\(shown)': \(problem)", at: start)
        }
        if body.count > 1, body.first == 0x30 {
            throw error("invalid integer '\(shown)': leading zeros are not allowed", at: start)
        }
        var value: Int64 = 0
        for byte in body where byte != TOMLBytes.underscore {
            let digit = Int64(byte - 0x30)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 {
                throw error("integer '\(shown)' is out of range (64-bit integers are between -9223372036854775808 and 9223372036854775807)",
                            at: start)
            }
            value = next
        }
        return .integer(value)
    }

    private mutating func radixInteger(_ digits: ArraySlice<UInt8>, radix: UInt64, shown: String, at start: Int) throws(TOMLError) -> TOMLValue {
        let isDigit: (UInt8) -> Bool
        let what: String
        switch radix {
        case 16: isDigit = { CodePoint.hexValue($0) != nil }; what = "hexadecimal digits"
        case 8: isDigit = { $0 >= 0x30 && $0 <= 0x37 }; what = "octal digits"
        default: isDigit = { $0 == 0x30 || $0 == 0x31 }; what = "binary digits"
        }
        if let problem = TOMLReader.digitProblem(digits, isDigit: isDigit, what: what) {
            throw error("invalid integer '\(shown)': \(problem)", at: start)
        }
        var value: UInt64 = 0
        for byte in digits where byte != TOMLBytes.underscore {
            let digit = UInt64(CodePoint.hexValue(byte) ?? 0)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 || next > UInt64(Int64.max) {
                throw error("integer '\(shown)' is out of range (the largest 64-bit integer is 0x7fffffffffffffff)", at: start)
            }
            value = next
        }
        return .integer(Int64(value))
    }

    private mutating func floatValue(_ body: ArraySlice<UInt8>, negative: Bool, shown: String, at start: Int) throws(TOMLError) -> TOMLValue {
        let isExponentMark: (UInt8) -> Bool = { $0 == 0x65 || $0 == 0x45 }
        let integerEnd = body.firstIndex(where: { $0 == TOMLBytes.dot || isExponentMark($0) }) ?? body.endIndex
        let integerPart = body[body.startIndex..<integerEnd]
        if let problem = TOMLReader.digitProblem(integerPart, isDigit: TOMLBytes.isDigit, what: "digits before the fraction or exponent") {
            throw error("invalid float '\(shown)': \(problem)", at: start)
        }
        if integerPart.count > 1, integerPart.first == 0x30 {
            throw error("invalid float '\(shown)': leading zeros are not allowed", at: start)
        }
        var rest = body[integerEnd...]
        if rest.first == TOMLBytes.dot {
            let fractionEnd = rest.firstIndex(where: isExponentMark) ?? rest.endIndex
            let fraction = rest[(rest.startIndex + 1)..<fractionEnd]
            if let problem = TOMLReader.digitProblem(fraction, isDigit: TOMLBytes.isDigit, what: "digits after '.'") {
                throw error("invalid float '\(shown)': \(problem)", at: start)
            }
            rest = rest[fractionEnd...]
        }
        if let mark = rest.first, isExponentMark(mark) {
            var exponent = rest.dropFirst()
            if let sign = exponent.first, sign == TOMLBytes.plus || sign == TOMLBytes.minus { exponent = exponent.dropFirst() }
            if let problem = TOMLReader.digitProblem(exponent, isDigit: TOMLBytes.isDigit, what: "digits in the exponent") {
                throw error("invalid float '\(shown)': \(problem)", at: start)
            }
        }
        var literal = negative ? "-" : ""
        literal.unicodeScalars.append(contentsOf: body.lazy.filter { $0 != TOMLBytes.underscore }.map { Unicode.Scalar($0) })
        guard let value = Double(literal) else {
            throw error("invalid float '\(shown)'", at: start)
        }
        guard value.isFinite else {
            throw error("float '\(shown)' is out of range for a 64-bit float", at: start)
        }
        return .float(value)
    }

    // MARK: Date-times

    private static let dateTimeFormat =
        "expected YYYY-MM-DD, HH:MM:SS or YYYY-MM-DDTHH:MM:SS with optional .fraction and Z or ±HH:MM offset"

    /// Reads `count` digits at `index` of `token`, or nil.
    private static func number(_ token: [UInt8], _ index: Int, _ count: Int) -> Int? {
        guard index >= 0, index + count <= token.count else { return nil }
        var value = 0
        for position in index..<(index + count) {
            guard TOMLBytes.isDigit(token[position]) else { return nil }
            value = value * 10 + Int(token[position] - 0x30)
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private mutating func dateTimeValue(_ token: [UInt8], at start: Int) throws(TOMLError) -> TOMLValue {
        let shown = String(decoding: token, as: UTF8.self)
        guard let year = TOMLReader.number(token, 0, 4), token.count >= 10, token[4] == TOMLBytes.minus,
              let month = TOMLReader.number(token, 5, 2), token[7] == TOMLBytes.minus,
              let day = TOMLReader.number(token, 8, 2) else {
            throw error("invalid date-time '\(shown)': \(TOMLReader.dateTimeFormat)", at: start)
        }
        guard (1...12).contains(month) else {
            throw error("invalid date '\(shown)': month must be between 01 and 12", at: start + 5)
        }
        guard day >= 1, day <= TOMLReader.daysIn(month: month, year: year) else {
            throw error("invalid date '\(shown)': day must be between 01 and \(TOMLReader.daysIn(month: month, year: year)) for this month",
                        at: start + 8)
        }
        if token.count == 10 { return .dateTime(shown) }
        let separator = token[10]
        guard separator == 0x54 || separator == 0x74 || separator == TOMLBytes.space else {  // T, t, space
            throw error("invalid date-time '\(shown)': \(TOMLReader.dateTimeFormat)", at: start)
        }
        var index = try timeFields(token, from: 11, shown: shown, at: start)
        guard index < token.count else { return .dateTime(shown) }
        let zone = token[index]
        if zone == 0x5A || zone == 0x7A {  // Z, z
            index += 1
        } else if zone == TOMLBytes.plus || zone == TOMLBytes.minus {
            guard let hours = TOMLReader.number(token, index + 1, 2), index + 3 < token.count, token[index + 3] == TOMLBytes.colon,
                  let minutes = TOMLReader.number(token, index + 4, 2) else {
                throw error("invalid date-time '\(shown)': \(TOMLReader.dateTimeFormat)", at: start)
            }
            guard hours <= 23 else {
                throw error("invalid date-time '\(shown)': offset hour must be between 00 and 23", at: start + index + 1)
            }
            guard minutes <= 59 else {
                throw error("invalid date-time '\(shown)': offset minute must be between 00 and 59", at: start + index + 4)
            }
            index += 6
        }
        guard index == token.count else {
            throw error("invalid date-time '\(shown)': \(TOMLReader.dateTimeFormat)", at: start)
        }
        return .dateTime(shown)
    }

    private mutating func localTimeValue(_ token: [UInt8], at start: Int) throws(TOMLError) -> TOMLValue {
        let shown = String(decoding: token, as: UTF8.self)
        let end = try timeFields(token, from: 0, shown: shown, at: start)
        guard end == token.count else {
            throw error("invalid time '\(shown)': \(TOMLReader.dateTimeFormat)", at: start)
        }
        return .dateTime(shown)
    }

    /// Checks `HH:MM:SS[.fraction]` at `index`; returns the index after it.
    private mutating func timeFields(_ token: [UInt8], from index: Int, shown: String, at start: Int) throws(TOMLError) -> Int {
        guard let hour = TOMLReader.number(token, index, 2), index + 2 < token.count, token[index + 2] == TOMLBytes.colon,
              let minute = TOMLReader.number(token, index + 3, 2), index + 5 < token.count, token[index + 5] == TOMLBytes.colon,
              let second = TOMLReader.number(token, index + 6, 2) else {
            throw error("invalid date-time '\(shown)': \(TOMLReader.dateTimeFormat)", at: start)
        }
        guard hour <= 23 else {
            throw error("invalid time in '\(shown)': hour must be between 00 and 23", at: start + index)
        }
        guard minute <= 59 else {
            throw error("invalid time in '\(shown)': minute must be between 00 and 59", at: start + index + 3)
        }
        guard second <= 60 else {
            throw error("invalid time in '\(shown)': second must be between 00 and 60", at: start + index + 6)
        }
        var end = index + 8
        if end < token.count, token[end] == TOMLBytes.dot {
            end += 1
            let fractionStart = end
            while end < token.count, TOMLBytes.isDigit(token[end]) { end += 1 }
            if end == fractionStart {
                throw error("invalid time in '\(shown)': expected digits after '.'", at: start + end - 1)
            }
        }
        return end
    }
}
