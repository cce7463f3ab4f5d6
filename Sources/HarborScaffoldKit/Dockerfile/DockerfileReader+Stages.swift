extension DockerfileReader {
    /// Applies what an instruction changes for later ones: `FROM` starts a stage, global `ARG`s feed
    /// `FROM` substitution, `SHELL` changes the shell; `ENV`/`ARG`/`LABEL` pairs are parsed.
    mutating func applyStageEffects(to instruction: inout DockerInstruction, logical: DockerLogicalLine, argumentStart: Int) {
        switch instruction.keyword {
        case "FROM":
            startStage(with: &instruction)
        case "ARG", "ENV", "LABEL":
            instruction.keyValues = keyValues(of: instruction, logical: logical, argumentStart: argumentStart)
            if instruction.keyword == "ARG", stages.isEmpty {
                for pair in instruction.keyValues {
                    expander.values[pair.key] = pair.value.map { expander.expand($0).0 }
                    globalArguments.append(pair)
                }
            }
        case "SHELL":
            if let list = instruction.form.execArguments, !list.isEmpty {
                currentShell = list
                if let stage = instruction.stageIndex, stage < stages.count { stages[stage].finalShell = list }
            } else {
                addIssue("SHELL requires the exec form: a non-empty JSON array of strings", bytes: instruction.byteRange)
            }
        default:
            break
        }
    }

    mutating func startStage(with instruction: inout DockerInstruction) {
        let words = instruction.argumentWords
        guard let imageWord = words.first else {
            // Keep stage numbering consistent even for a broken FROM.
            let empty = DockerImageReference(raw: "", resolved: "", repository: "", range: instruction.keywordRange)
            appendStage(empty, instruction: &instruction)
            return
        }
        var alias: DockerArgument?
        if words.count >= 2 {
            if words[1].value.lowercased() == "as", words.count >= 3 {
                alias = words[2]
                if words.count > 3 { addIssue("unexpected arguments after the stage name", bytes: words[3].byteRange) }
            } else if words[1].value.lowercased() == "as" {
                addIssue("missing stage name after AS", bytes: words[1].byteRange)
            } else {
                addIssue("FROM expects `image [AS name]`", bytes: words[1].byteRange)
            }
        }
        let (resolved, unresolved) = expander.expand(imageWord.raw)
        let parts = DockerImageReference.components(of: resolved)
        let lowered = resolved.lowercased()
        let reference = stages.lastIndex { $0.name?.lowercased() == lowered }
        if let alias {
            let name = alias.value.lowercased()
            if stages.contains(where: { $0.name?.lowercased() == name }) {
                addIssue("duplicate stage name `\(alias.value)`", bytes: alias.byteRange)
            }
            if !Self.isValidStageName(name) {
                addIssue("invalid stage name `\(alias.value)`", bytes: alias.byteRange)
            }
        }
        let image = DockerImageReference(
            raw: imageWord.raw, resolved: resolved, registry: parts.registry, repository: parts.repository,
            tag: parts.tag, digest: parts.digest, platform: instruction.flag("platform")?.value, alias: alias?.value,
            aliasRange: alias?.range, unresolvedVariables: unresolved, stageReference: reference, range: imageWord.range)
        appendStage(image, instruction: &instruction)
    }

    mutating func appendStage(_ image: DockerImageReference, instruction: inout DockerInstruction) {
        let shell = image.stageReference.flatMap { $0 < stages.count ? stages[$0].finalShell : nil }
            ?? DockerInstruction.defaultShell
        currentShell = shell
        instruction.image = image
        instruction.stageIndex = stages.count
        instruction.effectiveShell = shell
        stages.append(
            DockerStage(
                index: stages.count, image: image, fromInstructionIndex: instruction.index, instructionIndices: [],
                finalShell: shell))
    }

    /// BuildKit's stage name rule: a letter followed by letters, digits, `-`, `_` or `.`.
    static func isValidStageName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, ShellByte.isLetter(first) else { return false }
        return bytes.allSatisfy { ShellByte.isAlphanumeric($0) || $0 == ShellByte.minus || $0 == ShellByte.underscore || $0 == ShellByte.dot }
    }

    /// Parses `ENV`/`LABEL` (`k=v …` or legacy `k v`) and `ARG` (`name[=default] …`) pairs.
    mutating func keyValues(of instruction: DockerInstruction, logical: DockerLogicalLine, argumentStart: Int) -> [DockerKeyValue] {
        let words = instruction.argumentWords
        guard let first = words.first, !instruction.form.isExec else { return [] }
        let keyword = instruction.keyword
        if keyword != "ARG", !first.value.contains("=") {
            // Legacy form: `ENV key value with spaces`.
            guard words.count >= 2, let last = words.last else {
                addIssue("\(keyword) \(first.value) has no value", bytes: first.byteRange)
                return []
            }
            let valueStart = argumentStart + words[1].localRange.lowerBound
            let valueEnd = argumentStart + last.localRange.upperBound
            let value = DockerWordSplitter.unquote(logical.bytes, from: valueStart, to: valueEnd, escape: escape)
            let whole = first.byteRange.lowerBound..<last.byteRange.upperBound
            return [
                DockerKeyValue(
                    key: first.value, value: String(decoding: value, as: UTF8.self), keyRange: first.range,
                    range: range(whole), isLegacyForm: true)
            ]
        }
        var pairs: [DockerKeyValue] = []
        for word in words {
            let value = word.value
            guard let equals = value.firstIndex(of: "=") else {
                if keyword == "ARG" {
                    pairs.append(DockerKeyValue(key: value, value: nil, keyRange: word.range, range: word.range))
                } else {
                    addIssue("\(keyword) expects `key=value`, found `\(word.raw)`", bytes: word.byteRange)
                }
                continue
            }
            let key = String(value[..<equals])
            if key.isEmpty {
                addIssue("\(keyword) has an empty name in `\(word.raw)`", bytes: word.byteRange)
                continue
            }
            var keyBytes = word.byteRange
            if word.raw.hasPrefix(key + "=") {
                let localStart = argumentStart + word.localRange.lowerBound
                keyBytes = logical.absolute(localStart..<(localStart + key.utf8.count))
            }
            pairs.append(
                DockerKeyValue(
                    key: key, value: String(value[value.index(after: equals)...]), keyRange: range(keyBytes),
                    range: word.range))
        }
        return pairs
    }
}
