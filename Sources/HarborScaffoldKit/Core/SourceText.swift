/// Text of one input file, normalised for analysis, with a line index for turning byte offsets into
/// ``SourcePosition``s.
///
/// A UTF-8 byte order mark is removed and CRLF / lone CR line endings become LF; the original
/// line-ending style is remembered in ``hadCRLF`` so rules can still report it.
public struct SourceText: Sendable {
    /// The path the text was read from, as given by the user (used in findings).
    public let path: String
    /// The normalised text (no BOM, LF line endings).
    public let text: String
    /// The normalised text as UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line in ``bytes``.
    public let lineStarts: [Int]
    /// True when the original file used CRLF or CR line endings anywhere.
    public let hadCRLF: Bool
    /// True when the original file started with a UTF-8 byte order mark.
    public let hadBOM: Bool

    /// Normalises `text` (which may still contain a BOM or CR characters).
    public init(path: String, text rawText: String) {
        var raw = Array(rawText.utf8)
        var bom = false
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            raw.removeFirst(3)
            bom = true
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var crlf = false
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x0D {
                crlf = true
                out.append(0x0A)
                if index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        var starts = [0]
        for (offset, byte) in out.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        self.path = path
        self.bytes = out
        self.text = String(decoding: out, as: UTF8.self)
        self.lineStarts = starts
        self.hadCRLF = crlf
        self.hadBOM = bom
    }

    /// Number of lines (a trailing newline does not start an extra counted line).
    public var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The 1-based line containing byte `offset`.
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Byte range of 1-based `line`, without its newline.
    public func byteRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        return start..<end
    }

    /// The text of 1-based `line`, without its newline.
    public func lineText(_ line: Int) -> Substring {
        let range = byteRange(ofLine: line)
        return Substring(decoding: bytes[range], as: UTF8.self)
    }

    /// The position of byte `offset`; the column counts characters from the line start.
    public func position(ofByte offset: Int) -> SourcePosition {
        let line = line(containing: offset)
        let start = lineStarts[line - 1]
        let clamped = min(max(offset, start), bytes.count)
        let prefix = bytes[start..<clamped]
        let column: Int
        if prefix.allSatisfy({ $0 < 0x80 }) {
            column = prefix.count + 1
        } else {
            column = String(decoding: prefix, as: UTF8.self).count + 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The range covering bytes `range`.
    public func range(ofBytes range: Range<Int>) -> SourceRange {
        SourceRange(start: position(ofByte: range.lowerBound), end: position(ofByte: range.upperBound))
    }
}
