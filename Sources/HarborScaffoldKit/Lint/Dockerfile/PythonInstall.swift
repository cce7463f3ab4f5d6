/// A Python package install recognised in a `RUN` command: `pip install`, `pip3.12 install`,
/// `python -m pip install`, `uv pip install`, `uv add` or `pipx install`.
struct PythonInstall {
    /// How the command is named in messages (`pip`, `uv pip`, `uv add`, `pipx`).
    let tool: String
    /// The package operands (requirement specifiers, paths or URLs), in order.
    let packages: [ShellWord]
    /// Values of `-r` / `--requirement`.
    let requirementFiles: [String]
    /// True when `-c` / `--constraint` is given: its file may pin what the operands leave open.
    let hasConstraints: Bool
    /// True with `--no-cache-dir` (pip) or `--no-cache` (uv).
    let disablesCache: Bool
    /// Values of `-i` / `--index-url` / `--extra-index-url` / `--index`.
    let indexURLs: [String]

    /// Options whose value is the next word (when not written as `--name=value`).
    static let valuedOptions: Set<String> = [
        "-r", "--requirement", "--requirements", "-c", "--constraint", "--constraints", "-e", "--editable", "-i",
        "--index-url", "--extra-index-url", "--index", "--default-index", "-f", "--find-links", "-t", "--target",
        "--prefix", "--root", "--platform", "--python-version", "--implementation", "--abi", "--src",
        "--upgrade-strategy", "--no-binary", "--only-binary", "--progress-bar", "--trusted-host", "--cache-dir",
        "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert",
        "--global-option", "--config-settings", "-C", "--report", "--root-user-action", "--python", "-p", "--group",
        "--extra", "--optional", "--rev", "--tag", "--branch", "--package", "--script", "--resolution",
        "--prerelease", "--python-platform", "--keyring-provider", "--index-strategy", "--link-mode", "--override",
        "--overrides", "--build-constraint", "--build-constraints", "--spec", "--suffix",
    ]

    /// Recognises `command` (wrappers already removed), or returns nil.
    init?(_ command: ShellCommand) {
        guard let name = command.name else { return nil }
        let args = command.argumentTexts
        var start: Int
        switch name {
        case "uv" where args.count >= 2 && args[0] == "pip" && args[1] == "install":
            tool = "uv pip"
            start = 2
        case "uv" where args.first == "add":
            tool = "uv add"
            start = 1
        case "pipx" where args.first == "install":
            tool = "pipx"
            start = 1
        default:
            if PythonInstall.isPip(name) {
                start = 0
            } else if PythonInstall.isPython(name), args.count >= 2, args[0] == "-m", PythonInstall.isPip(args[1]) {
                start = 2
            } else {
                return nil
            }
            // Global options may precede the subcommand (`pip --no-cache-dir install`).
            while start < args.count, args[start].hasPrefix("-") { start += 1 }
            guard start < args.count, args[start] == "install" else { return nil }
            tool = "pip"
            start += 1
        }
        var packages: [ShellWord] = []
        var requirementFiles: [String] = []
        var hasConstraints = false
        var disablesCache = false
        var indexURLs: [String] = []
        let words = command.arguments
        var index = start
        var afterMarker = false
        // Global pip options before `install` count too (`pip --no-cache-dir install`).
        disablesCache = args[..<start].contains("--no-cache-dir")
        while index < words.count {
            let word = words[index]
            let text = word.text
            index += 1
            if afterMarker || !text.hasPrefix("-") || text == "-" {
                packages.append(word)
                continue
            }
            if text == "--" { afterMarker = true; continue }
            var option = text
            var value: String?
            if let equals = text.firstIndex(of: "="), text.hasPrefix("--") {
                option = String(text[..<equals])
                value = String(text[text.index(after: equals)...])
            } else if PythonInstall.valuedOptions.contains(text) {
                value = index < words.count ? words[index].text : nil
                index += 1
            } else if text.count > 2, !text.hasPrefix("--"), ["-r", "-c", "-e", "-i"].contains(String(text.prefix(2))) {
                option = String(text.prefix(2))
                value = String(text.dropFirst(2))
            }
            switch option {
            case "-r", "--requirement", "--requirements": if let value { requirementFiles.append(value) }
            case "-c", "--constraint", "--constraints", "--override", "--overrides": hasConstraints = true
            case "-i", "--index-url", "--extra-index-url", "--index", "--default-index": if let value { indexURLs.append(value) }
            case "--no-cache-dir", "--no-cache": disablesCache = true
            default: break
            }
        }
        self.packages = packages
        self.requirementFiles = requirementFiles
        self.hasConstraints = hasConstraints
        self.disablesCache = disablesCache
        self.indexURLs = indexURLs
    }

