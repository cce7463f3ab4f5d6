import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct TextFileReaderTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hs-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func problem(_ bytes: [UInt8]) -> InputProblem? {
        do {
            _ = try TextFileReader.decode(bytes, path: "d.md")
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyAndWhitespaceFilesAreRefused() {
        #expect(problem([])?.kind == .empty)
        #expect(problem(Array(" \n\t\n".utf8))?.kind == .empty)
    }

    @Test func binaryContentNamesTheOffsetAndLine() {
        let found = problem(Array("Task: x\nab\0c".utf8))
        #expect(found?.kind == .binary)
        #expect(found?.line == 2)
        #expect(found?.message.contains("offset 10") == true)
    }

    @Test func invalidUTF8NamesTheByte() {
        let found = problem(Array("Task: x\n".utf8) + [0xC3, 0x28])
        #expect(found?.kind == .invalidUTF8)
        #expect(found?.message.contains("0xC3") == true)
        #expect(found?.line == 2)
        #expect(problem([0xED, 0xA0, 0x80])?.kind == .invalidUTF8, "surrogates are not UTF-8")
        #expect(problem(Array("é ✓ 😀".utf8)) == nil)
    }

    @Test func oversizedDirectoriesMissingAndLinksAreRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.md")
        try Data(repeating: 0x61, count: 2048).write(to: big)
        #expect(throws: InputProblem.self) { try TextFileReader(sizeLimit: 1024).read(big.path) }
        do {
            _ = try TextFileReader(sizeLimit: 1024).read(big.path)
        } catch {
            #expect(error.kind == .tooLarge)
        }
        do {
            _ = try TextFileReader().read(folder.path)
        } catch {
            #expect(error.kind == .unreadable && error.message.contains("directory"))
        }
        do {
            _ = try TextFileReader().read(folder.appendingPathComponent("none.md").path)
        } catch {
            #expect(error.kind == .unreadable && error.message.contains("no such file"))
        }
        let inside = folder.appendingPathComponent("inside")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        let link = inside.appendingPathComponent("draft_spec.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: big.path)
        do {
            _ = try TextFileReader(confinedTo: inside.path).read(link.path)
            Issue.record("a link leaving the folder was followed")
        } catch {
            #expect(error.message.contains("outside the data point"))
        }
        #expect((try? TextFileReader().read(link.path)) != nil, "unconfined reads follow links")
    }
}
