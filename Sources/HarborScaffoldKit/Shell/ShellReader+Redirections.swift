extension ShellReader {
    /// Reads a redirection whose operator starts at `pos` (after an optional descriptor number that
    /// started at `start`), then its target word, and attaches it to the current command or to the
    /// compound that just closed.
    mutating func readRedirection(fileDescriptor: Int?, start redirectionStart: Int) {
        let op = readRedirectionOperator()
        var cursor = pos
        while cursor < end {
            if ShellByte.isBlank(bytes[cursor]) {
                cursor += 1
            } else if bytes[cursor] == ShellByte.backslash, cursor + 1 < end, bytes[cursor + 1] == ShellByte.newline {
                cursor += 2
            } else {
                break
            }
        }
        pos = cursor
        var target: ShellWord?
        if pos < end, startsWord(at: pos) {
            let (word, _) = readWord()
            target = word
        } else {
            addIssue("redirection `\(op.rawValue)` has no target", at: redirectionStart)
        }
        var slot: Int?
        if op.isHereDocument, let target {
            slot = heredocSlots.count
            heredocSlots.append(nil)
            pendingHeredocs.append(
                ShellPendingHeredoc(
                    slot: heredocSlots.count - 1, delimiter: Array(target.text.utf8), isQuoted: target.isQuoted,
                    stripsTabs: op == .hereDocumentStrippingTabs, operatorLocal: redirectionStart))
        }
        let local = redirectionStart..<max(redirectionStart, pos)
        let redirection = ShellRedirection(
            operator: op, fileDescriptor: fileDescriptor, target: target,
            raw: String(decoding: bytes[local], as: UTF8.self), byteRange: offsets.absolute(local))
        if builder == nil, let compound = lastClosedCompound, compound < compounds.count {
            compounds[compound].redirections.append(redirection)
            if let slot {
                heredocTargets.append(
                    ShellHeredocTarget(
                        isCompound: true, index: compound, redirection: compounds[compound].redirections.count - 1,
                        slot: slot))
            }
            return
        }
        if builder == nil { startCommand(at: redirectionStart) }
        guard var current = builder else { return }
        current.redirections.append(redirection)
        if let slot { current.heredocSlots.append((current.redirections.count - 1, slot)) }
        current.extend(to: local.upperBound)
        builder = current
    }

    /// True when a word (rather than an operator or the end of the line) starts at `index`.
    func startsWord(at index: Int) -> Bool {
        switch bytes[index] {
        case ShellByte.newline, ShellByte.semicolon, ShellByte.ampersand, ShellByte.pipe, ShellByte.openParen,
            ShellByte.closeParen:
            return false
        case ShellByte.less, ShellByte.greater:
            return index + 1 < end && bytes[index + 1] == ShellByte.openParen
        default:
            return true
        }
    }

    /// Reads the longest redirection operator at `pos`.
    mutating func readRedirectionOperator() -> ShellRedirectionOperator {
        let first = bytes[pos]
        let second = peek(1)
        let third = peek(2)
        let op: ShellRedirectionOperator
        let length: Int
        if first == ShellByte.ampersand {
            (op, length) = third == ShellByte.greater ? (.appendOutputAndError, 3) : (.outputAndError, 2)
        } else if first == ShellByte.less {
            switch second {
            case ShellByte.less:
                if third == ShellByte.less {
                    (op, length) = (.hereString, 3)
                } else if third == ShellByte.minus {
                    (op, length) = (.hereDocumentStrippingTabs, 3)
                } else {
                    (op, length) = (.hereDocument, 2)
                }
            case ShellByte.greater: (op, length) = (.readWrite, 2)
            case ShellByte.ampersand: (op, length) = (.duplicateInput, 2)
            default: (op, length) = (.input, 1)
            }
        } else {
            switch second {
            case ShellByte.greater: (op, length) = (.append, 2)
            case ShellByte.pipe: (op, length) = (.clobber, 2)
            case ShellByte.ampersand: (op, length) = (.duplicateOutput, 2)
            default: (op, length) = (.output, 1)
            }
        }
        pos = min(pos + length, end)
        return op
    }

    /// Reads the bodies of here-documents started on the line that just ended (`pos` is after its newline).
    mutating func readHeredocBodies() {
        guard !pendingHeredocs.isEmpty else { return }
        let pending = pendingHeredocs
        pendingHeredocs.removeAll()
        for heredoc in pending {
            let bodyStart = pos
            var lineStart = pos
            var body: [UInt8] = []
            var terminated = false
            var bodyEnd = end
            while lineStart < end {
                let lineStop = lineEnd(from: lineStart)
                var contentStart = lineStart
                if heredoc.stripsTabs {
                    while contentStart < lineStop, bytes[contentStart] == ShellByte.tab { contentStart += 1 }
                }
                var contentStop = lineStop
                if contentStop > contentStart, bytes[contentStop - 1] == ShellByte.carriageReturn { contentStop -= 1 }
                if bytes[contentStart..<contentStop].elementsEqual(heredoc.delimiter) {
                    terminated = true
                    bodyEnd = lineStart
                    lineStart = min(lineStop + 1, end)
                    break
                }
                body.append(contentsOf: bytes[contentStart..<lineStop])
                if lineStop < end { body.append(ShellByte.newline) }
                lineStart = lineStop + 1
            }
            if !terminated {
                addIssue(
                    "here-document is not terminated by `\(String(decoding: heredoc.delimiter, as: UTF8.self))`",
                    at: heredoc.operatorLocal)
                lineStart = end
                bodyEnd = end
            }
            pos = min(max(lineStart, pos), end)
            store(
                ShellHeredoc(
                    delimiter: String(decoding: heredoc.delimiter, as: UTF8.self), isQuoted: heredoc.isQuoted,
                    stripsLeadingTabs: heredoc.stripsTabs, body: String(decoding: body, as: UTF8.self),
                    bodyByteRange: offsets.absolute(bodyStart..<max(bodyStart, bodyEnd)), isTerminated: terminated),
                in: heredoc.slot)
        }
    }
}
