import Testing
@testable import HarborScaffoldKit

/// Where the clauses of `if`, `while` / `until` and `case` begin (``ShellCompound/clauses``).
@Suite struct ShellClauseTests {
    private func clauses(_ text: String) -> [[String]] {
        let script = ShellParser.parse(text)
        let bytes = Array(text.utf8)
        return script.compounds.map { compound in
            compound.clauses.map { "\($0.kind.rawValue)@" + String(decoding: bytes[$0.byteRange], as: UTF8.self) }
        }
    }

    @Test func ifClausesAreRecordedInOrder() {
        #expect(clauses("if a; then b; elif c; then d; else e; fi") == [["then@then", "elif@elif", "then@then", "else@else"]])
        #expect(clauses("if a\nthen\n  if b; then c; fi\nfi") == [["then@then"], ["then@then"]])
    }

    @Test func loopsRecordTheirDo() {
        #expect(clauses("while read -r x; do echo \"$x\"; done < f") == [["do@do"]])
        #expect(clauses("until a; do b; done\nfor x in 1 2; do c; done") == [["do@do"], []])
    }

    @Test func caseItemsRecordTheirParenthesis() {
        #expect(clauses("case \"$x\" in\n  a|b) one ;;\n  (*) two ;;\nesac") == [[")@)", ")@)"]])
    }

    @Test func keywordsAsArgumentsAreNotClauses() {
        #expect(clauses("echo then else; if a; then echo do done; fi") == [["then@then"]])
        #expect(clauses("f() { echo then; }") == [[]])
    }

    @Test func clausesSplitTheCommandsOfACompound() {
        let text = "if pytest; then echo 1 > r; elif [ -f x ]; then :; else echo 0 > r; fi"
        let script = ShellParser.parse(text)
        let tree = ShellTree(script)
        let names = tree.segments(of: 0).map { nodes in
            nodes.map { node -> String in
                guard case .command(let index) = node else { return "compound" }
                return script.commands[index].name ?? ""
            }
        }
        #expect(names == [["pytest"], ["echo"], ["["], [":"], ["echo"]])
    }
}
