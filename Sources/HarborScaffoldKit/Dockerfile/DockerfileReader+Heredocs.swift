extension DockerfileReader {
    /// A `<<EOF` marker found in an instruction's words.
    struct HeredocMarker {
        var fileDescriptor: Int?
        var stripsTabs: Bool
        var delimiter: [UInt8]
        var isQuoted: Bool
    }

    /// Parses a word of the form `[n]<<[-]DELIM`, `<<'DELIM'` or `<<"DELIM"` (not `<<<`).
    static func heredocMarker(_ raw: String) -> HeredocMarker? {
        let bytes = Array(raw.utf8)
        var index = 0
        while index < bytes.count, ShellByte.isDigit(bytes[index]) { index += 1 }
        let descriptor = index > 0 ? Int(String(decoding: bytes[0..<index], as: UTF8.self)) : nil
        guard index + 2 < bytes.count, bytes[index] == ShellByte.less, bytes[index + 1] == ShellByte.less,
            bytes[index + 2] != ShellByte.less
        else { return nil }
        index += 2
        var strips = false
        if bytes[index] == ShellByte.minus {
            strips = true
            index += 1
        }
        guard index < bytes.count else { return nil }
        var delimiter: [UInt8] = []
        var quoted = false
        scan: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ShellByte.singleQuote, ShellByte.doubleQuote:
                quoted = true
                index += 1
                while index < bytes.count, bytes[index] != byte {
                    delimiter.append(bytes[index])
                    index += 1
                }
                index += 1
            case ShellByte.backslash:
                quoted = true
                if index + 1 < bytes.count { delimiter.append(bytes[index + 1]) }
                index += 2
            case ShellByte.less, ShellByte.greater, ShellByte.semicolon, ShellByte.pipe, ShellByte.ampersand,
                ShellByte.openParen, ShellByte.closeParen:
                break scan
            default:
                delimiter.append(byte)
                index += 1
            }
        }
        guard !delimiter.isEmpty else { return nil }
        return HeredocMarker(fileDescriptor: descriptor, stripsTabs: strips, delimiter: delimiter, isQuoted: quoted)
    }

    /// Reads the bodies of the here-documents marked in `words`, starting at `nextLine`, which is moved
    /// past the last terminator.
    mutating func readHeredocs(_ words: [DockerArgument], nextLine: inout Int) -> [DockerHeredoc] {
        var heredocs: [DockerHeredoc] = []
        for word in words {
            guard let marker = Self.heredocMarker(word.raw) else { continue }
            let bodyStart = nextLine < lineCount ? lineBounds(nextLine).lowerBound : bytes.count
            var body: [UInt8] = []
            var terminatorLine: Int?
            var bodyEnd = bytes.count
            while nextLine < lineCount {
                let bounds = lineBounds(nextLine)
                var contentStart = bounds.lowerBound
                if marker.stripsTabs {
                    while contentStart < bounds.upperBound, bytes[contentStart] == ShellByte.tab { contentStart += 1 }
                }
                let content = bytes[contentStart..<bounds.upperBound]
                nextLine += 1
                if content.elementsEqual(marker.delimiter) {
                    terminatorLine = nextLine
                    bodyEnd = bounds.lowerBound
                    break
                }
                body.append(contentsOf: content)
                body.append(ShellByte.newline)
            }
            let delimiter = String(decoding: marker.delimiter, as: UTF8.self)
            if terminatorLine == nil {
                addIssue("unterminated here-document `\(delimiter)`", bytes: word.byteRange)
            }
            let bodyBytes = bodyStart..<max(bodyStart, bodyEnd)
            heredocs.append(
                DockerHeredoc(
                    delimiter: delimiter, isQuoted: marker.isQuoted, stripsLeadingTabs: marker.stripsTabs,
                    fileDescriptor: marker.fileDescriptor, body: String(decoding: body, as: UTF8.self),
                    bodyRange: range(bodyBytes), bodyByteRange: bodyBytes, markerRange: word.range,
                    markerByteRange: word.byteRange, terminatorLine: terminatorLine))
        }
        return heredocs
    }
}
