import Testing
@testable import HarborScaffoldKit

@Suite struct TOMLValidDocumentTests {
    @Test func emptyAndCommentOnlyDocuments() throws {
        #expect(try parseTOML("").isEmpty)
        #expect(try parseTOML("\n\n   \t\n").isEmpty)
        #expect(try parseTOML("# just a comment\n  # another ünïcödé comment 😀\n#").isEmpty)
    }

    @Test func commentsAfterValuesAndHeaders() throws {
        let table = try parseTOML("""
            # header comment
            key = "value" # trailing
            [t] # after a header
            n = 1#no space
            """)
        #expect(table["key"] == .string("value"))
        #expect(table.value(at: ["t", "n"]) == .integer(1))
    }

    @Test func bareQuotedAndDottedKeys() throws {
        let table = try parseTOML("""
            key = 1
            bare_key = 2
            bare-key = 3
            1234 = 4
            true = 5
            "127.0.0.1" = 6
            "character encoding" = 7
            "ʎǝʞ" = 8
            'key2' = 9
            'quoted "value"' = 10
            "" = 11
            "esc\\u0041ped" = 12
            physical.color = "orange"
            physical . shape = "round"
            site."google.com" = true
            3.14159 = "pi"
            """)
        #expect(table.keys == ["key", "bare_key", "bare-key", "1234", "true", "127.0.0.1", "character encoding", "ʎǝʞ",
                               "key2", "quoted \"value\"", "", "escAped", "physical", "site", "3"])
        #expect(table["bare-key"] == .integer(3))
        #expect(table["1234"] == .integer(4))
        #expect(table["true"] == .integer(5))
        #expect(table["127.0.0.1"] == .integer(6))
        #expect(table["ʎǝʞ"] == .integer(8))
        #expect(table["quoted \"value\""] == .integer(10))
        #expect(table[""] == .integer(11))
        #expect(table["escAped"] == .integer(12))
        #expect(table.value(at: ["physical", "color"]) == .string("orange"))
        #expect(table.value(at: ["physical", "shape"]) == .string("round"))
        #expect(table.value(at: ["site", "google.com"]) == .boolean(true))
        #expect(table.value(at: ["3", "14159"]) == .string("pi"))
    }

    @Test func basicStringEscapes() throws {
        let table = try parseTOML(#"""
            s = "tab\there \"quoted\" back\\slash \b\f\n\r end"
            u = "\u00E9 \U0001F600 \u0000"
            plain = "I'm a string. #not a comment"
            """#)
        #expect(table["s"] == .string("tab\there \"quoted\" back\\slash \u{8}\u{C}\n\r end"))
        #expect(table["u"] == .string("é 😀 \u{0}"))
        #expect(table["plain"] == .string("I'm a string. #not a comment"))
    }

    @Test func literalStrings() throws {
        let table = try parseTOML(#"""
            winpath  = 'C:\Users\nodejs\templates'
            quoted   = 'Tom "Dubs" Preston-Werner'
            regex    = '<\i\c*\s*>'
            empty = ''
            tabbed = 'a	b'
            """#)
        #expect(table["winpath"] == .string(#"C:\Users\nodejs\templates"#))
        #expect(table["quoted"] == .string(#"Tom "Dubs" Preston-Werner"#))
        #expect(table["regex"] == .string(#"<\i\c*\s*>"#))
        #expect(table["empty"] == .string(""))
        #expect(table["tabbed"] == .string("a\tb"))
    }

    @Test func multilineBasicStrings() throws {
        let table = try parseTOML(#"""
            str1 = """
            Roses are red
            Violets are blue"""
            str2 = """
            The quick brown \


              fox jumps over \
                the lazy dog."""
            str3 = """\
                   The quick brown \
                   fox jumps over \	  
                   the lazy dog.\
                   """
            str4 = """Here are two quotation marks: "". Simple enough."""
            str5 = """Here are three quotation marks: ""\"."""
            str6 = """"This," she said, "is just a pointless statement.""""
            str7 = """a\tb \u00E9"""
            empty = """"""
            """#)
        #expect(table["str1"] == .string("Roses are red\nViolets are blue"))
        #expect(table["str2"] == .string("The quick brown fox jumps over the lazy dog."))
        #expect(table["str3"] == .string("The quick brown fox jumps over the lazy dog."))
        #expect(table["str4"] == .string(#"Here are two quotation marks: "". Simple enough."#))
        #expect(table["str5"] == .string(#"Here are three quotation marks: """."#))
        #expect(table["str6"] == .string(#""This," she said, "is just a pointless statement.""#))
        #expect(table["str7"] == .string("a\tb é"))
        #expect(table["empty"] == .string(""))
    }

    @Test func multilineLiteralStrings() throws {
        let table = try parseTOML(#"""
            regex2 = '''I [dw]on't need \d{2} apples'''
            lines  = '''
            The first newline is
            trimmed in raw strings.
               All other whitespace
               is preserved.
            '''
            quot15 = '''Here are fifteen quotation marks: """""""""""""""'''
            apos15 = "Here are fifteen apostrophes: '''''''''''''''"
            str = ''''That,' she said, 'is still pointless.''''
            """#)
        #expect(table["regex2"] == .string(#"I [dw]on't need \d{2} apples"#))
        #expect(table["lines"] == .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"))
        #expect(table["quot15"] == .string("Here are fifteen quotation marks: " + String(repeating: "\"", count: 15)))
        #expect(table["apos15"] == .string("Here are fifteen apostrophes: '''''''''''''''"))
        #expect(table["str"] == .string("'That,' she said, 'is still pointless.'"))
    }

    @Test func integers() throws {
        let table = try parseTOML("""
            int1 = +99
            int2 = 42
            int3 = 0
            int4 = -17
            int5 = 1_000
            int6 = 5_349_221
            int7 = 53_49_221
            int8 = 1_2_3_4_5
            zero1 = +0
            zero2 = -0
            hex1 = 0xDEADBEEF
            hex2 = 0xdeadbeef
            hex3 = 0xdead_beef
            oct1 = 0o01234567
            oct2 = 0o755
            bin1 = 0b11010110
            max = 9223372036854775807
            min = -9223372036854775808
            hexmax = 0x7FFFFFFFFFFFFFFF
            padded = 0x0000000000000000001
            """)
        let expected: [(String, Int64)] = [
            ("int1", 99), ("int2", 42), ("int3", 0), ("int4", -17), ("int5", 1000), ("int6", 5_349_221),
            ("int7", 5_349_221), ("int8", 12345), ("zero1", 0), ("zero2", 0), ("hex1", 0xDEADBEEF),
            ("hex2", 0xDEADBEEF), ("hex3", 0xDEADBEEF), ("oct1", 0o1234567), ("oct2", 0o755), ("bin1", 0b11010110),
            ("max", Int64.max), ("min", Int64.min), ("hexmax", Int64.max), ("padded", 1),
        ]
        for (key, value) in expected {
            #expect(table[key] == .integer(value), "\(key)")
        }
    }

    @Test func floats() throws {
        let table = try parseTOML("""
            flt1 = +1.0
            flt2 = 3.1415
            flt3 = -0.01
            flt4 = 5e+22
            flt5 = 1e06
            flt6 = -2E-2
            flt7 = 6.626e-34
            flt8 = 224_617.445_991_228
            flt9 = 1e1_0
            zero = 0.0
            negzero = -0.0
            zeroexp = 0e0
            sf1 = inf
            sf2 = +inf
            sf3 = -inf
            sf4 = nan
            sf5 = +nan
            sf6 = -nan
            tiny = 1e-400
            """)
        let expected: [(String, Double)] = [
            ("flt1", 1.0), ("flt2", 3.1415), ("flt3", -0.01), ("flt4", 5e22), ("flt5", 1e6), ("flt6", -0.02),
            ("flt7", 6.626e-34), ("flt8", 224_617.445_991_228), ("flt9", 1e10), ("zero", 0), ("zeroexp", 0),
            ("sf1", .infinity), ("sf2", .infinity), ("sf3", -.infinity), ("tiny", 0),
        ]
        for (key, value) in expected {
            #expect(table[key] == .float(value), "\(key)")
        }
        #expect(table["negzero"]?.doubleValue?.sign == .minus)
        for key in ["sf4", "sf5", "sf6"] {
            #expect(table[key]?.doubleValue?.isNaN == true, "\(key)")
            #expect(table[key]?.typeName == "float")
        }
    }

    @Test func booleans() throws {
        let table = try parseTOML("t = true\nf = false\n")
        #expect(table["t"] == .boolean(true))
        #expect(table["f"]?.boolValue == false)
    }

    @Test func dateTimesAreValidatedAndKeptAsWritten() throws {
        let values = [
            "1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999-07:00",
            "1979-05-27 07:32:00Z", "1979-05-27t07:32:00z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999",
            "1979-05-27", "07:32:00", "00:32:00.999999", "2000-02-29", "2024-02-29", "1987-07-05T17:45:00+14:00",
            "0000-01-01", "9999-12-31T23:59:60Z",
        ]
        var document = ""
        for (index, value) in values.enumerated() { document += "d\(index) = \(value) # comment\n" }
        let table = try parseTOML(document)
        for (index, value) in values.enumerated() {
            #expect(table["d\(index)"] == .dateTime(value))
            #expect(table["d\(index)"]?.typeName == "datetime")
        }
        let spaced = try parseTOML("a = [1979-05-27 07:32:00, 1979-05-27]\nb = {x = 1979-05-27 07:32:00.5}")
        #expect(spaced["a"] == .array([.dateTime("1979-05-27 07:32:00"), .dateTime("1979-05-27")]))
        #expect(spaced.value(at: ["b", "x"]) == .dateTime("1979-05-27 07:32:00.5"))
    }

    @Test func arrays() throws {
        let table = try parseTOML("""
            integers = [ 1, 2, 3 ]
            colors = [ "red", "yellow", "green" ]
            nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
            nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
            string_array = [ "all", 'strings', \"\"\"are the same\"\"\", '''type''' ]
            numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
            contributors = [
              "Foo Bar <foo@example.com>",
              { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
            ]
            integers2 = [
              1, 2, 3
            ]
            integers3 = [
              1, # comment ] inside
              2, # this is ok
            ]
            empty = []
            empty2 = [ # comment
            ]
            """)
        #expect(table["integers"] == .array([.integer(1), .integer(2), .integer(3)]))
        #expect(table["colors"]?.arrayValue?.compactMap(\.stringValue) == ["red", "yellow", "green"])
        #expect(table["nested_arrays_of_ints"] == .array([.array([.integer(1), .integer(2)]),
                                                         .array([.integer(3), .integer(4), .integer(5)])]))
        #expect(table["nested_mixed_array"]?.arrayValue?.last == .array([.string("a"), .string("b"), .string("c")]))
        #expect(table["string_array"]?.arrayValue?.compactMap(\.stringValue) == ["all", "strings", "are the same", "type"])
        #expect(table["numbers"]?.arrayValue?.compactMap(\.doubleValue) == [0.1, 0.2, 0.5, 1, 2, 5])
        let contributor = table["contributors"]?.arrayValue?.last?.tableValue
        #expect(contributor?["name"] == .string("Baz Qux"))
        #expect(contributor?.keys == ["name", "email", "url"])
        #expect(table["integers2"] == table["integers"])
        #expect(table["integers3"] == .array([.integer(1), .integer(2)]))
        #expect(table["empty"] == .array([]))
        #expect(table["empty2"] == .array([]))
    }

    @Test func inlineTables() throws {
        let table = try parseTOML("""
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            animal = { type.name = "pug", type.size = "small" }
            nested = { a = { b = { c = [1, { d = true }] } } }
            empty = {}
            spaced = {   }
            multilineValue = { list = [
              1,
              2,
            ], text = \"\"\"
            two
            lines\"\"\" }
            """)
        #expect(table.value(at: ["name", "first"]) == .string("Tom"))
        #expect(table.value(at: ["name"])?.tableValue?.keys == ["first", "last"])
        #expect(table.value(at: ["point", "y"]) == .integer(2))
        #expect(table.value(at: ["animal", "type", "name"]) == .string("pug"))
        #expect(table.value(at: ["animal", "type", "size"]) == .string("small"))
        let c = table.value(at: ["nested", "a", "b", "c"])?.arrayValue
        #expect(c?.first == .integer(1))
        #expect(c?.last?.tableValue?["d"] == .boolean(true))
        #expect(table["empty"] == .table(TOMLTable()))
        #expect(table["spaced"] == .table(TOMLTable()))
        #expect(table.value(at: ["multilineValue", "list"]) == .array([.integer(1), .integer(2)]))
        #expect(table.value(at: ["multilineValue", "text"]) == .string("two\nlines"))
    }

    @Test func tablesAndImplicitSuperTables() throws {
        let table = try parseTOML("""
            [table-1]
            key1 = "some string"
            key2 = 123

            [dog."tater.man"]
            type.name = "pug"

            [a.b.c]
            [ d.e.f ]
            [ g .  h  . i ]
            [ j . "ʞ" . 'l' ]

            [x.y.z.w]
            deep = true
            [x]
            shallow = true

            [empty]
            """)
        #expect(table.keys == ["table-1", "dog", "a", "d", "g", "j", "x", "empty"])
        #expect(table.value(at: ["table-1", "key2"]) == .integer(123))
        #expect(table.value(at: ["dog", "tater.man", "type", "name"]) == .string("pug"))
        #expect(table.value(at: ["a", "b", "c"]) == .table(TOMLTable()))
        #expect(table.value(at: ["d", "e", "f"]) == .table(TOMLTable()))
        #expect(table.value(at: ["g", "h", "i"]) == .table(TOMLTable()))
        #expect(table.value(at: ["j", "ʞ", "l"]) == .table(TOMLTable()))
        #expect(table.value(at: ["x", "y", "z", "w", "deep"]) == .boolean(true))
        #expect(table.value(at: ["x", "shallow"]) == .boolean(true))
        #expect(table.value(at: ["x"])?.tableValue?.keys == ["y", "shallow"])
        #expect(table["empty"] == .table(TOMLTable()))
        #expect(table.value(at: ["missing", "key"]) == nil)
        #expect(table.value(at: ["table-1", "key1", "deeper"]) == nil)
    }

    @Test func dottedKeysAndSubTablesAsTheSpecAllows() throws {
        let table = try parseTOML("""
            fruit.apple.color = "red"
            fruit.apple.taste.sweet = true
            fruit.orange = 2

            [fruit.apple.texture]
            smooth = true

            [a.b.c]
            z = 9
            [a]
            b.d = 1
            """)
        #expect(table.value(at: ["fruit", "apple", "color"]) == .string("red"))
        #expect(table.value(at: ["fruit", "apple", "taste", "sweet"]) == .boolean(true))
        #expect(table.value(at: ["fruit", "orange"]) == .integer(2))
        #expect(table.value(at: ["fruit", "apple", "texture", "smooth"]) == .boolean(true))
        #expect(table.value(at: ["fruit", "apple"])?.tableValue?.keys == ["color", "taste", "texture"])
        #expect(table.value(at: ["a", "b", "d"]) == .integer(1))
        #expect(table.value(at: ["a", "b", "c", "z"]) == .integer(9))
    }

    @Test func arraysOfTables() throws {
        let table = try parseTOML("""
            [[products]]
            name = "Hammer"
            sku = 738594937

            [[products]]  # empty table within the array

            [[products]]
            name = "Nail"
            color = "gray"

            [[fruits]]
            name = "apple"

            [fruits.physical]  # subtable
            color = "red"
            shape = "round"

            [[fruits.varieties]]  # nested array of tables
            name = "red delicious"

            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"

            [[fruits.varieties]]
            name = "plantain"

            [fruits.physical]
            color = "yellow"
            """)
        let products = table["products"]?.arrayValue
        #expect(products?.count == 3)
        #expect(products?.first?.tableValue?["sku"] == .integer(738594937))
        #expect(products?[1] == .table(TOMLTable()))
        #expect(products?.last?.tableValue?["color"] == .string("gray"))
        let fruits = table["fruits"]?.arrayValue?.compactMap(\.tableValue)
        #expect(fruits?.count == 2)
        #expect(fruits?.first?.value(at: ["physical", "shape"]) == .string("round"))
        #expect(fruits?.first?["varieties"]?.arrayValue?.compactMap { $0.tableValue?["name"]?.stringValue } == ["red delicious", "granny smith"])
        #expect(fruits?.last?.value(at: ["physical", "color"]) == .string("yellow"))
        #expect(fruits?.last?["varieties"]?.arrayValue?.count == 1)
        #expect(fruits?.first?.keys == ["name", "physical", "varieties"])
    }

    @Test func arrayOfTablesUnderImplicitAndExplicitTables() throws {
        let table = try parseTOML("""
            [[a.b]]
            x = 1
            [a]
            y = 2
            [[a.b]]
            x = 3
            [a.b.c]
            z = 4
            """)
        #expect(table.value(at: ["a", "y"]) == .integer(2))
        let elements = table.value(at: ["a", "b"])?.arrayValue
        #expect(elements?.count == 2)
        #expect(elements?.last?.tableValue?.value(at: ["c", "z"]) == .integer(4))
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let table = try parseTOML("\u{FEFF}a = 1\r\n[t]\r\ns = \"\"\"\r\nx\r\ny\"\"\"\r\n")
        #expect(table["a"] == .integer(1))
        #expect(table.value(at: ["t", "s"]) == .string("x\ny"))
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = TOMLReader.maxDepth
        let arrays = try parseTOML("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var value = arrays["a"]
        var levels = 0
        while let inner = value?.arrayValue { levels += 1; value = inner.first }
        #expect(levels == depth)

        let header = (0..<(depth - 1)).map { "k\($0)" }.joined(separator: ".")
        let tables = try parseTOML("[\(header)]\nleaf = 1")
        #expect(tables.value(at: (0..<(depth - 1)).map { "k\($0)" } + ["leaf"]) == .integer(1))
    }

    @Test func accessorsAndTypeNames() throws {
        let table = try parseTOML("""
            s = "x"
            i = 7
            f = 2.5
            b = true
            d = 1979-05-27
            a = [1]
            t = {k = 1}
            """)
        #expect(table["s"]?.stringValue == "x")
        #expect(table["i"]?.intValue == 7)
        #expect(table["i"]?.doubleValue == 7.0)
        #expect(table["f"]?.doubleValue == 2.5)
        #expect(table["f"]?.intValue == nil)
        #expect(table["b"]?.boolValue == true)
        #expect(table["d"]?.dateTimeValue == "1979-05-27")
        #expect(table["a"]?.arrayValue == [.integer(1)])
        #expect(table["t"]?.tableValue?["k"] == .integer(1))
        #expect(table["s"]?.intValue == nil && table["i"]?.stringValue == nil && table["b"]?.tableValue == nil)
        #expect(table.keys.compactMap { table[$0]?.typeName } == ["string", "integer", "float", "boolean", "datetime", "array", "table"])
        #expect(table.count == 7)
    }

    @Test func tableEqualityIgnoresOrderAndRanges() throws {
        let first = try parseTOML("a = 1\nb = { c = [true] }")
        let second = try parseTOML("\n\nb = {c=[ true ]}\n  a = 1")
        #expect(first == second)
        #expect(first != (try parseTOML("a = 1")))
        #expect(first != (try parseTOML("a = 2\nb = { c = [true] }")))
        let built = TOMLTable(entries: [
            .init(key: "a", value: .integer(0), keyRange: .line(1), valueRange: .line(1)),
            .init(key: "a", value: .integer(1), keyRange: .line(1), valueRange: .line(1)),
        ])
        #expect(built.count == 1 && built["a"] == .integer(1))
    }
}
