/// Escaping of draft text for each kind of generated file.
public enum SafeText {
    /// Characters that some parser or terminal may treat as a line break or worse.
    static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            || value == 0xFEFF || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// Lines of `text` with hazards removed (tabs become spaces), empty lines dropped.
    static func cleanLines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).compactMap { line in
            var out = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                if scalar == "\t" { out.append(" ") } else if !isHazard(scalar) { out.append(scalar) }
            }
            let cleaned = String(out).trimmingSpaces
            return cleaned.isEmpty ? nil : cleaned
        }
    }

    /// `# > ` comment lines, one per line of `text`. The `>` keeps a line such as `escape=\``
    /// from ever reading as a Dockerfile parser directive.
    public static func commentLines(_ text: String, width: Int = 100) -> String {
        let lines = cleanLines(text).flatMap { wrap($0, width: width) }
        if lines.isEmpty { return "# >" }
        return lines.map { "# > " + $0 }.joined(separator: "\n")
    }

    /// `line` broken at spaces into pieces of at most `width` characters (longer words stay whole).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                pieces.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// A Python `"…"` literal whose value is exactly `text`.
    public static func pythonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isHazard(scalar): out += escapedScalar(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text safe inside `"""…"""`: backslashes and quotes escaped, hazards as escapes; newlines kept.
    public static func docstringBody(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\n"
            case "\t": out += "    "
            case _ where isHazard(scalar): out += escapedScalar(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Markdown text with hazards removed and `<!--`/`-->` defused so it cannot hide content.
    public static func markdown(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var out = String.UnicodeScalarView()
            for scalar in line.unicodeScalars where scalar == "\t" || !isHazard(scalar) { out.append(scalar) }
            return String(out)
        }
        return lines.joined(separator: "\n").replacingAll("<!--", with: "&lt;!--").replacingAll("-->", with: "--&gt;")
    }

    private static func escapedScalar(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// Every occurrence of `target` replaced with `replacement` (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target.first!) else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
