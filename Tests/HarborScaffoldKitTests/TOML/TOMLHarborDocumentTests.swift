import Testing
@testable import HarborScaffoldKit

@Suite struct TOMLHarborDocumentTests {
    static let taskTOML = """
        schema_version = "1.4"

        [task]
        name = "org/x"
        description = "Fix the \\"flaky\\" test"

        [metadata]
        author_name = "Ada Lovelace"
        difficulty = "medium"
        tags = ["swift", "toml"] # two tags

        [verifier]
        timeout_sec = 600.0

        [environment]
        build_timeout_sec = 300
        keywords = ["a", "b"]
        env = { CI = "1", LANG = 'C.UTF-8' }
        """

    @Test func readsValues() throws {
        let table = try parseTOML(Self.taskTOML)
        #expect(table.keys == ["schema_version", "task", "metadata", "verifier", "environment"])
        #expect(table["schema_version"]?.stringValue == "1.4")
        #expect(table.value(at: ["task", "name"])?.stringValue == "org/x")
        #expect(table.value(at: ["task", "description"])?.stringValue == "Fix the \"flaky\" test")
        #expect(table.value(at: ["metadata", "tags"]) == .array([.string("swift"), .string("toml")]))
        #expect(table.value(at: ["verifier", "timeout_sec"]) == .float(600))
        #expect(table.value(at: ["environment", "build_timeout_sec"]) == .integer(300))
        #expect(table.value(at: ["environment", "build_timeout_sec"])?.doubleValue == 300)
        #expect(table.value(at: ["environment", "keywords"])?.arrayValue?.compactMap(\.stringValue) == ["a", "b"])
        #expect(table.value(at: ["environment", "env", "LANG"]) == .string("C.UTF-8"))
        #expect(table.value(at: ["environment"])?.tableValue?.keys == ["build_timeout_sec", "keywords", "env"])
    }

    @Test func keyAndValuePositions() throws {
        let table = try parseTOML(Self.taskTOML)
        let schema = try #require(table.entry(for: "schema_version"))
        #expect(schema.keyRange == range(1, 1, 1, 15))
        #expect(schema.valueRange == range(1, 18, 1, 23))

        let task = try #require(table.entry(for: "task"))
        #expect(task.keyRange == range(3, 2, 3, 6))
        #expect(task.valueRange == range(3, 1, 3, 7))

        let name = try #require(table.entry(at: ["task", "name"]))
        #expect(name.keyRange == range(4, 1, 4, 5))
        #expect(name.valueRange == range(4, 8, 4, 15))

        let description = try #require(table.entry(at: ["task", "description"]))
        #expect(description.valueRange == range(5, 15, 5, 39))

        let tags = try #require(table.entry(at: ["metadata", "tags"]))
        #expect(tags.keyRange == range(10, 1, 10, 5))
        #expect(tags.valueRange == range(10, 8, 10, 25))

        let timeout = try #require(table.entry(at: ["verifier", "timeout_sec"]))
        #expect(timeout.keyRange == range(13, 1, 13, 12))
        #expect(timeout.valueRange == range(13, 15, 13, 20))

        let build = try #require(table.entry(at: ["environment", "build_timeout_sec"]))
        #expect(build.keyRange == range(16, 1, 16, 18))
        #expect(build.valueRange == range(16, 21, 16, 24))

        let keywords = try #require(table.entry(at: ["environment", "keywords"]))
        #expect(keywords.keyRange == range(17, 1, 17, 9))
        #expect(keywords.valueRange == range(17, 12, 17, 22))

        let env = try #require(table.entry(at: ["environment", "env"]))
        #expect(env.valueRange == range(18, 7, 18, 37))
        let lang = try #require(table.entry(at: ["environment", "env", "LANG"]))
        #expect(lang.keyRange == range(18, 19, 18, 23))
        #expect(lang.valueRange == range(18, 26, 18, 35))
    }

    @Test func rangesOfImplicitDottedAndArrayTables() throws {
        let table = try parseTOML(#"""
            [a.b.c]
            x = 1
            fruit.apple.color = "red"
            [a]
            [[list]]
            n = 1
            [[list]]
            n = 2
            "ünï".'q' = """
            two
            lines"""
            """#)
        // `b` was created implicitly by the header `[a.b.c]`.
        let b = try #require(table.entry(at: ["a", "b"]))
        #expect(b.keyRange == range(1, 4, 1, 5))
        #expect(b.valueRange == range(1, 1, 1, 8))
        // `a` was later defined by its own header, which becomes its location.
        let a = try #require(table.entry(for: "a"))
        #expect(a.keyRange == range(4, 2, 4, 3))
        #expect(a.valueRange == range(4, 1, 4, 4))
        // Dotted keys: each table keeps its component; the value range is the whole dotted key.
        let fruit = try #require(table.entry(at: ["a", "b", "c", "fruit"]))
        #expect(fruit.keyRange == range(3, 1, 3, 6))
        #expect(fruit.valueRange == range(3, 1, 3, 18))
        let apple = try #require(table.entry(at: ["a", "b", "c", "fruit", "apple"]))
        #expect(apple.keyRange == range(3, 7, 3, 12))
        let color = try #require(table.entry(at: ["a", "b", "c", "fruit", "apple", "color"]))
        #expect(color.keyRange == range(3, 13, 3, 18))
        #expect(color.valueRange == range(3, 21, 3, 26))
        // An array of tables is located at its first header; its elements' keys at their lines.
        let list = try #require(table.entry(for: "list"))
        #expect(list.keyRange == range(5, 3, 5, 7))
        #expect(list.valueRange == range(5, 1, 5, 9))
        let second = try #require(table["list"]?.arrayValue?.last?.tableValue?.entry(for: "n"))
        #expect(second.keyRange == range(8, 1, 8, 2))
        // Quoted keys include their quotes; columns count characters; multi-line values span lines.
        let quoted = try #require(table["list"]?.arrayValue?.last?.tableValue?.entry(at: ["ünï", "q"]))
        #expect(quoted.keyRange == range(9, 7, 9, 10))
        #expect(quoted.valueRange == range(9, 13, 11, 9))
        #expect(quoted.value == .string("two\nlines"))
    }

    @Test func positionsOnLongLinesMatchSourceText() throws {
        // Many keys on one non-ASCII line: positions must agree with SourceText's own mapping.
        let pairs = (0..<300).map { "k\($0) = \"é😀\($0)\"" }.joined(separator: ", ")
        let text = "# ünï\nt = { \(pairs) }\n"
        let source = SourceText(path: "long.toml", text: text)
        let table = try TOMLParser.parse(source)
        let inline = try #require(table["t"]?.tableValue)
        #expect(inline.count == 300)
        let bytes = Array(text.utf8)
        for index in [0, 1, 150, 299] {
            let entry = try #require(inline.entry(for: "k\(index)"))
            let needle = Array("k\(index) = ".utf8)
            var offset = 0
            while offset + needle.count <= bytes.count, Array(bytes[offset..<(offset + needle.count)]) != needle { offset += 1 }
            #expect(entry.keyRange.start == source.position(ofByte: offset))
            #expect(entry.valueRange.start == source.position(ofByte: offset + needle.count))
        }
    }
}