    /// `pip`, `pip3`, `pip3.12`.
    static func isPip(_ name: String) -> Bool {
        name.hasPrefix("pip") && name.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `python`, `python3`, `python3.12`.
    static func isPython(_ name: String) -> Bool {
        name.hasPrefix("python") && name.dropFirst(6).allSatisfy { $0.isNumber || $0 == "." }
    }
}

/// What one pip operand asks for.
enum PythonRequirement: Equatable {
    /// `name==1.2.3` or `name===1.2.3`.
    case pinned(name: String)
    /// A bare name, a range (`name>=1`, `name~=1.2`), a wildcard (`name==1.*`) or a Git URL without a ref.
    case unpinned(name: String)
    /// A local path, archive or URL naming one file, or a VCS URL with a ref.
    case local
    /// Built from variables (`$PACKAGES`): cannot be told.
    case unknown

    /// Packages that only bootstrap the installer; leaving them unpinned does not change what the task runs.
    static let bootstrap: Set<String> = ["pip", "setuptools", "wheel"]

    /// Classifies an operand.
    init(_ word: ShellWord) {
        let text = word.text
        if text.isEmpty { self = .unknown; return }
        if word.hasExpansion, !text.contains("==") { self = .unknown; return }
        let lower = text.lowercased()
        if lower.hasPrefix("git+") || lower.hasPrefix("hg+") || lower.hasPrefix("svn+") || lower.hasPrefix("bzr+") {
            // `git+https://host/org/repo@v1.2#egg=x`: a ref after the last path component pins it.
            let beforeFragment = lower.split(separator: "#", maxSplits: 1).first.map(String.init) ?? lower
            let lastComponent = beforeFragment.split(separator: "/").last ?? ""
            self = lastComponent.contains("@") ? .local : .unpinned(name: PythonRequirement.vcsName(lower))
            return
        }
        if lower.contains("://") || lower.hasPrefix(".") || lower.hasPrefix("/") || lower.hasPrefix("~")
            || text.contains("/") || [".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2"].contains(where: lower.hasSuffix)
        {
            self = .local
            return
        }
        let requirement = text.split(separator: ";", maxSplits: 1).first.map { String($0) } ?? text
        let compact = requirement.filter { $0 != " " }
        guard let first = compact.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            self = .unknown
            return
        }
        let operatorStart = compact.firstIndex { "=<>~!(@".contains($0) } ?? compact.endIndex
        let name = PythonRequirement.normalized(String(compact[..<operatorStart]))
        let specifier = compact[operatorStart...]
        if specifier.hasPrefix("@") {
            self = .local  // PEP 508 direct reference: `name@https://…`.
        } else if specifier.hasPrefix("=="), !specifier.contains("*") {
            self = .pinned(name: name)
        } else {
            self = .unpinned(name: name)
        }
    }

    /// The normalised project name (`Django[argon2]` → `django`), if the operand names one.
    var name: String? {
        switch self {
        case .pinned(let name), .unpinned(let name): name
        case .local, .unknown: nil
        }
    }

    /// A project name lowercased, extras removed, `_` and `.` as `-` (PEP 503).
    static func normalized(_ name: String) -> String {
        let base = name.split(separator: "[", maxSplits: 1).first.map(String.init) ?? name
        return String(base.lowercased().map { $0 == "_" || $0 == "." ? "-" : $0 })
    }

    /// The extras requested by an operand (`.[test,dev]` → `test`, `dev`).
    static func extras(of text: String) -> [String] {
        guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return [] }
        return text[text.index(after: open)..<close].split(separator: ",").map { ShellByte.trimmingBlanks($0).lowercased() }
    }

    /// The project name of a VCS URL: its `#egg=` name, else the repository name.
    private static func vcsName(_ url: String) -> String {
        if let egg = url.split(separator: "#").last, egg.hasPrefix("egg=") { return String(egg.dropFirst(4)) }
        let last = url.split(separator: "/").last.map(String.init) ?? url
        return last.hasSuffix(".git") ? String(last.dropLast(4)) : last
    }
}
