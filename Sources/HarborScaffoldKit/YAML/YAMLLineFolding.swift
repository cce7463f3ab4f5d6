/// The blanks and line breaks between two runs of text of a plain or quoted scalar, folded as
/// YAML says: blanks inside a line are kept, blanks around a line break are dropped, a single line
/// break becomes a space and each further one (an empty line) a line feed.
struct YAMLLineFolding {
    /// The blanks after the last text on its line, while no line break has followed them.
    private var blanks: Range<Int>?
    /// Line breaks since the last text.
    private(set) var lineBreaks = 0
    /// A double-quoted line ended with `\`: its line break is dropped, not turned into a space.
    private var isEscaped = false

    /// Records the blank at byte `index`.
    mutating func addBlank(at index: Int) {
        guard lineBreaks == 0, !isEscaped else { return }
        blanks = (blanks?.lowerBound ?? index)..<(index + 1)
    }

    /// Records a line break.
    mutating func addLineBreak() {
        lineBreaks += 1
        blanks = nil
    }

    /// Records an escaped line break (`\` at the end of a double-quoted line), after flushing.
    mutating func escapeLineBreak() {
        isEscaped = true
    }

    /// Appends what the blanks and breaks recorded since the last flush stand for.
    mutating func flush(into text: inout [UInt8], from bytes: [UInt8]) {
        if isEscaped {
            text.append(contentsOf: repeatElement(YAMLBytes.newline, count: lineBreaks))
        } else if lineBreaks == 1 {
            text.append(YAMLBytes.space)
        } else if lineBreaks > 1 {
            text.append(contentsOf: repeatElement(YAMLBytes.newline, count: lineBreaks - 1))
        } else if let blanks {
            text.append(contentsOf: bytes[blanks])
        }
        self = YAMLLineFolding()
    }
}
