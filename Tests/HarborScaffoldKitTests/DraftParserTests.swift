import Testing
@testable import HarborScaffoldKit

@Suite struct DraftParserTests {
    private func parse(_ text: String) -> DraftSpec {
        DraftSpec(source: SourceText(path: "draft_spec.md", text: text))
    }

    @Test func readsThePlainSeedStyle() {
        let draft = parse(DraftExample.baseText)
        #expect(draft.fields.count == 9)
        #expect(draft.fields.map(\.kind) == DraftFieldKind.allCases.map { Optional($0) })
        #expect(draft.value(.language) == "python")
        let testing = draft.field(.testing)
        #expect(testing?.labelRange.start == SourcePosition(line: 6, column: 1))
    }

    @Test func readsBoldBulletAndHeadingStylesInAnyCase() {
        let draft = parse("""
            **Task**: Fix the limiter
            **Language:** Python
            - category: api_security
            ## environment   setup
            Python 3.12 with FastAPI.

            Redis on 6379.
            ### KEY TECHNOLOGIES ###
            - FastAPI
            - Redis
            __Difficulty__: hard
            """)
        #expect(draft.value(.task) == "Fix the limiter")
        #expect(draft.field(.task)?.style == .bold)
        #expect(draft.value(.language) == "Python")
        #expect(draft.field(.category)?.style == .bullet)
        #expect(draft.value(.environmentSetup) == "Python 3.12 with FastAPI.\n\nRedis on 6379.")
        #expect(draft.field(.environmentSetup)?.style == .heading)
        #expect(draft.field(.keyTechnologies)?.listItems(in: draft.source).map(\.text) == ["FastAPI", "Redis"])
        #expect(draft.value(.difficulty) == "hard")
    }

    @Test func valuesRunOverSeveralLinesUntilTheNextField() {
        let draft = parse("Testing: Tests verify\nthat the API returns 429\n\nand headers.\nDifficulty: hard\n")
        #expect(draft.value(.testing) == "Tests verify\nthat the API returns 429\n\nand headers.")
        #expect(draft.field(.testing)?.valueLines.count == 4)
    }

    @Test func crlfAndBOMDoNotChangeFieldsOrPositions() {
        let lf = parse("Task: A\nLanguage: go\n")
        let crlf = parse("\u{FEFF}Task: A\r\nLanguage: go\r\n")
        #expect(crlf.fields.map(\.value) == lf.fields.map(\.value))
        #expect(crlf.field(.language)?.labelRange == lf.field(.language)?.labelRange)
        #expect(crlf.source.hadCRLF && crlf.source.hadBOM)
    }

    @Test func proseWithColonsInsideAValueIsNotAField() {
        let draft = parse("Instructions: Do this.\n- Note: keep the API\n  indented: text\nhttp://example.com\nDifficulty: hard\n")
        #expect(draft.fields.count == 2)
        #expect(draft.value(.instructions).contains("Note: keep the API"))
    }

    @Test func unknownAndMisspeltLabelsAreKeptWithTheirPlace() {
        let draft = parse("Task: A\nTestng: checks 200\nNotes: extra\n")
        #expect(draft.field(.testing)?.isMisspelt == true)
        #expect(draft.fields.last?.kind == nil)
        #expect(draft.fields.last?.label == "Notes")
        #expect(draft.fields.last?.labelRange.start == SourcePosition(line: 3, column: 1))
    }

    @Test func codeFencesAreNotSearchedForFields() {
        let draft = parse("Instructions: see\n```\nTesting: not a field\n```\nTesting: real\n")
        #expect(draft.codeFences.count == 1)
        #expect(draft.value(.testing) == "real")
        #expect(draft.value(.instructions).contains("Testing: not a field"))
    }

    @Test func listItemsSplitOnCommasOutsideParentheses() {
        let draft = parse("Key Technologies: FastAPI (with Uvicorn, Gunicorn), Redis; PostgreSQL, and pytest.\n")
        let items = draft.field(.keyTechnologies)?.listItems(in: draft.source).map(\.text)
        #expect(items == ["FastAPI (with Uvicorn, Gunicorn)", "Redis", "PostgreSQL", "pytest"])
    }
}

@Suite struct DraftParserCommentTests {
    @Test func labelsInsideHTMLCommentsAreNotFields() {
        let draft = DraftSpec(source: SourceText(path: "d", text: "Difficulty: hard\n<!--\nDifficulty: easy\n-->\n<!-- Category: x -->\nTask: t\n"))
        #expect(draft.fields.compactMap(\.kind) == [.difficulty, .task])
        #expect(draft.value(.difficulty).contains("Difficulty: easy"))
    }
}
