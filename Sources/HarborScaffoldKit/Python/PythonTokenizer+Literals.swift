/// Names, numbers, strings, operators and invalid characters.
extension PythonTokenizerState {
    /// Keywords that may directly follow a number (`1if x else 2` is valid Python).
    private static let keywordsAfterNumbers: Set<PythonKeyword> = [.and, .else, .for, .if, .in, .is, .not, .or]

    /// A name, a keyword, or the prefix of a string literal.
    mutating func readName(firstLength: Int) {
        let start = index
        let end = PythonCharacters.identifierEnd(bytes, from: index + firstLength, limit: limit)
        if PythonCharacters.isQuote(at(end)), let prefix = PythonStringPrefix(bytes, start..<end) {
            readString(prefixStart: start, quoteOffset: end, prefix: prefix)
            return
        }
        let keyword = PythonKeyword.lookup(bytes, start..<end)
        if keyword == nil && PythonCharacters.isQuote(at(end)) && !isSoftKeyword(start..<end) {
            issue(.invalidSyntax, "invalid syntax: a name directly followed by a string (invalid string prefix?)",
                  start..<end)
        }
        append(.name, start..<end, keyword: keyword)
        index = end
    }

    /// True for `match` and `case`, which may be directly followed by a string (`case"x":`).
    private func isSoftKeyword(_ range: Range<Int>) -> Bool {
        bytes[range].elementsEqual("match".utf8) || bytes[range].elementsEqual("case".utf8)
    }

    /// A string literal whose prefix starts at `prefixStart` and whose opening quote is at `quoteOffset`.
    mutating func readString(prefixStart: Int, quoteOffset: Int, prefix: PythonStringPrefix) {
        var scanner = PythonStringScanner(bytes: bytes, limit: limit)
        let result = scanner.scan(quoteAt: quoteOffset, prefix: prefix)
        let end = min(max(result.end, quoteOffset + 1), limit)
        if let problem = scanner.problem {
            issue(.invalidFString, problem.message, problem.offset..<problem.offset + 1)
            append(result.terminated ? .string : .errorToken, prefixStart..<end)
        } else if result.terminated {
            if let previous = lastStringIsBytes, previous != prefix.isBytes {
                issue(.invalidSyntax, "cannot mix bytes and nonbytes literals", prefixStart..<end)
            }
            append(.string, prefixStart..<end)
            lastStringIsBytes = prefix.isBytes
        } else {
            let quote = at(quoteOffset)
            let triple = at(quoteOffset + 1) == quote && at(quoteOffset + 2) == quote
            let line = source.line(containing: end)
            let opening = prefixStart..<quoteOffset + (triple ? 3 : 1)
            if triple {
                issue(.unterminatedTripleQuotedString,
                      "unterminated triple-quoted string literal (detected at line \(line))", opening)
            } else {
                issue(.unterminatedString, "unterminated string literal (detected at line \(line))", opening)
            }
            append(.errorToken, prefixStart..<end)
        }
        index = end
    }

    /// A numeric literal, with CPython's checks for malformed ones.
    mutating func readNumber() {
        let start = index
        var literal = "decimal"
        let marker = at(index + 1) | 0x20
        if at(index) == 0x30 && (marker == 0x78 || marker == 0x6F || marker == 0x62) {  // 0x 0o 0b
            literal = marker == 0x78 ? "hexadecimal" : marker == 0x6F ? "octal" : "binary"
            let isDigit: (UInt8) -> Bool
            switch marker {
            case 0x78: isDigit = PythonCharacters.isHexDigit
            case 0x6F: isDigit = PythonCharacters.isOctalDigit
            default: isDigit = { $0 == 0x30 || $0 == 0x31 }
            }
            index += 2
            let digits = readDigits(isDigit, underscoreFirst: true)
            if digits == 0 {
                issue(.invalidNumber, "invalid \(literal) literal", start..<index)
            } else if marker != 0x78 && PythonCharacters.isDigit(at(index)) {
                let digit = String(UnicodeScalar(at(index)))
                issue(.invalidNumber, "invalid digit '\(digit)' in \(literal) literal", index..<index + 1)
                while PythonCharacters.isDigit(at(index)) { index += 1 }
            }
        } else {
            var isInteger = true
            _ = readDigits(PythonCharacters.isDigit, underscoreFirst: false)
            if at(index) == PythonCharacters.dot {
                index += 1
                isInteger = false
                _ = readDigits(PythonCharacters.isDigit, underscoreFirst: false)
            }
            if at(index) | 0x20 == 0x65 {  // e
                let sign = at(index + 1)
                let signed = sign == 0x2B || sign == 0x2D
                if PythonCharacters.isDigit(at(index + (signed ? 2 : 1))) {
                    index += signed ? 2 : 1
                    _ = readDigits(PythonCharacters.isDigit, underscoreFirst: false)
                    isInteger = false
                }
            }
            if at(index) | 0x20 == 0x6A {  // j
                index += 1
                isInteger = false
            }
            if isInteger && at(start) == 0x30 && bytes[start..<index].contains(where: { $0 > 0x30 && $0 <= 0x39 }) {
                issue(.invalidNumber, "leading zeros in decimal integer literals are not permitted; "
                      + "use an 0o prefix for octal integers", start..<index)
            }
        }
        checkNumberEnd(literal: literal)
        append(.number, start..<max(index, start + 1))
        index = max(index, start + 1)
    }

