import Foundation
import Testing
@testable import HarborScaffoldKit

@Suite struct PythonValidCorpusTests {
    @Test(arguments: ValidPythonSnippet.all)
    func validSnippetHasNoSyntaxIssue(_ snippet: ValidPythonSnippet) {
        let module = PythonTestSupport.module(snippet.source + "\n")
        #expect(module.syntaxIssues.isEmpty, "\(module.syntaxIssues.map { "\($0.range.start.line):\($0.range.start.column) \($0.message)" })")
        let withoutNewline = PythonTestSupport.module(snippet.source)
        #expect(withoutNewline.syntaxIssues.isEmpty)
    }

    @Test func corpusIsLargeEnough() {
        #expect(ValidPythonSnippet.all.count >= 30)
    }

    /// Asks CPython whether each snippet compiles: the valid corpus must be accepted and every
    /// invalid example rejected, so the reader's verdicts are backed by the real parser.
    @Test(.enabled(if: PythonInterpreter.path != nil, "needs python3 on PATH"))
    func cpythonAgreesWithTheCorpora() throws {
        let interpreter = try #require(PythonInterpreter.path)
        let valid = ValidPythonSnippet.all
        let invalid = InvalidPythonCase.all
        let sources = valid.map { $0.source + "\n" } + invalid.map(\.source)
        let verdicts = try PythonInterpreter.compileVerdicts(sources, interpreter: interpreter)
        try #require(verdicts.accepted.count == sources.count)
        for (index, snippet) in valid.enumerated() where snippet.minimumMinor <= verdicts.minor {
            #expect(verdicts.accepted[index], "CPython 3.\(verdicts.minor) rejects valid snippet \(snippet.name)")
        }
        for (offset, example) in invalid.enumerated() {
            #expect(!verdicts.accepted[valid.count + offset], "CPython accepts \(example.testDescription)")
        }
    }
}

/// Runs the `python3` found on PATH, if any.
enum PythonInterpreter {
    /// The first executable `python3` on PATH.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.lazy.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Compiles each source with one CPython process; returns its minor version and, per source,
    /// whether it compiled.
    static func compileVerdicts(_ sources: [String], interpreter: String) throws -> (minor: Int, accepted: [Bool]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("harbor-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, source) in sources.enumerated() {
            try Data(source.utf8).write(to: directory.appendingPathComponent("\(index).py"))
        }
        let script = """
        import sys, os, warnings
        warnings.simplefilter("ignore")
        print(sys.version_info[1])
        for i in range(int(sys.argv[2])):
            data = open(os.path.join(sys.argv[1], f"{i}.py"), "rb").read().decode("utf-8")
            try:
                compile(data, f"{i}.py", "exec", dont_inherit=True)
                print("ok")
            except (SyntaxError, ValueError):
                print("error")
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script, directory.path, String(sources.count)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard let first = lines.first, let minor = Int(first) else { return (0, []) }
        return (minor, lines.dropFirst().map { $0 == "ok" })
    }
}
