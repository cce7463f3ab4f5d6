import Testing
@testable import HarborScaffoldKit

/// One invalid snippet and the first issue it must produce.
struct InvalidPythonCase: CustomTestStringConvertible, Sendable {
    let source: String
    let kind: PythonSyntaxIssue.Kind
    let line: Int
    let column: Int
    var testDescription: String { "\(kind) in \(String(reflecting: source))" }

    init(_ source: String, _ kind: PythonSyntaxIssue.Kind, _ line: Int, _ column: Int) {
        self.source = source
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// Every snippet is rejected by CPython 3.11 and 3.12 (checked by the cross-check test).
    static let all: [InvalidPythonCase] = [
        .init("x = 'abc\n", .unterminatedString, 1, 5),
        .init("x = 1\ny = \"abc\n", .unterminatedString, 2, 5),
        .init("x = '''abc\n\ny = 2\n", .unterminatedTripleQuotedString, 1, 5),
        .init("x = f'}'\n", .invalidFString, 1, 7),
        .init("x = )\n", .unmatchedBracket, 1, 5),
        .init("x = (]\n", .mismatchedBracket, 1, 6),
        .init("foo(1, [2,\n", .eofInMultiLineStatement, 1, 8),
        .init("x = 1 + \\", .eofInMultiLineStatement, 1, 9),
        .init("x = \\ 1\n", .badLineContinuation, 1, 5),
        .init("if x:\n        a\n    b\n", .inconsistentDedent, 3, 5),
        .init("x = 1\n    y = 2\n", .unexpectedIndent, 2, 5),
        .init("if True:\n\tx\n        y\n", .inconsistentTabs, 3, 9),
        .init("x = " + String(repeating: "(", count: 201) + String(repeating: ")", count: 201) + "\n", .tooDeeplyNested, 1, 205),
        .init("x = $\n", .invalidCharacter, 1, 5),
        .init("x = ?\n", .invalidCharacter, 1, 5),
        .init("x = `a`\n", .invalidCharacter, 1, 5),
        .init("x = \u{1}\n", .invalidCharacter, 1, 5),
        .init("x = \u{0}\n", .invalidCharacter, 1, 5),
        .init("s = \u{201C}a\u{201D}\n", .invalidCharacter, 1, 5),
        .init("x = 1\u{A0}\n", .invalidCharacter, 1, 6),
        .init("x\u{B2} = 1\n", .invalidCharacter, 1, 2),
        .init("x = 012\n", .invalidNumber, 1, 5),
        .init("x = 1_\n", .invalidNumber, 1, 6),
        .init("x = 0x\n", .invalidNumber, 1, 5),
        .init("x = 0b12\n", .invalidNumber, 1, 8),
        .init("x = 1abc\n", .invalidNumber, 1, 6),
        .init("x = 1.real\n", .invalidNumber, 1, 7),
        .init("def (x): pass\n", .missingName, 1, 5),
        .init("class :\n    pass\n", .missingName, 1, 7),
        .init("def if(): pass\n", .missingName, 1, 5),
        .init("def f()\n    pass\n", .missingColon, 1, 8),
        .init("if x\n    pass\n", .missingColon, 1, 5),
        .init("class A\n    pass\n", .missingColon, 1, 8),
        .init("for x in y\n    pass\n", .missingColon, 1, 11),
        .init("try\n    pass\nfinally:\n    pass\n", .missingColon, 1, 4),
        .init("if x:\npass\n", .expectedIndentedBlock, 2, 1),
        .init("def f():\n", .expectedIndentedBlock, 2, 1),
        .init("class A:\n# only a comment\nx = 1\n", .expectedIndentedBlock, 3, 1),
        .init("for x in y:\n    if x:\n    pass\n", .expectedIndentedBlock, 3, 5),
        .init("return 1\n", .outsideFunction, 1, 1),
        .init("yield 1\n", .outsideFunction, 1, 1),
        .init("def f():\n    class A:\n        return 1\n", .outsideFunction, 3, 9),
        .init("nonlocal x\n", .outsideFunction, 1, 1),
        .init("break\n", .outsideLoop, 1, 1),
        .init("def f():\n    continue\n", .outsideLoop, 2, 5),
        .init("for x in y:\n    pass\nelse:\n    break\n", .outsideLoop, 4, 5),
        .init("for x in y:\n    def f():\n        break\n", .outsideLoop, 3, 9),
        .init("else:\n    pass\n", .strayClause, 1, 1),
        .init("x = 1\nelif y:\n    pass\n", .strayClause, 2, 1),
        .init("if x:\n    pass\nelif y:\n    pass\nexcept E:\n    pass\n", .strayClause, 5, 1),
        .init("finally:\n    pass\n", .strayClause, 1, 1),
        .init("with a:\n    pass\nelse:\n    pass\n", .strayClause, 3, 1),
        .init("try:\n    pass\nx = 1\n", .missingExceptOrFinally, 3, 1),
        .init("try:\n    pass\n", .missingExceptOrFinally, 3, 1),
        .init("try:\n    pass\nelse:\n    pass\n", .missingExceptOrFinally, 3, 1),
        .init("1 = x\n", .invalidAssignmentTarget, 1, 1),
        .init("\"a\" = 1\n", .invalidAssignmentTarget, 1, 1),
        .init("None = 1\n", .invalidAssignmentTarget, 1, 1),
        .init("x = True = 1\n", .invalidAssignmentTarget, 1, 5),
        .init("f() = 1\n", .invalidAssignmentTarget, 1, 1),
        .init("a.b(c) = 1\n", .invalidAssignmentTarget, 1, 1),
        .init("1 += 2\n", .invalidAssignmentTarget, 1, 1),
        .init("x = 1; if y: pass\n", .invalidSyntax, 1, 8),
        .init("if x: for y in z: pass\n", .invalidSyntax, 1, 7),
        .init("@dec\nx = 1\n", .invalidSyntax, 2, 1),
        .init("print \"x\"\n", .invalidSyntax, 1, 1),
        .init("exec \"code\"\n", .invalidSyntax, 1, 1),
        .init("raise E, \"m\"\n", .invalidSyntax, 1, 8),
        .init("try:\n    pass\nexcept E, e:\n    pass\n", .invalidSyntax, 3, 9),
        .init("x = ur'a'\n", .invalidSyntax, 1, 5),
        .init("async x\n", .invalidSyntax, 1, 1),
        .init("x = 1 <> 2\n", .invalidSyntax, 1, 7),
        .init("a ! b\n", .invalidCharacter, 1, 3),
        .init("def f:\n    pass\n", .invalidSyntax, 1, 6),
        .init("x = ('a'\n     b'b')\n", .invalidSyntax, 2, 6),
    ]
}

@Suite struct PythonSyntaxIssueTests {
    @Test(arguments: InvalidPythonCase.all)
    func reportsTheIssueAtItsPosition(_ example: InvalidPythonCase) {
        let issues = PythonTestSupport.module(example.source).syntaxIssues
        #expect(issues.first?.kind == example.kind, "\(issues.map(\.message))")
        #expect(issues.first?.range.start == SourcePosition(line: example.line, column: example.column))
    }

