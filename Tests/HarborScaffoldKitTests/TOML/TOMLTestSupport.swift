@testable import HarborScaffoldKit

/// Parses `text` as a TOML document.
func parseTOML(_ text: String) throws(TOMLError) -> TOMLTable {
    try TOMLParser.parse(SourceText(path: "test.toml", text: text))
}

/// The error `text` produces, or nil when it parses.
func tomlError(_ text: String) -> TOMLError? {
    do {
        _ = try parseTOML(text)
        return nil
    } catch {
        return error
    }
}

/// A position, shorter to write in expectations.
func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

/// A range, shorter to write in expectations.
func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(start: pos(startLine, startColumn), end: pos(endLine, endColumn))
}

