extension DockerfileReader {
    /// Reads the shell-form command of `RUN`, `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` with the shell
    /// reader, mapping word offsets back to the Dockerfile; also returns the map from the bytes read to
    /// Dockerfile offsets.
    func shellScript(
        for instruction: DockerInstruction, logical: DockerLogicalLine, argumentRange: Range<Int>,
        lastContentLine: Int
    ) -> (script: ShellScript, offsets: ShellOffsetMap)? {
        guard !instruction.form.isExec, DockerfileParser.isPOSIXShell(instruction.effectiveShell) else { return nil }
        switch instruction.keyword {
        case "RUN":
            if instruction.heredocs.isEmpty {
                return parse(logical, argumentRange)
            }
            return heredocScript(for: instruction, logical: logical, argumentRange: argumentRange, lastContentLine: lastContentLine)
        case "CMD", "ENTRYPOINT":
            return parse(logical, argumentRange)
        case "HEALTHCHECK":
            guard let first = instruction.argumentWords.first, first.value.uppercased() == "CMD" else { return nil }
            let commandStart = min(argumentRange.lowerBound + first.localRange.upperBound, argumentRange.upperBound)
            var start = commandStart
            while start < argumentRange.upperBound, ShellByte.isWhitespace(logical.bytes[start]) { start += 1 }
            if DockerJSONArray.parse(logical.bytes[start..<argumentRange.upperBound]) != nil { return nil }
            return parse(logical, start..<argumentRange.upperBound)
        default:
            return nil
        }
    }

    private func parse(_ logical: DockerLogicalLine, _ range: Range<Int>) -> (script: ShellScript, offsets: ShellOffsetMap) {
        let lower = max(0, min(range.lowerBound, logical.bytes.count))
        let upper = max(lower, min(range.upperBound, logical.bytes.count))
        let offsets = logical.map(for: lower..<upper)
        return (ShellParser.parse(bytes: Array(logical.bytes[lower..<upper]), offsets: offsets), offsets)
    }

    /// `RUN <<EOF` alone runs the body as the script; otherwise the command line and the here-document
    /// lines are read together, as the shell would see them.
    private func heredocScript(
        for instruction: DockerInstruction, logical: DockerLogicalLine, argumentRange: Range<Int>, lastContentLine: Int
    ) -> (script: ShellScript, offsets: ShellOffsetMap)? {
        let markers = Set(instruction.heredocs.map(\.markerByteRange))
        let onlyMarkers = instruction.argumentWords.allSatisfy { markers.contains($0.byteRange) }
        if onlyMarkers, let first = instruction.heredocs.first {
            let body = first.bodyByteRange.clamped(to: 0..<bytes.count)
            let text = Array(bytes[body])
            if text.starts(with: [ShellByte.hash, ShellByte.bang]) {
                var lineEnd = 0
                while lineEnd < text.count, text[lineEnd] != ShellByte.newline { lineEnd += 1 }
                let interpreter = String(decoding: text[0..<lineEnd], as: UTF8.self)
                let names = interpreter.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
                    ShellByte.basename(String($0))
                }
                guard names.contains(where: { DockerfileParser.posixShells.contains($0) }) else { return nil }
            }
            let offsets = ShellOffsetMap(base: body.lowerBound)
            return (ShellParser.parse(bytes: text, offsets: offsets), offsets)
        }
        let lower = max(0, min(argumentRange.lowerBound, logical.bytes.count))
        let upper = max(lower, min(argumentRange.upperBound, logical.bytes.count))
        var combined = logical.sliced(lower..<upper, source: bytes)
        let newlineOffset = lineBounds(lastContentLine).upperBound
        combined.append(bytes, newlineOffset..<(newlineOffset + 1))
        let regionStart = instruction.heredocs.first?.bodyByteRange.lowerBound ?? newlineOffset
        let regionEnd = min(bytes.count, instruction.byteRange.upperBound + 1)
        if regionStart < regionEnd { combined.append(bytes, regionStart..<regionEnd) }
        return (ShellParser.parse(bytes: combined.bytes, offsets: combined.map), combined.map)
    }
}