    /// Digits with single underscores between them (and, after `0x`/`0o`/`0b`, before the first);
    /// returns how many digits were read.
    private mutating func readDigits(_ isDigit: (UInt8) -> Bool, underscoreFirst: Bool) -> Int {
        var count = 0
        while index < limit {
            let current = bytes[index]
            if isDigit(current) {
                count += 1
                index += 1
            } else if current == PythonCharacters.underscore && isDigit(at(index + 1)) && (count > 0 || underscoreFirst) {
                index += 1
            } else {
                break
            }
        }
        return count
    }

    /// A number directly followed by a name is an error unless the name is a keyword like `if`.
    private mutating func checkNumberEnd(literal: String) {
        guard PythonCharacters.identifierStartLength(bytes, at: index, limit: limit) != nil else { return }
        let end = PythonCharacters.identifierEnd(bytes, from: index, limit: limit)
        if let keyword = PythonKeyword.lookup(bytes, index..<end),
           PythonTokenizerState.keywordsAfterNumbers.contains(keyword) {
            return
        }
        issue(.invalidNumber, "invalid \(literal) literal", index..<index + 1)
    }

    /// An operator or delimiter; returns false when none starts at the current byte.
    mutating func readOperator() -> Bool {
        let first = at(index)
        let second = at(index + 1)
        let third = at(index + 2)
        var length = 0
        switch (first, second, third) {
        case (0x2A, 0x2A, 0x3D), (0x2F, 0x2F, 0x3D), (0x3E, 0x3E, 0x3D), (0x3C, 0x3C, 0x3D), (0x2E, 0x2E, 0x2E):
            length = 3  // **= //= >>= <<= ...
        case (0x21, 0x3D, _), (0x25, 0x3D, _), (0x26, 0x3D, _), (0x2A, 0x2A, _), (0x2A, 0x3D, _), (0x2B, 0x3D, _),
             (0x2D, 0x3D, _), (0x2D, 0x3E, _), (0x2F, 0x2F, _), (0x2F, 0x3D, _), (0x3A, 0x3D, _), (0x3C, 0x3C, _),
             (0x3C, 0x3D, _), (0x3D, 0x3D, _), (0x3E, 0x3D, _), (0x3E, 0x3E, _), (0x40, 0x3D, _), (0x5E, 0x3D, _),
             (0x7C, 0x3D, _):
            length = 2  // != %= &= ** *= += -= -> // /= := << <= == >= >> @= ^= |=
        case (0x25, _, _), (0x26, _, _), (0x28, _, _), (0x29, _, _), (0x2A, _, _), (0x2B, _, _), (0x2C, _, _),
             (0x2D, _, _), (0x2E, _, _), (0x2F, _, _), (0x3A, _, _), (0x3B, _, _), (0x3C, _, _), (0x3D, _, _),
             (0x3E, _, _), (0x40, _, _), (0x5B, _, _), (0x5D, _, _), (0x5E, _, _), (0x7B, _, _), (0x7C, _, _),
             (0x7D, _, _), (0x7E, _, _):
            length = 1  // % & ( ) * + , - . / : ; < = > @ [ ] ^ { | } ~
        default:
            return false
        }
        let start = index
        index += length
        if length == 1 { trackBracket(first, at: start) }
        if first == 0x3C && second == 0x3E {  // <>
            issue(.invalidSyntax, "invalid syntax: '<>' is not an operator in Python 3; use '!='", start..<start + 2)
        }
        append(.op, start..<index)
        return true
    }

    /// Keeps the bracket stack, reporting unmatched and mismatched closing brackets.
    private mutating func trackBracket(_ byte: UInt8, at offset: Int) {
        switch byte {
        case 0x28, 0x5B, 0x7B:
            if brackets.count == PythonTokenizerState.maximumBrackets && !reportedDeepBrackets {
                reportedDeepBrackets = true
                issue(.tooDeeplyNested, "too many nested parentheses", offset..<offset + 1)
            }
            brackets.append((byte, offset))
        case 0x29, 0x5D, 0x7D:
            let closing = String(UnicodeScalar(byte))
            guard let open = brackets.popLast() else {
                issue(.unmatchedBracket, "unmatched '\(closing)'", offset..<offset + 1)
                return
            }
            let expected: UInt8 = open.byte == 0x28 ? 0x29 : open.byte == 0x5B ? 0x5D : 0x7D
            if byte != expected {
                let opening = String(UnicodeScalar(open.byte))
                let openLine = source.line(containing: open.offset)
                let suffix = openLine == source.line(containing: offset) ? "" : " on line \(openLine)"
                issue(.mismatchedBracket,
                      "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'\(suffix)",
                      offset..<offset + 1)
            }
        default:
            break
        }
    }

    /// A character that cannot start any token.
    mutating func readInvalidCharacter() {
        let (scalar, decodedLength) = PythonCharacters.scalar(bytes, at: index, limit: limit)
        let length = max(1, min(decodedLength, limit - index))
        let range = index..<index + length
        let message: String
        if let scalar {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            if scalar.value == 0 {
                message = "source code cannot contain null bytes"
            } else if scalar.value == 0x21 {
                message = "invalid syntax: '!' is only valid in '!=' and f-strings"
            } else if PythonTokenizerState.isNonPrintable(scalar) {
                message = "invalid non-printable character \(code)"
            } else {
                message = "invalid character '\(Character(scalar))' (\(code))"
            }
        } else {
            message = "invalid UTF-8 byte"
        }
        issue(.invalidCharacter, message, range)
        append(.errorToken, range)
        index += length
    }

    private static func isNonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return true
        default:
            return false
        }
    }
}
