/// A prompt as the agent reads it: HTML comments (`<!-- … -->`, which a Markdown renderer hides
/// and the scaffolder uses for notes to the builder) and lines holding a `TODO(harbor-scaffold)`
/// placeholder are blanked out. Offsets still match the file, so findings keep exact positions.
struct PromptText {
    /// The prompt file.
    let file: LintFile
    /// The file's bytes with comments and placeholder lines replaced by spaces (line breaks kept).
    let visible: [UInt8]
    /// The words of ``visible``, for phrase matching.
    let tokens: TokenizedText

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let marker = Array(placeholderMarker.utf8)

    /// The visible text of `file`.
    init(_ file: LintFile) {
        self.file = file
        var bytes = file.source.bytes
        var index = 0
        while let open = ByteSearch.firstIndex(of: Self.commentOpen, in: bytes, from: index) {
            let close = ByteSearch.firstIndex(of: Self.commentClose, in: bytes, from: open + Self.commentOpen.count)
            let end = close.map { $0 + Self.commentClose.count } ?? bytes.count
            Self.blank(&bytes, open..<end)
            index = end
        }
        var searchFrom = 0
        while let hit = ByteSearch.firstIndex(of: Self.marker, in: bytes, from: searchFrom) {
            let line = file.source.byteRange(ofLine: file.source.line(containing: hit))
            Self.blank(&bytes, line)
            searchFrom = max(line.upperBound, hit + 1)
        }
        visible = bytes
        tokens = TokenizedText(bytes, range: 0..<bytes.count)
    }

    /// True when nothing but whitespace is visible.
    var isBlank: Bool { tokens.count == 0 && !visible.contains { $0 > 0x20 } }

    /// The number of whitespace-separated words that hold a letter or digit (Markdown marks
    /// such as `#` and `-` are not words).
    var wordCount: Int {
        var count = 0
        var inWord = false
        var wordHasText = false
        for byte in visible + [0x20] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                if inWord && wordHasText { count += 1 }
                inWord = false
                wordHasText = false
            } else {
                inWord = true
                if TokenizedText.isWordByte(byte) { wordHasText = true }
            }
        }
        return count
    }

    /// The position of `bytes` in the file.
    func range(_ bytes: Range<Int>) -> SourceRange {
        file.source.range(ofBytes: bytes)
    }

    private static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for offset in range where bytes[offset] != 0x0A { bytes[offset] = 0x20 }
    }
}
