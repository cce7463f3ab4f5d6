/// Anchors (`&name`), aliases (`*name`) and tags (`!tag`, `!!str`, `!<verbatim>`).
extension YAMLScanner {
    /// An anchor or alias name runs to a blank, a flow indicator or a `:` before a blank.
    mutating func fetchAnchorOrAlias(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = offset
        offset += 1
        while offset < bytes.count, isAnchorNameByte(at: offset) { offset += 1 }
        guard offset > start + 1 else {
            throw error(kind == .alias ? "'*' must be followed by an alias name" : "'&' must be followed by an anchor name",
                        at: start)
        }
        append(kind, from: start, text: String(decoding: bytes[(start + 1)..<offset], as: UTF8.self))
    }

    private func isAnchorNameByte(at index: Int) -> Bool {
        let byte = bytes[index]
        if YAMLBytes.isBlankOrBreak(byte) || YAMLBytes.isFlowIndicator(byte) { return false }
        if byte == YAMLBytes.colon {
            return index + 1 < bytes.count && !YAMLBytes.isBlankOrBreak(bytes[index + 1])
        }
        return true
    }

    /// The tag is kept as written; `%TAG` handles are not expanded.
    mutating func fetchTag() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = offset
        if offset + 1 < bytes.count, bytes[offset + 1] == YAMLBytes.less {
            offset += 2
            while offset < bytes.count, bytes[offset] != YAMLBytes.greater, !YAMLBytes.isBlankOrBreak(bytes[offset]) {
                offset += 1
            }
            guard offset < bytes.count, bytes[offset] == YAMLBytes.greater else {
                throw error("unterminated verbatim tag (missing '>')", at: start)
            }
            offset += 1
        } else {
            offset += 1
            while offset < bytes.count, !YAMLBytes.isBlankOrBreak(bytes[offset]), !YAMLBytes.isFlowIndicator(bytes[offset]) {
                offset += 1
            }
        }
        if offset < bytes.count, !YAMLBytes.isBlankOrBreak(bytes[offset]) {
            let byte = bytes[offset]
            let closesFlow = byte == YAMLBytes.comma || byte == YAMLBytes.closeBracket || byte == YAMLBytes.closeBrace
            guard flowLevel > 0, closesFlow else { throw error("a tag must be followed by a space", at: offset) }
        }
        append(.tag, from: start, text: String(decoding: bytes[start..<offset], as: UTF8.self))
    }
}
