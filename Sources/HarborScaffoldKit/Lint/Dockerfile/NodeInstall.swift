/// A Node.js package install recognised in a `RUN` command: `npm install|i|add|ci`, `yarn [install|add]`,
/// `yarn global add`, `pnpm install|i|add`, `bun install|add`.
struct NodeInstall {
    /// The package manager (`npm`, `yarn`, `pnpm`, `bun`).
    let tool: String
    /// The package operands (`express@4.21.2`, `lodash`, `./local`), in order.
    let packages: [ShellWord]
    /// True for `npm ci` and frozen-lockfile installs (`--frozen-lockfile`, `--immutable`): they install
    /// exactly the lockfile's tree or fail.
    let isLockedInstall: Bool
    /// True with `-g` / `--global` / `yarn global add`.
    let isGlobal: Bool

    /// The lockfile names each tool honours, the usual one first.
    static let lockfiles: [String: [String]] = [
        "npm": ["package-lock.json", "npm-shrinkwrap.json"], "yarn": ["yarn.lock"], "pnpm": ["pnpm-lock.yaml"],
        "bun": ["bun.lock", "bun.lockb"],
    ]

    /// Options whose value is the next word.
    static let valuedOptions: Set<String> = [
        "--prefix", "--registry", "--cache", "--omit", "--include", "--workspace", "-w", "--tag", "--loglevel",
        "--userconfig", "--install-strategy", "--before", "--location", "--filter", "--dir", "-C", "--cwd",
        "--network-timeout", "--modules-folder", "--cache-folder", "--mutex",
    ]

    /// Recognises `command` (wrappers already removed), or returns nil.
    init?(_ command: ShellCommand) {
        guard let name = command.name, ["npm", "yarn", "pnpm", "bun"].contains(name) else { return nil }
        let sub = command.subcommand(skipping: NodeInstall.valuedOptions)
        var subIndex = sub?.index ?? -1
        var global = command.hasOption("-g", "--global")
        switch (name, sub?.word.text) {
        case ("npm", "install"?), ("npm", "i"?), ("npm", "add"?), ("npm", "in"?), ("npm", "ci"?), ("npm", "clean-install"?),
            ("npm", "install-clean"?), ("pnpm", "install"?), ("pnpm", "i"?), ("pnpm", "add"?), ("yarn", "install"?),
            ("yarn", "add"?), ("bun", "install"?), ("bun", "i"?), ("bun", "add"?), ("yarn", nil):
            break
        case ("yarn", "global"?):
            let args = command.arguments
            guard subIndex + 1 < args.count, args[subIndex + 1].text == "add" else { return nil }
            subIndex += 1
            global = true
        default:
            return nil
        }
        let verb = sub?.word.text ?? "install"
        tool = name
        isGlobal = global
        isLockedInstall =
            ["ci", "clean-install", "install-clean"].contains(verb)
            || command.hasOption("--frozen-lockfile", "--immutable", "--frozen")
        packages = subIndex < 0 ? [] : command.operands(after: subIndex, valued: NodeInstall.valuedOptions)
    }

    /// True when `operand` names an exact version (`pkg@1.2.3`, `@scope/pkg@1.2.3-rc.1`), a local
    /// path or tarball, or a Git URL with a ref; nil when it is built from variables.
    static func isPinned(_ operand: ShellWord) -> Bool? {
        if operand.hasExpansion { return nil }
        let text = operand.text
        let lower = text.lowercased()
        if lower.hasPrefix(".") || lower.hasPrefix("/") || lower.hasPrefix("~") || lower.hasPrefix("file:")
            || lower.hasSuffix(".tgz") || lower.hasSuffix(".tar.gz")
        {
            return true
        }
        let gitPrefixes = ["git+", "git:", "git@", "github:", "gitlab:", "bitbucket:", "gist:"]
        if gitPrefixes.contains(where: { lower.hasPrefix($0) }) || lower.contains("://") {
            return lower.contains("#")
        }
        let versionStart: String.Index?
        if text.hasPrefix("@") {
            versionStart = text.dropFirst().firstIndex(of: "@")
        } else {
            // `owner/repo` without a scope is a GitHub shorthand at its default branch.
            if text.contains("/") { return lower.contains("#") }
            versionStart = text.firstIndex(of: "@")
        }
        guard let versionStart else { return false }
        var version = text[text.index(after: versionStart)...]
        if version.hasPrefix("npm:"), let alias = version.lastIndex(of: "@"), alias > version.startIndex {
            version = version[version.index(after: alias)...]
        }
        if version.hasPrefix("=") { version = version.dropFirst() }
        return isExactVersion(version)
    }

    /// `1.2.3`, `1.2.3-beta.1`, `1.2.3+build`: three numeric parts and an optional suffix.
    static func isExactVersion(_ version: Substring) -> Bool {
        let core = version.split(maxSplits: 1, whereSeparator: { $0 == "-" || $0 == "+" }).first ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
