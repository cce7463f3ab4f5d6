import Foundation
@testable import HarborScaffoldKit

/// Helpers shared by the Python reader tests.
enum PythonTestSupport {
    /// Tokenizes `text` and renders each token as `kind text line:column`, newlines as `\n`.
    static func lex(_ text: String) -> [String] {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: text))
        return stream.tokens.map { token in
            let start = stream.range(of: token).start
            let shown = stream.text(of: token).replacingOccurrences(of: "\n", with: "\\n")
            return "\(token.kind) \(shown) \(start.line):\(start.column)"
        }
    }

    /// The significant tokens of `text` (no NEWLINE/NL/INDENT/DEDENT/ENDMARKER/COMMENT) as
    /// `kind text`.
    static func significant(_ text: String) -> [String] {
        let stream = PythonTokenizer.tokenize(SourceText(path: "t.py", text: text))
        return stream.tokens.filter(\.isSignificant).map { "\($0.kind) \(stream.text(of: $0))" }
    }

    /// Parses `text` as a module.
    static func module(_ text: String) -> PythonModule {
        PythonModule.parse(SourceText(path: "test_x.py", text: text))
    }

    /// The syntax issues of `text` as `kind line:column`.
    static func issues(_ text: String) -> [String] {
        module(text).syntaxIssues.map { "\($0.kind) \($0.range.start.line):\($0.range.start.column)" }
    }
}
