/// C104: an npm, yarn, pnpm or bun install that does not fix exact versions.
struct UnpinnedNodeInstallRule: LintRule {
    static let description = RuleDescription(
        id: "C104", name: "unpinned-node-install", title: "A Node.js package is installed without an exact version",
        severity: .warning,
        rationale: """
            `npm install express` or `express@^4` (hadolint DL3016) resolves to the newest matching release on the \
            day of the build, and `npm install` without a lockfile in the build context re-resolves the whole \
            tree; either way the pipeline's "consistent, reproducible outcomes" and Harbor's pinned-dependencies \
            check are lost. Exact versions (`express@4.21.2`), local paths and tarballs, Git URLs with a `#ref`, \
            `npm ci` and frozen-lockfile installs are fine, as is `npm install` when the build context holds a lockfile.
            """,
        triggering: [
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nRUN npm install --save-exact express@^4.21.0 pg\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY repo/package.json /app/\nRUN npm install\n"]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nRUN npm install -g typescript@latest && yarn global add @nestjs/cli\n"]),
        ],
        nonTriggering: [
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nRUN npm install --no-audit --save-exact express@4.21.2 @nestjs/core@10.4.15 \\\n && npm cache clean --force\n"]),
            RuleExample(files: [
                "environment/Dockerfile": "FROM node:22-bookworm-slim\nCOPY repo/ /app/\nRUN cd /app && npm install && npm ci\n",
                "environment/repo/package-lock.json": "{}\n", "task.toml": "",
            ]),
            RuleExample(files: ["Dockerfile": "FROM node:22-bookworm-slim\nRUN npm install ./vendor/lib-1.0.0.tgz github:org/tool#3f2c1e9 && pnpm install --frozen-lockfile\n"]),
        ])

    func check(_ target: LintTarget, into sink: inout FindingSink) {
        guard let (file, parsed) = target.dockerfile else { return }
        var lockfiles: Set<String>?
        for instruction in parsed.instructionsWithTriggers where instruction.keyword == "RUN" {
            for command in instruction.runCommands {
                guard let install = NodeInstall(command), !install.isLockedInstall else { continue }
                if install.packages.isEmpty {
                    let known = lockfiles ?? Set(target.buildContextEntries.map { ShellByte.basename($0) })
                    lockfiles = known
                    let names = NodeInstall.lockfiles[install.tool] ?? []
                    guard known.isDisjoint(with: names), let word = command.nameWord else { continue }
                    let lockfile = names.first ?? "a lockfile"
                    sink.report(
                        "\(install.tool) install without a lockfile in the build context resolves every dependency afresh on each build",
                        in: file, at: parsed.range(of: word),
                        hint: install.tool == "npm"
                            ? "commit \(lockfile) with the repository and install with npm ci" : "commit \(lockfile) and install with --frozen-lockfile")
                    continue
                }
                for word in install.packages where NodeInstall.isPinned(word) == false {
                    sink.report(
                        "\(install.tool) installs '\(word.text)'\(install.isGlobal ? " globally" : "") without an exact version, so each build may get a different release",
                        in: file, at: parsed.range(of: word),
                        hint: "pin the exact version you tested, e.g. \(Self.packageName(word.text))@<x.y.z>")
                }
            }
        }
    }

    /// The package name of an operand without its version (`@scope/pkg@^1` → `@scope/pkg`).
    static func packageName(_ operand: String) -> String {
        let searchStart = operand.hasPrefix("@") ? operand.index(after: operand.startIndex) : operand.startIndex
        guard let at = operand[searchStart...].firstIndex(of: "@") else { return operand }
        return String(operand[..<at])
    }
}
