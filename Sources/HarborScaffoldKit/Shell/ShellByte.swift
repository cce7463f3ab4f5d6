/// Byte constants and small byte-level helpers shared by the shell and Dockerfile readers.
enum ShellByte {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let ampersand: UInt8 = 0x26
    static let singleQuote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let star: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let less: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greater: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let closeBrace: UInt8 = 0x7D

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    static func isNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == underscore }
    static func isNameCharacter(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == underscore }
    /// Space or tab.
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    /// Space, tab, newline, carriage return, vertical tab or form feed.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || (byte >= 0x09 && byte <= 0x0D) }

    /// The last path component of `path` (`/usr/bin/pip` → `pip`); `path` itself when it ends in `/`.
    static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        let tail = path[path.index(after: slash)...]
        return tail.isEmpty ? path : String(tail)
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmingBlanks(_ text: Substring) -> String {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, isBlank(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, isBlank(last) { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Length of the assignment prefix `NAME=` / `NAME+=` / `NAME[sub]=` at the start of `raw`
    /// (including the `=`), or nil when `raw` does not start with one.
    static func assignmentPrefixLength(_ raw: some Collection<UInt8>) -> Int? {
        var iterator = raw.makeIterator()
        guard let first = iterator.next(), isNameStart(first) else { return nil }
        var length = 1
        var inSubscript = false
        while let byte = iterator.next() {
            length += 1
            if inSubscript {
                if byte == closeBracket { inSubscript = false }
                continue
            }
            if byte == equals { return length }
            if byte == openBracket { inSubscript = true; continue }
            if byte == plus {
                guard let next = iterator.next(), next == equals else { return nil }
                return length + 1
            }
            if !isNameCharacter(byte) { return nil }
        }
        return nil
    }

    /// The assignment written by `word`, when it has the form `NAME=value` (the name unquoted).
    static func assignment(from word: ShellWord) -> ShellAssignment? {
        let raw = Array(word.raw.utf8)
        guard let prefix = assignmentPrefixLength(raw) else { return nil }
        let isAppend = prefix >= 2 && raw[prefix - 2] == plus
        let name = String(decoding: raw[0..<(prefix - (isAppend ? 2 : 1))], as: UTF8.self)
        // The name part contains no quotes, so the text starts with the same prefix.
        let text = Array(word.text.utf8)
        let value = prefix <= text.count ? String(decoding: text[prefix...], as: UTF8.self) : ""
        return ShellAssignment(name: name, value: value, isAppend: isAppend, word: word)
    }
}
