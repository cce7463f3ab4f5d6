import Testing
@testable import HarborScaffoldKit

@Suite struct SourceTextTests {
    @Test func stripsBOMAndNormalisesLineEndings() {
        let source = SourceText(path: "f", text: "\u{FEFF}a\r\nb\rc\n")
        #expect(source.text == "a\nb\nc\n")
        #expect(source.hadBOM)
        #expect(source.hadCRLF)
        #expect(source.lineCount == 3)
        #expect(source.lineText(2) == "b")
    }

    @Test func positionsCountCharactersNotBytes() {
        let source = SourceText(path: "f", text: "x\néé: value")
        let offset = Array("x\néé: ".utf8).count
        #expect(source.position(ofByte: offset) == SourcePosition(line: 2, column: 5))
    }

    @Test func plainLFTextIsUnchanged() {
        let source = SourceText(path: "f", text: "one\ntwo")
        #expect(!source.hadCRLF && !source.hadBOM)
        #expect(source.lineCount == 2)
        #expect(source.line(containing: 4) == 2)
    }
}
