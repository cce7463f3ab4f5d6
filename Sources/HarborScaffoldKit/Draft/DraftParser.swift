/// Splits draft text into labelled fields, accepting the forms writers produce: `Field: value`,
/// `**Field**: value`, `**Field:** value`, `- Field: value` and `## Field` headings, with values over
/// several lines, in any case and spacing.
struct DraftParser {
    let source: SourceText

    private struct Header {
        var label: String
        var labelBytes: Range<Int>
        var style: DraftFieldStyle
        var headingLevel: Int
        var inlineValue: Range<Int>?
        var indented: Bool
    }

    private struct OpenField {
        var kind: DraftFieldKind?
        var misspelt: Bool
        var label: String
        var labelBytes: Range<Int>
        var style: DraftFieldStyle
        var lines: [Range<Int>] = []
    }

    func parse() -> (fields: [DraftField], fences: [Range<Int>]) {
        var fields: [DraftField] = []
        var fences: [Range<Int>] = []
        var current: OpenField?
        var fenceStart: Int?
        var fenceMarker: UInt8 = 0
        var inComment = false
        for line in 1...max(source.lineCount, 1) {
            let range = source.byteRange(ofLine: line)
            let commentState = htmlComment(in: range, startingInside: inComment)
            if inComment || commentState.opensAtStart {
                inComment = commentState.endsInside
                current?.lines.append(trim(range))
                continue
            }
            inComment = commentState.endsInside
            if let marker = fenceMarkerOf(range) {
                if let start = fenceStart {
                    if marker == fenceMarker {
                        fences.append(start..<range.upperBound)
                        fenceStart = nil
                    }
                } else {
                    fenceStart = range.lowerBound
                    fenceMarker = marker
                }
                current?.lines.append(trim(range))
                continue
            }
            if fenceStart == nil, let header = header(in: range) {
                if let field = accept(header) {
                    if let open = current { fields.append(finish(open)) }
                    current = field
                    if let inline = header.inlineValue { current?.lines.append(inline) }
                    continue
                }
                if header.style == .heading, header.headingLevel == 1 {
                    if let open = current { fields.append(finish(open)) }
                    current = nil
                    continue
                }
            }
            current?.lines.append(trim(range))
        }
        if let start = fenceStart { fences.append(start..<source.bytes.count) }
        if let open = current { fields.append(finish(open)) }
        return (fields, fences)
    }

    // MARK: - Fields

