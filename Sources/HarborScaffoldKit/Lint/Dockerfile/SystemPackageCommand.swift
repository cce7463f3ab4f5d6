/// A system package manager command recognised in a `RUN` command: `apt-get`, `apt`, `aptitude`,
/// `apk`, `dnf`, `yum`, `microdnf`, with its subcommand and package operands.
struct SystemPackageCommand {
    /// The package manager family.
    enum Family {
        /// Debian and Ubuntu: `apt-get`, `apt`, `aptitude`.
        case apt
        /// Alpine: `apk`.
        case apk
        /// Fedora, RHEL and friends: `dnf`, `yum`, `microdnf`.
        case rpm
    }

    /// The family.
    let family: Family
    /// The command name as written (`apt-get`).
    let tool: String
    /// The subcommand word (`install`, `update`, `add`…).
    let subcommand: ShellWord
    /// The package operands of an install (`curl`, `postgresql-15`, `python3=3.11.2-1`).
    let packages: [ShellWord]
    /// The command, for option checks.
    let command: ShellCommand

    /// Options whose value is the next word, per family.
    static let valuedOptions: [Family: Set<String>] = [
        .apt: ["-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release", "-a", "--host-architecture"],
        .apk: ["-X", "--repository", "-p", "--root", "--arch", "-t", "--virtual", "--cache-dir", "--keys-dir"],
        .rpm: ["-x", "--exclude", "--installroot", "--releasever", "-c", "--config", "-d", "--debuglevel", "-e", "--errorlevel", "--repo", "--setopt"],
    ]

    /// Recognises `command` (wrappers already removed), or returns nil.
    init?(_ command: ShellCommand) {
        guard let name = command.name else { return nil }
        let family: Family
        switch name {
        case "apt-get", "apt", "aptitude": family = .apt
        case "apk": family = .apk
        case "dnf", "yum", "microdnf": family = .rpm
        default: return nil
        }
        let valued = SystemPackageCommand.valuedOptions[family] ?? []
        guard let sub = command.subcommand(skipping: valued) else { return nil }
        self.family = family
        self.tool = name
        self.subcommand = sub.word
        self.command = command
        let verb = sub.word.text
        packages = ["install", "add", "reinstall"].contains(verb) ? command.operands(after: sub.index, valued: valued) : []
    }

    /// True for an install (`apt-get install`, `apk add`, `dnf install`).
    var isInstall: Bool { ["install", "add", "reinstall"].contains(subcommand.text) }

    /// True for an index refresh (`apt-get update`, `apk update`).
    var isIndexUpdate: Bool { family != .rpm && subcommand.text == "update" }

    /// True for a whole-system upgrade (`apt-get upgrade|dist-upgrade|full-upgrade`, `apk upgrade`,
    /// `dnf upgrade|update|distro-sync` without package names).
    var isSystemUpgrade: Bool {
        switch family {
        case .apt: return ["upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade"].contains(subcommand.text)
        case .apk: return subcommand.text == "upgrade"
        case .rpm:
            guard ["upgrade", "update", "distro-sync", "upgrade-minimal"].contains(subcommand.text) else { return false }
            let valued = SystemPackageCommand.valuedOptions[.rpm] ?? []
            guard let index = command.arguments.firstIndex(where: { $0.byteRange == subcommand.byteRange }) else { return true }
            return command.operands(after: index, valued: valued).isEmpty
        }
    }

    /// True when the subcommand may stop at a "Do you want to continue?" prompt.
    var mayPrompt: Bool {
        switch family {
        case .apt:
            return ["install", "remove", "purge", "autoremove", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "reinstall"]
                .contains(subcommand.text)
        case .apk: return false
        case .rpm:
            return tool != "microdnf"
                && ["install", "remove", "erase", "upgrade", "update", "groupinstall", "reinstall", "autoremove", "downgrade", "distro-sync"]
                    .contains(subcommand.text)
        }
    }

    /// True when the command answers its prompt itself: `-y`, `--yes`, `--assume-yes`, `-qq`
    /// (quiet level 2 implies `-y`), `-o APT::Get::Assume-Yes=true`, or `--assumeyes` for dnf and yum.
    var answersYes: Bool {
        switch family {
        case .apt:
            if command.hasOption("-y", "--yes", "--assume-yes", "--force-yes", "-qq", "-q=2", "--quiet=2") { return true }
            return configuration(["-o", "--option"]).contains { setting in
                setting.lowercased().hasPrefix("apt::get::assume-yes=") && SystemPackageCommand.isTrue(setting)
            }
        case .apk: return true
        case .rpm: return command.hasOption("-y", "--assumeyes")
        }
    }

    /// True when an apt install leaves out recommended packages: `--no-install-recommends` or
    /// `-o APT::Install-Recommends=false`.
    var skipsRecommends: Bool {
        if command.hasOption("--no-install-recommends") { return true }
        return configuration(["-o", "--option"]).contains { setting in
            setting.lowercased().hasPrefix("apt::install-recommends=") && !SystemPackageCommand.isTrue(setting)
        }
    }

    /// The values of `options` (`-o Key=value` settings).
    private func configuration(_ options: [String]) -> [String] {
        options.flatMap { command.optionValues($0) }
    }

    /// True when a `Key=value` setting's value is `true`, `yes` or `1`.
    private static func isTrue(_ setting: String) -> Bool {
        let value = setting.split(separator: "=", maxSplits: 1).last.map { $0.lowercased() } ?? ""
        return ["true", "yes", "1"].contains(value)
    }
}
