import Foundation

/// Runs small Python checks (YAML syntax, the SARIF schema, XML well-formedness) when python3 and
/// the module they need are installed; tests that need them are disabled otherwise.
enum Python {
    /// The python3 on PATH, if any.
    static let executable: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(folder) + "/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// True when python3 can import every module in `modules`.
    static func has(_ modules: String...) -> Bool {
        guard executable != nil else { return false }
        return run("import " + modules.joined(separator: ", "), []).status == 0
    }

    /// Runs `script` with `arguments` (`sys.argv[1...]`); returns the exit status and combined output.
    static func run(_ script: String, _ arguments: [String]) -> (status: Int32, output: String) {
        guard let executable else { return (127, "no python3") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes each text to a temporary file, runs `script` with their paths (then `extra`) as
    /// arguments, and removes the files.
    static func run(_ script: String, texts: [(text: String, suffix: String)], extra: [String] = []) -> (status: Int32, output: String) {
        let paths = texts.map { text, suffix -> String in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("hs-\(UUID().uuidString)\(suffix)").path
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        defer { for path in paths { try? FileManager.default.removeItem(atPath: path) } }
        return run(script, paths + extra)
    }
}