    private func accept(_ header: Header) -> OpenField? {
        let key = DraftFieldKind.fold(header.label)
        guard !key.isEmpty else { return nil }
        if let kind = DraftFieldKind.named(key) {
            return OpenField(kind: kind, misspelt: false, label: header.label, labelBytes: header.labelBytes, style: header.style)
        }
        if let kind = FieldNameMatcher.likelyField(for: key) {
            return OpenField(kind: kind, misspelt: true, label: header.label, labelBytes: header.labelBytes, style: header.style)
        }
        let words = header.label.split(separator: " ")
        switch header.style {
        case .bold where !header.indented, .heading where header.headingLevel > 1:
            break
        case .plain where !header.indented && words.count <= 4 && header.label.count <= 32
            && words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true }):
            break
        default:
            return nil
        }
        return OpenField(kind: nil, misspelt: false, label: header.label, labelBytes: header.labelBytes, style: header.style)
    }

    private func finish(_ open: OpenField) -> DraftField {
        var lines = open.lines
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        let value = lines.map { String(decoding: source.bytes[$0], as: UTF8.self) }.joined(separator: "\n")
        let tokens: TokenizedText
        if let first = lines.first, let last = lines.last {
            tokens = TokenizedText(source.bytes, range: first.lowerBound..<last.upperBound)
        } else {
            tokens = .empty
        }
        return DraftField(
            kind: open.kind, isMisspelt: open.misspelt, label: open.label,
            labelRange: source.range(ofBytes: open.labelBytes), style: open.style,
            valueLines: lines, value: value, tokens: tokens)
    }

    // MARK: - Lines

    /// Whether an HTML comment covers the start of the line, and whether one is still open at its end.
    private func htmlComment(in range: Range<Int>, startingInside: Bool) -> (opensAtStart: Bool, endsInside: Bool) {
        let bytes = source.bytes
        let trimmed = trim(range)
        let opensAtStart = trimmed.count >= 4 && bytes[trimmed.lowerBound..<(trimmed.lowerBound + 4)].elementsEqual("<!--".utf8)
        var inside = startingInside
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            let byte = bytes[index]
            if byte != UInt8(ascii: "<") && byte != UInt8(ascii: "-") {
                index += 1
            } else if !inside, index + 3 < range.upperBound, bytes[index..<(index + 4)].elementsEqual("<!--".utf8) {
                inside = true
                index += 4
            } else if inside, bytes[index..<(index + 3)].elementsEqual("-->".utf8) {
                inside = false
                index += 3
            } else {
                index += 1
            }
        }
        return (opensAtStart, inside)
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high, isSpace(source.bytes[low]) { low += 1 }
        while high > low, isSpace(source.bytes[high - 1]) { high -= 1 }
        return low..<high
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private func fenceMarkerOf(_ range: Range<Int>) -> UInt8? {
        let bytes = source.bytes
        var index = range.lowerBound
        while index < range.upperBound, bytes[index] == 0x20, index - range.lowerBound < 4 { index += 1 }
        guard index + 3 <= range.upperBound else { return nil }
        let marker = bytes[index]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~"),
            bytes[index + 1] == marker, bytes[index + 2] == marker
        else { return nil }
        return marker
    }

    /// Recognises a label at the start of a line; says nothing yet about whether it is a field.
    private func header(in range: Range<Int>) -> Header? {
        let bytes = source.bytes
        var index = range.lowerBound
        var indent = 0
        while index < range.upperBound, isSpace(bytes[index]) {
            indent += 1
            index += 1
        }
        guard index < range.upperBound, indent <= 3 else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            return heading(from: index, in: range, indented: indent > 0)
        }
        var style = DraftFieldStyle.plain
        if let after = listMarkerEnd(from: index, limit: range.upperBound) {
            style = .bullet
            index = after
            while index < range.upperBound, isSpace(bytes[index]) { index += 1 }
        }
        guard index < range.upperBound else { return nil }
        var header: Header?
        if index + 1 < range.upperBound, (bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "*"))
            || (bytes[index] == UInt8(ascii: "_") && bytes[index + 1] == UInt8(ascii: "_"))
        {
            header = boldLabel(from: index, in: range)
            if style == .plain { header?.style = .bold }
        } else {
            header = plainLabel(from: index, in: range)
            header?.style = style
        }
        header?.indented = indent > 0
        return header
    }

    private func listMarkerEnd(from index: Int, limit: Int) -> Int? {
        let bytes = source.bytes
        let byte = bytes[index]
        if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+")),
            index + 1 < limit, isSpace(bytes[index + 1])
        {
            return index + 1
        }
        var cursor = index
        while cursor < limit, cursor - index < 3, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        if cursor > index, cursor + 1 < limit, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ")"),
            isSpace(bytes[cursor + 1])
        {
            return cursor + 1
        }
        return nil
    }

    private func heading(from start: Int, in range: Range<Int>, indented: Bool) -> Header? {
        let bytes = source.bytes
        var index = start
        while index < range.upperBound, bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - start
        guard level <= 6, index < range.upperBound, isSpace(bytes[index]) else { return nil }
        let text = trim(index..<range.upperBound)
        var labelEnd = text.upperBound
        while labelEnd > text.lowerBound, bytes[labelEnd - 1] == UInt8(ascii: "#") || isSpace(bytes[labelEnd - 1]) {
            labelEnd -= 1
        }
        var labelRange = text.lowerBound..<labelEnd
        var inline: Range<Int>?
        if let colon = bytes[labelRange].firstIndex(of: UInt8(ascii: ":")) {
            let before = DraftFieldKind.fold(String(decoding: bytes[labelRange.lowerBound..<colon], as: UTF8.self))
            let rest = trim((colon + 1)..<labelRange.upperBound)
            if DraftFieldKind.named(before) != nil || rest.isEmpty {
                inline = rest.isEmpty ? nil : rest
                labelRange = labelRange.lowerBound..<colon
            }
        }
        labelRange = stripEmphasis(labelRange)
        guard !labelRange.isEmpty else { return nil }
        return Header(
            label: String(decoding: bytes[labelRange], as: UTF8.self).trimmingSpaces, labelBytes: labelRange,
            style: .heading, headingLevel: level, inlineValue: inline, indented: indented)
    }

    private func stripEmphasis(_ range: Range<Int>) -> Range<Int> {
        let bytes = source.bytes
        var low = range.lowerBound
        var high = range.upperBound
        while low < high, bytes[low] == UInt8(ascii: "*") || bytes[low] == UInt8(ascii: "_") { low += 1 }
        while high > low, bytes[high - 1] == UInt8(ascii: "*") || bytes[high - 1] == UInt8(ascii: "_")
            || bytes[high - 1] == UInt8(ascii: ":") || isSpace(bytes[high - 1])
        {
            high -= 1
        }
        return low..<high
    }

    private func boldLabel(from start: Int, in range: Range<Int>) -> Header? {
        let bytes = source.bytes
        let marker = bytes[start]
        var index = start + 2
        let labelStart = index
        while index + 1 < range.upperBound, !(bytes[index] == marker && bytes[index + 1] == marker) { index += 1 }
        guard index + 1 < range.upperBound else { return nil }
        var labelEnd = index
        var after = index + 2
        if labelEnd > labelStart, bytes[labelEnd - 1] == UInt8(ascii: ":") {
            labelEnd -= 1
        } else {
            while after < range.upperBound, isSpace(bytes[after]) { after += 1 }
            guard after < range.upperBound, bytes[after] == UInt8(ascii: ":") else { return nil }
            after += 1
        }
        let label = trim(labelStart..<labelEnd)
        guard isLabel(label) else { return nil }
        let value = trim(after..<range.upperBound)
        return Header(
            label: String(decoding: bytes[label], as: UTF8.self), labelBytes: label, style: .bold, headingLevel: 0,
            inlineValue: value.isEmpty ? nil : value, indented: false)
    }

    private func plainLabel(from start: Int, in range: Range<Int>) -> Header? {
        let bytes = source.bytes
        guard let colon = bytes[start..<range.upperBound].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let label = trim(start..<colon)
        guard isLabel(label) else { return nil }
        let known = DraftFieldKind.named(DraftFieldKind.fold(String(decoding: bytes[label], as: UTF8.self))) != nil
        if !known, colon + 1 < range.upperBound, !isSpace(bytes[colon + 1]) { return nil }
        let value = trim((colon + 1)..<range.upperBound)
        return Header(
            label: String(decoding: bytes[label], as: UTF8.self), labelBytes: label, style: .plain, headingLevel: 0,
            inlineValue: value.isEmpty ? nil : value, indented: false)
    }

    /// A label starts with a letter, is at most 48 bytes, and holds only letters, digits, spaces and `_-/&()'`.
    private func isLabel(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 48 else { return false }
        let bytes = source.bytes
        let first = bytes[range.lowerBound]
        guard (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        for byte in bytes[range] {
            let isAlnum = ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            guard isAlnum || byte == 0x20 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "(")
                || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "'")
            else { return false }
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
