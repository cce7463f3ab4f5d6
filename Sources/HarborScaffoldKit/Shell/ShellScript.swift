/// The result of reading a shell script: its simple commands in source order, the compounds that
/// enclose them, comments, and any issues the reader recovered from.
public struct ShellScript: Sendable, Hashable {
    /// Simple commands in source order, including those inside compound statements (flattened).
    /// Commands inside command substitutions are not listed here; see ``allCommands``.
    public var commands: [ShellCommand]
    /// Compound commands (`if`, loops, `case`, functions, subshells, brace groups) in order of their opening.
    public var compounds: [ShellCompound]
    /// Comments in source order (the first one is the shebang when the script starts with `#!`).
    public var comments: [ShellComment]
    /// Problems the reader recovered from, in source order of detection.
    public var issues: [ShellIssue]
    /// Byte range of the text this script was read from (for a command substitution: its contents).
    public var byteRange: Range<Int>

    /// Creates a script.
    public init(
        commands: [ShellCommand] = [], compounds: [ShellCompound] = [], comments: [ShellComment] = [],
        issues: [ShellIssue] = [], byteRange: Range<Int> = 0..<0
    ) {
        self.commands = commands
        self.compounds = compounds
        self.comments = comments
        self.issues = issues
        self.byteRange = byteRange
    }

    /// The interpreter line (`#!/bin/bash`), when the script's first comment starts at its first byte.
    public var shebang: String? {
        guard let first = comments.first, first.byteRange.lowerBound == byteRange.lowerBound,
            first.text.hasPrefix("#!")
        else { return nil }
        return first.text
    }

    /// Every command including those inside command substitutions (recursively, in words, assignments,
    /// redirection targets and compound headers such as `for f in $(ls)`). Each command is followed by
    /// the commands of its own substitutions.
    public var allCommands: [ShellCommand] {
        var result: [ShellCommand] = []
        appendAll(to: &result)
        return result
    }

    /// Commands (from ``allCommands``) whose ``ShellCommand/name`` is `name`.
    public func commands(named name: String) -> [ShellCommand] {
        allCommands.filter { $0.name == name }
    }

    /// Issues of this script and of every nested command substitution.
    public var allIssues: [ShellIssue] {
        var result = issues
        for command in commands {
            for script in command.commandSubstitutions { result.append(contentsOf: script.allIssues) }
        }
        for compound in compounds {
            for word in compound.words {
                for script in word.commandSubstitutions { result.append(contentsOf: script.allIssues) }
            }
        }
        return result
    }

    private func appendAll(to result: inout [ShellCommand]) {
        var compoundIndex = 0
        for index in commands.indices {
            let command = commands[index]
            // Substitutions in compound headers (`for f in $(ls)`) run before the body's commands.
            while compoundIndex < compounds.count, compounds[compoundIndex].commandIndices.lowerBound <= index {
                for word in compounds[compoundIndex].words {
                    for script in word.commandSubstitutions { script.appendAll(to: &result) }
                }
                compoundIndex += 1
            }
            result.append(command)
            for script in command.commandSubstitutions { script.appendAll(to: &result) }
        }
        while compoundIndex < compounds.count {
            for word in compounds[compoundIndex].words {
                for script in word.commandSubstitutions { script.appendAll(to: &result) }
            }
            compoundIndex += 1
        }
    }
}
