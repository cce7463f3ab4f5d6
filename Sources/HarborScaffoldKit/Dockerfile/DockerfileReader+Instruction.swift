extension DockerfileReader {
    /// Reads the instruction starting at 0-based `startLine`; returns the next line to read.
    mutating func readInstruction(startLine: Int, contentStart: Int) -> Int {
        var logical = DockerLogicalLine()
        var continued = appendContent(to: &logical, from: contentStart, to: lineBounds(startLine).upperBound)
        var line = startLine
        var lastContentLine = startLine
        while continued {
            line += 1
            guard line < lineCount else { break }
            let bounds = lineBounds(line)
            let first = firstNonWhitespace(in: bounds)
            if first == bounds.upperBound {
                blankLines.append(line + 1)
                continue
            }
            if bytes[first] == ShellByte.hash {
                addComment(line: line, from: first, bounds: bounds, inside: true)
                continue
            }
            continued = appendContent(to: &logical, from: bounds.lowerBound, to: bounds.upperBound)
            lastContentLine = line
        }
        var nextLine = min(line + 1, lineCount)
        buildInstruction(logical, startLine: startLine, lastContentLine: lastContentLine, nextLine: &nextLine)
        return nextLine
    }

    /// Appends a physical line's content; returns true when it ends with the escape character (continues).
    func appendContent(to logical: inout DockerLogicalLine, from start: Int, to end: Int) -> Bool {
        var trimmed = end
        while trimmed > start, ShellByte.isWhitespace(bytes[trimmed - 1]) { trimmed -= 1 }
        if trimmed > start, bytes[trimmed - 1] == escape {
            logical.append(bytes, start..<(trimmed - 1))
            return true
        }
        logical.append(bytes, start..<trimmed)
        return false
    }

    /// An instruction's logical line split into keyword, flags, arguments and form.
    struct InstructionParts {
        var keyword: String
        /// Dockerfile offsets of the keyword.
        var keywordBytes: Range<Int>
        var flags: [DockerFlag]
        /// Local offsets of the arguments in the logical line (blanks around them excluded).
        var argumentRange: Range<Int>
        var arguments: String
        var form: DockerInstructionForm
        var argumentWords: [DockerArgument]
        /// True for a shell-form word with an unterminated quote.
        var hasUnterminatedQuote: Bool
    }

    /// Splits `logical` into keyword, flags and arguments; nil for an empty line.
    func split(_ logical: DockerLogicalLine) -> InstructionParts? {
        let text = logical.bytes
        guard !text.isEmpty else { return nil }
        var keywordEnd = 0
        while keywordEnd < text.count, !ShellByte.isWhitespace(text[keywordEnd]) { keywordEnd += 1 }
        let keyword = String(decoding: text[0..<keywordEnd], as: UTF8.self).uppercased()

        let words = DockerWordSplitter.split(text, from: keywordEnd, to: text.count, escape: escape)
        var flags: [DockerFlag] = []
        var firstArgument = words.count
        var position = 0
        while position < words.count {
            let word = words[position]
            defer { position += 1 }
            let raw = text[word.range]
            guard raw.starts(with: [ShellByte.minus, ShellByte.minus]) else {
                firstArgument = position
                break
            }
            if raw.count == 2 {
                firstArgument = position + 1
                break
            }
            flags.append(makeFlag(word, logical: logical))
            firstArgument = position + 1
        }
        var argumentEnd = text.count
        while argumentEnd > keywordEnd, ShellByte.isWhitespace(text[argumentEnd - 1]) { argumentEnd -= 1 }
        let argumentStart = firstArgument < words.count ? words[firstArgument].range.lowerBound : argumentEnd
        let argumentWords = Array(words[min(firstArgument, words.count)...])
        let argumentSlice = text[argumentStart..<max(argumentStart, argumentEnd)]
        let arguments = String(decoding: argumentSlice, as: UTF8.self)

        let form: DockerInstructionForm
        var exec: [DockerJSONArray.Element]?
        if argumentSlice.first == ShellByte.openBracket, let elements = DockerJSONArray.parse(argumentSlice) {
            exec = elements
            form = .exec(elements.map(\.value))
        } else {
            form = .shell(arguments)
        }

        let documentedWords: [DockerArgument]
        if let exec {
            documentedWords = exec.map { element in
                let absolute = logical.absolute(element.range)
                return DockerArgument(
                    value: element.value, raw: String(decoding: text[element.range], as: UTF8.self),
                    range: range(absolute), byteRange: absolute,
                    localRange: (element.range.lowerBound - argumentStart)..<(element.range.upperBound - argumentStart))
            }
        } else {
            documentedWords = argumentWords.map { word in
                let absolute = logical.absolute(word.range)
                return DockerArgument(
                    value: String(decoding: word.value, as: UTF8.self),
                    raw: String(decoding: text[word.range], as: UTF8.self), range: range(absolute), byteRange: absolute,
                    localRange: (word.range.lowerBound - argumentStart)..<(word.range.upperBound - argumentStart))
            }
        }
        return InstructionParts(
            keyword: keyword, keywordBytes: logical.absolute(0..<keywordEnd), flags: flags,
            argumentRange: argumentStart..<max(argumentStart, argumentEnd), arguments: arguments, form: form,
            argumentWords: documentedWords, hasUnterminatedQuote: exec == nil && argumentWords.contains(where: \.hasUnterminatedQuote))
    }

    /// Splits the logical line into keyword, flags and arguments, reads here-documents after it, and
    /// records the instruction.
    mutating func buildInstruction(
        _ logical: DockerLogicalLine, startLine: Int, lastContentLine: Int, nextLine: inout Int
    ) {
        guard let parts = split(logical) else { return }
        let keyword = parts.keyword
        if parts.hasUnterminatedQuote {
            addIssue("unterminated quote in \(keyword) arguments", bytes: logical.absolute(parts.argumentRange))
        }

        // `ONBUILD RUN <<EOF` opens a here-document too: BuildKit asks the trigger whether it can hold one.
        let inner = keyword == "ONBUILD" ? logical.sliced(parts.argumentRange, source: bytes) : nil
        let triggerParts = inner.flatMap(split)
        var heredocs: [DockerHeredoc] = []
        var lastLine = lastContentLine
        if let holder = triggerParts ?? (keyword == "ONBUILD" ? nil : parts), Self.canHoldHeredocs(holder) {
            heredocs = readHeredocs(holder.argumentWords, nextLine: &nextLine)
            if let terminator = heredocs.last.map({ $0.terminatorLine.map { $0 - 1 } ?? (lineCount - 1) }) {
                lastLine = max(lastLine, terminator)
            }
        }

        let start = parts.keywordBytes.lowerBound
        let endOffset = max(start, lineBounds(lastLine).upperBound)
        var instruction = DockerInstruction(
            index: instructions.count, keyword: keyword, keywordRange: range(parts.keywordBytes),
            range: range(start..<endOffset), byteRange: start..<endOffset, lines: (startLine + 1)...(max(startLine, lastLine) + 1),
            arguments: parts.arguments, flags: parts.flags, form: parts.form, argumentWords: parts.argumentWords, heredocs: heredocs,
            stageIndex: stages.isEmpty ? nil : stages.count - 1, effectiveShell: currentShell)
        validate(instruction, logical: logical)
        applyStageEffects(to: &instruction, logical: logical, argumentStart: parts.argumentRange.lowerBound)
        readCommands(of: &instruction, logical: logical, argumentRange: parts.argumentRange, lastContentLine: lastContentLine)
        if let inner, let triggerParts {
            instruction.trigger = trigger(of: instruction, logical: inner, parts: triggerParts, lastContentLine: lastContentLine)
        }
        if let stage = instruction.stageIndex, stage < stages.count {
            stages[stage].instructionIndices.append(instruction.index)
        }
        instructions.append(instruction)
    }

    /// Reads the shell-form command (``DockerInstruction/shell``) and the scripts run with `sh -c`
    /// (``DockerInstruction/inlineScripts``) of `instruction`.
    func readCommands(
        of instruction: inout DockerInstruction, logical: DockerLogicalLine, argumentRange: Range<Int>, lastContentLine: Int
    ) {
        let read = shellScript(for: instruction, logical: logical, argumentRange: argumentRange, lastContentLine: lastContentLine)
        instruction.shell = read?.script
        guard instruction.keyword == "RUN" else { return }
        if let read {
            instruction.inlineScripts = ShellInlineScript.scripts(runBy: read.script.allCommands, offsets: read.offsets)
        } else if let command = instruction.execCommand {
            instruction.inlineScripts = ShellInlineScript.scripts(runBy: [command], offsets: logical.map)
        }
    }

    /// True for the instructions whose words can open here-documents: `RUN`, `COPY` and `ADD` in shell form.
    static func canHoldHeredocs(_ parts: InstructionParts) -> Bool {
        !parts.form.isExec && ["RUN", "COPY", "ADD"].contains(parts.keyword)
    }

    /// The instruction `ONBUILD` registers, read from its arguments (`inner`, split into `parts`) like a
    /// top-level instruction, here-documents included, without changing the stage. Its problems are
    /// reported with their place in the `ONBUILD` line; a trigger Docker rejects (`ONBUILD`, `FROM`,
    /// `MAINTAINER`, an unknown instruction) is reported and gives nil.
    mutating func trigger(
        of onbuild: DockerInstruction, logical inner: DockerLogicalLine, parts: InstructionParts, lastContentLine: Int
    ) -> DockerInstruction? {
        let keywordBytes = parts.keywordBytes
        switch parts.keyword {
        case "ONBUILD":
            addIssue("chaining ONBUILD via `ONBUILD ONBUILD` is not allowed", bytes: keywordBytes)
            return nil
        case "FROM", "MAINTAINER":
            addIssue("\(parts.keyword) is not allowed as an ONBUILD trigger", bytes: keywordBytes)
            return nil
        case let keyword where !DockerfileParser.keywords.contains(keyword):
            addIssue("unknown instruction `\(keyword)` in the ONBUILD trigger", bytes: keywordBytes)
            return nil
        default:
            break
        }
        let start = keywordBytes.lowerBound
        let end = max(start, onbuild.byteRange.upperBound)
        var trigger = DockerInstruction(
            index: onbuild.index, keyword: parts.keyword, keywordRange: range(keywordBytes), range: range(start..<end),
            byteRange: start..<end, lines: onbuild.lines, arguments: parts.arguments, flags: parts.flags, form: parts.form,
            argumentWords: parts.argumentWords, heredocs: onbuild.heredocs, stageIndex: onbuild.stageIndex,
            effectiveShell: currentShell)
        trigger.isOnbuildTrigger = true
        let reported = issues.count
        validate(trigger, logical: inner)
        switch parts.keyword {
        case "ARG", "ENV", "LABEL":
            trigger.keyValues = keyValues(of: trigger, logical: inner, argumentStart: parts.argumentRange.lowerBound)
        case "SHELL" where trigger.form.execArguments?.isEmpty != false:
            addIssue("SHELL requires the exec form: a non-empty JSON array of strings", bytes: trigger.byteRange)
        default:
            break
        }
        for index in issues.indices.dropFirst(reported) { issues[index].message += " (in the ONBUILD trigger)" }
        readCommands(of: &trigger, logical: inner, argumentRange: parts.argumentRange, lastContentLine: lastContentLine)
        return trigger
    }

    func makeFlag(_ word: DockerWordSplitter.Word, logical: DockerLogicalLine) -> DockerFlag {
        let value = word.value.dropFirst(2)
        let absolute = logical.absolute(word.range)
        let raw = String(decoding: logical.bytes[word.range], as: UTF8.self)
        if let equals = value.firstIndex(of: ShellByte.equals) {
            return DockerFlag(
                name: String(decoding: value[value.startIndex..<equals], as: UTF8.self),
                value: String(decoding: value[(equals + 1)...], as: UTF8.self), raw: raw, range: range(absolute),
                byteRange: absolute)
        }
        return DockerFlag(
            name: String(decoding: value, as: UTF8.self), value: nil, raw: raw, range: range(absolute), byteRange: absolute)
    }

    /// Reports unknown instructions, unknown flags and missing arguments (and, outside ONBUILD
    /// triggers, instructions before the first `FROM`).
    mutating func validate(_ instruction: DockerInstruction, logical: DockerLogicalLine) {
        let keyword = instruction.keyword
        guard DockerfileParser.keywords.contains(keyword) else {
            addIssue("unknown instruction `\(keyword)`", bytes: instruction.byteRange.lowerBound..<instruction.byteRange.lowerBound + keyword.utf8.count)
            return
        }
        let known = DockerfileParser.knownFlags[keyword] ?? []
        for flag in instruction.flags where !known.contains(flag.name) {
            addIssue("unknown flag `--\(flag.name)` for \(keyword)", bytes: flag.byteRange)
        }
        if instruction.arguments.isEmpty, instruction.heredocs.isEmpty {
            addIssue("\(keyword) requires arguments", bytes: instruction.byteRange)
        }
        if stages.isEmpty, keyword != "ARG", keyword != "FROM", !instruction.isOnbuildTrigger {
            addIssue("\(keyword) before the first FROM instruction", bytes: instruction.byteRange)
        }
    }
}
