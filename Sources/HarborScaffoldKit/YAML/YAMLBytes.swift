/// Byte classes of the YAML grammar, on UTF-8 code units.
enum YAMLBytes {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21   // !
    static let quote: UInt8 = 0x22         // "
    static let hash: UInt8 = 0x23          // #
    static let percent: UInt8 = 0x25       // %
    static let ampersand: UInt8 = 0x26     // &
    static let apostrophe: UInt8 = 0x27    // '
    static let asterisk: UInt8 = 0x2A      // *
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let zero: UInt8 = 0x30
    static let colon: UInt8 = 0x3A
    static let less: UInt8 = 0x3C          // <
    static let greater: UInt8 = 0x3E       // >
    static let question: UInt8 = 0x3F      // ?
    static let at: UInt8 = 0x40            // @
    static let openBracket: UInt8 = 0x5B   // [
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D  // ]
    static let backtick: UInt8 = 0x60      // `
    static let openBrace: UInt8 = 0x7B     // {
    static let pipe: UInt8 = 0x7C          // |
    static let closeBrace: UInt8 = 0x7D    // }
    static let delete: UInt8 = 0x7F

    /// Space or tab.
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// Space, tab or line feed.
    @inline(__always) static func isBlankOrBreak(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline
    }

    /// `,` `[` `]` `{` `}`: the bytes that end plain scalars, anchors and tags inside flow collections.
    @inline(__always) static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == comma || byte == openBracket || byte == closeBracket || byte == openBrace || byte == closeBrace
    }

    /// The indicators that cannot start a plain scalar (`-`, `?` and `:` can, when a non-blank follows).
    static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case minus, question, colon, comma, openBracket, closeBracket, openBrace, closeBrace, hash, ampersand,
             asterisk, exclamation, pipe, greater, apostrophe, quote, percent, at, backtick:
            return true
        default:
            return false
        }
    }

    /// Control characters that may not appear anywhere in a YAML stream: everything below U+0020
    /// except tab and line feed, and DEL.
    @inline(__always) static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < space && byte != tab && byte != newline) || byte == delete
    }
}
