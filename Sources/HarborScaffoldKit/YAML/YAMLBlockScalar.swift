/// Literal (`|`) and folded (`>`) block scalars with chomping (`-`, `+`) and indentation indicators.
extension YAMLScanner {
    /// What happens to the line breaks at the end of a block scalar.
    private enum Chomping {
        /// `-`: all removed.
        case strip
        /// Default: the last content line's break kept, empty lines after it removed.
        case clip
        /// `+`: all kept.
        case keep
    }

    mutating func fetchBlockScalar() throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        let start = offset
        let isLiteral = bytes[offset] == YAMLBytes.pipe
        offset += 1
        var chomping: Chomping?
        var increment: Int?
        while offset < bytes.count {
            let byte = bytes[offset]
            if chomping == nil, byte == YAMLBytes.plus || byte == YAMLBytes.minus {
                chomping = byte == YAMLBytes.plus ? .keep : .strip
            } else if increment == nil, byte >= YAMLBytes.zero, byte <= YAMLBytes.zero + 9 {
                guard byte != YAMLBytes.zero else {
                    throw error("a block scalar's indentation indicator must be 1 to 9", at: offset)
                }
                increment = Int(byte - YAMLBytes.zero)
            } else {
                break
            }
            offset += 1
        }
        let headerEnd = offset
        while offset < bytes.count, YAMLBytes.isBlank(bytes[offset]) { offset += 1 }
        if offset < bytes.count, bytes[offset] == YAMLBytes.hash { skipComment() }
        if offset < bytes.count {
            guard bytes[offset] == YAMLBytes.newline else {
                throw error("expected a comment or a line break after the block scalar header", at: offset)
            }
            skipLineBreak()
        }
        // 0 while the indentation is still to be found from the first non-empty line.
        var indentation = increment.map { indent >= 0 ? indent + $0 : $0 } ?? 0
        var text: [UInt8] = []
        var end = headerEnd
        var pendingBreaks = 0
        var hasContent = false
        var previousStartsBlank = false
        var deepestEmptyLine = 0
        while offset < bytes.count {
            while offset < bytes.count, bytes[offset] == YAMLBytes.space, indentation == 0 || column < indentation {
                offset += 1
            }
            guard offset < bytes.count else { break }
            if bytes[offset] == YAMLBytes.newline {
                deepestEmptyLine = max(deepestEmptyLine, column)
                pendingBreaks += 1
                skipLineBreak()
                continue
            }
            if indentation == 0 { indentation = max(deepestEmptyLine, column, indent + 1, 1) }
            // A less indented line (or a tab where indentation is expected) ends the scalar.
            if column < indentation { break }
            let startsBlank = YAMLBytes.isBlank(bytes[offset])
            if hasContent, !isLiteral, !previousStartsBlank, !startsBlank {
                if pendingBreaks == 1 {
                    text.append(YAMLBytes.space)
                } else {
                    text.append(contentsOf: repeatElement(YAMLBytes.newline, count: pendingBreaks - 1))
                }
            } else {
                text.append(contentsOf: repeatElement(YAMLBytes.newline, count: pendingBreaks))
            }
            let contentStart = offset
            while offset < bytes.count, bytes[offset] != YAMLBytes.newline { offset += 1 }
            text.append(contentsOf: bytes[contentStart..<offset])
            end = offset
            hasContent = true
            previousStartsBlank = startsBlank
            pendingBreaks = 0
            if offset < bytes.count {
                pendingBreaks = 1
                skipLineBreak()
            }
        }
        switch chomping ?? .clip {
        case .strip:
            break
        case .clip:
            if hasContent, pendingBreaks > 0 { text.append(YAMLBytes.newline) }
        case .keep:
            text.append(contentsOf: repeatElement(YAMLBytes.newline, count: pendingBreaks))
        }
        append(.scalar, from: start, to: end, text: String(decoding: text, as: UTF8.self),
               style: isLiteral ? .literal : .folded)
    }
}
