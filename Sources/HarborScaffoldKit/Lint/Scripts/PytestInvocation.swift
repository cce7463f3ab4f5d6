/// A pytest run found in a shell command: `pytest …`, `python3 -m pytest …`, `uv run pytest …`,
/// `uvx --with x pytest …` and similar launchers.
struct PytestInvocation {
    /// The word to report at (`pytest`, or the interpreter of `python3 -m pytest`).
    let word: ShellWord
    /// pytest's own arguments.
    let arguments: [ShellWord]
    /// True for `python -m pytest`, which puts the working folder first on `sys.path`.
    let isPythonModule: Bool
    /// The interpreter's options before `-m` (`-P`, `-I`…), for `python -m pytest`.
    let interpreterOptions: [String]

    /// Launchers that run a tool named among their arguments.
    private static let launchers: Set<String> = ["uv", "uvx", "pipx", "poetry", "pdm", "hatch", "pipenv", "rye", "coverage"]
    /// Launcher options that take the next word as their value (`--with pytest==8`).
    private static let launcherValueOptions: Set<String> = ["-w", "--with", "--from", "-p", "--python", "--with-requirements", "--directory", "--project", "-e", "--env"]

    /// pytest options that take the next word as their value.
    static let valueOptions: Set<String> = [
        "-k", "-m", "-p", "-o", "-c", "-W", "-n", "--rootdir", "--junitxml", "--junit-xml", "--junit-prefix", "--basetemp",
        "--confcutdir", "--ignore", "--ignore-glob", "--deselect", "--pythonwarnings", "--tb", "--durations",
        "--durations-min", "--maxfail", "--timeout", "--numprocesses", "--dist", "--cov", "--cov-report", "--cov-config",
        "--cov-fail-under", "--log-file", "--log-level", "--log-cli-level", "--log-format", "--override-ini",
        "--import-mode", "--capture", "--color", "--html", "--report-log", "--json-report-file", "--ctrf", "--alluredir",
        "--reruns", "--reruns-delay", "--config-file", "--inifile", "--show-capture", "--verbosity",
    ]

    /// The pytest run in `command` (wrappers such as `timeout` or `env` are looked through), or nil.
    init?(_ command: ShellCommand) {
        let command = command.withoutWrappers
        guard let name = command.name, let nameWord = command.nameWord else { return nil }
        let arguments = command.arguments
        if name == "pytest" || name == "py.test" {
            self.init(word: nameWord, arguments: arguments, isPythonModule: false, interpreterOptions: [])
            return
        }
        if CommandTraits.isPython(name) {
            guard let found = Self.moduleRun(arguments) else { return nil }
            self.init(word: nameWord, arguments: found.rest, isPythonModule: true, interpreterOptions: found.options)
            return
        }
        guard Self.launchers.contains(name) else { return nil }
        var index = 0
        while index < arguments.count {
            let text = arguments[index].text
            if Self.launcherValueOptions.contains(text) {
                index += 2
                continue
            }
            if text == "pytest" || text == "py.test" {
                self.init(word: arguments[index], arguments: Array(arguments[(index + 1)...]), isPythonModule: false, interpreterOptions: [])
                return
            }
            if CommandTraits.isPython(text), let found = Self.moduleRun(Array(arguments[(index + 1)...])) {
                self.init(word: arguments[index], arguments: found.rest, isPythonModule: true, interpreterOptions: found.options)
                return
            }
            index += 1
        }
        return nil
    }

    private init(word: ShellWord, arguments: [ShellWord], isPythonModule: Bool, interpreterOptions: [String]) {
        self.word = word
        self.arguments = arguments
        self.isPythonModule = isPythonModule
        self.interpreterOptions = interpreterOptions
    }

    /// For interpreter arguments `… -m pytest rest`: the options before `-m` and `rest`.
    private static func moduleRun(_ arguments: [ShellWord]) -> (options: [String], rest: [ShellWord])? {
        for (index, word) in arguments.enumerated() {
            let text = word.text
            if text == "-m", index + 1 < arguments.count, arguments[index + 1].text == "pytest" {
                return (arguments[..<index].map(\.text), Array(arguments[(index + 2)...]))
            }
            if text == "-mpytest" { return (arguments[..<index].map(\.text), Array(arguments[(index + 1)...])) }
            // The first operand is a script or `-c` code: no module run.
            if !text.hasPrefix("-") || text == "-c" { return nil }
        }
        return nil
    }

    /// True when `flag` is given (`--noconftest`).
    func has(_ flag: String) -> Bool {
        arguments.contains { $0.text == flag }
    }

    /// Every value of `option`: `--rootdir X`, `--rootdir=X`, and for short options `-pX`.
    func values(of option: String) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let text = arguments[index].text
            if text == option, index + 1 < arguments.count {
                result.append(arguments[index + 1].text)
                index += 2
                continue
            }
            if text.hasPrefix(option + "=") {
                result.append(String(text.dropFirst(option.count + 1)))
            } else if option.count == 2, text.count > 2, text.hasPrefix(option), !text.hasPrefix("--") {
                result.append(String(text.dropFirst(2)))
            }
            index += 1
        }
        return result
    }

    /// True when the cache plugin is disabled (`-p no:cacheprovider`).
    var disablesCache: Bool { values(of: "-p").contains("no:cacheprovider") }

    /// The arguments that name test files or folders: operands that look like paths.
    var testPaths: [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let text = arguments[index].text
            if text == "--" {
                result += arguments[(index + 1)...].map(\.text)
                break
            }
            if Self.valueOptions.contains(text) {
                index += 2
                continue
            }
            if !text.hasPrefix("-"), text.contains("/") || text.hasSuffix(".py") || text.contains("::") || text == "." || text.hasPrefix("$") {
                result.append(text)
            }
            index += 1
        }
        return result
    }
}
