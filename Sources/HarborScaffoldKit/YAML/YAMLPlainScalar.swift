/// Plain (unquoted) scalars, possibly over several lines.
extension YAMLScanner {
    mutating func fetchPlainScalar() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let start = offset
        var end = offset
        var text: [UInt8] = []
        var folding = YAMLLineFolding()
        // Continuation lines must be indented deeper than the enclosing block collection.
        let minimumIndent = indent + 1
        while offset < bytes.count {
            if isDocumentMarker(at: offset) || bytes[offset] == YAMLBytes.hash { break }
            let runStart = offset
            while offset < bytes.count, !YAMLBytes.isBlankOrBreak(bytes[offset]), !endsPlainScalar(at: offset) {
                offset += 1
            }
            guard offset > runStart else { break }
            folding.flush(into: &text, from: bytes)
            text.append(contentsOf: bytes[runStart..<offset])
            end = offset
            while offset < bytes.count, YAMLBytes.isBlankOrBreak(bytes[offset]) {
                if bytes[offset] == YAMLBytes.newline {
                    folding.addLineBreak()
                    skipLineBreak()
                    continue
                }
                if bytes[offset] == YAMLBytes.tab, folding.lineBreaks > 0, flowLevel == 0, column < minimumIndent {
                    throw tabIndentation(at: offset)
                }
                folding.addBlank(at: offset)
                offset += 1
            }
            if flowLevel == 0, folding.lineBreaks > 0, column < minimumIndent { break }
        }
        // Having read past a line break, the next token starts a line and may be a key.
        if folding.lineBreaks > 0 { simpleKeyAllowed = true }
        append(.scalar, from: start, to: end, text: String(decoding: text, as: UTF8.self), style: .plain)
    }

    /// `: ` ends a plain scalar; inside flow collections so do `,[]{}` and `:` before one of them.
    private func endsPlainScalar(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == YAMLBytes.colon {
            guard index + 1 < bytes.count else { return true }
            let next = bytes[index + 1]
            return YAMLBytes.isBlankOrBreak(next) || (flowLevel > 0 && YAMLBytes.isFlowIndicator(next))
        }
        return flowLevel > 0 && YAMLBytes.isFlowIndicator(byte)
    }
}