    @Test func everyIssueKindIsCovered() {
        let covered = Set(InvalidPythonCase.all.map(\.kind))
        #expect(covered == Set(PythonSyntaxIssue.Kind.allCases))
    }

    @Test func messagesFollowCPython() {
        func message(_ source: String) -> String? { PythonTestSupport.module(source).syntaxIssues.first?.message }
        #expect(message("x = 1\ny = \"abc\n") == "unterminated string literal (detected at line 2)")
        #expect(message("x = '''a\n\n") == "unterminated triple-quoted string literal (detected at line 3)")
        #expect(message("if x:\npass\n") == "expected an indented block after 'if' statement on line 1")
        #expect(message("def f():\n") == "expected an indented block after function definition on line 1")
        #expect(message("x = (\n1]\n") == "closing parenthesis ']' does not match opening parenthesis '(' on line 1")
        #expect(message("foo(1, [2,\n") == "'[' was never closed")
        #expect(message("x = \u{201C}a\n") == "invalid character '\u{201C}' (U+201C)")
        #expect(message("x = 1\u{A0}\n") == "invalid non-printable character U+00A0")
        #expect(message("None = 1\n") == "cannot assign to None")
    }

    @Test func oneMistakeIsReportedOnce() {
        // The missing colon explains the indented line after it.
        #expect(PythonTestSupport.issues("def f()\n    pass\n") == ["missingColon 1:8"])
        // The unterminated string swallows the colon: no extra structural issue.
        #expect(PythonTestSupport.issues("if x == \"abc:\n    pass\n") == ["unterminatedString 1:9"])
        // An unclosed bracket swallows the rest of the file.
        #expect(PythonTestSupport.issues("x = foo(\ndef f():\n    return 1\n") == ["eofInMultiLineStatement 1:8"])
    }

    @Test func issuesAreSortedAndKeepByteRanges() {
        let module = PythonTestSupport.module("x = $\nreturn 1\ny = ?\n")
        #expect(module.syntaxIssues.map(\.kind) == [.invalidCharacter, .outsideFunction, .invalidCharacter])
        #expect(module.syntaxIssues.map(\.byteRange.lowerBound) == [4, 6, 19])
        #expect(module.hasSyntaxErrors)
    }

    @Test func readerRecoversAfterErrors() {
        let module = PythonTestSupport.module("x = 'oops\ndef test_a():\n    assert f(1) == 2\n")
        #expect(module.functions.map(\.name) == ["test_a"])
        #expect(module.functions.first?.asserts.count == 1)
    }
}
