/// ANSI colour for terminal output; a disabled style returns text unchanged.
public struct TextStyle: Sendable {
    /// Whether escape codes are emitted.
    public let enabled: Bool

    /// Creates a style.
    public init(enabled: Bool) { self.enabled = enabled }

    /// Plain text, never coloured.
    public static let plain = TextStyle(enabled: false)

    /// Whether to colour: only on a terminal, never when `NO_COLOR` is set or `TERM` is `dumb`;
    /// `preference` is `always`, `never` or `auto`.
    public static func resolve(preference: String, isTerminal: Bool, environment: [String: String]) -> TextStyle {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
        switch preference {
        case "always": return TextStyle(enabled: true)
        case "never": return .plain
        default: return TextStyle(enabled: isTerminal && environment["TERM"] != "dumb")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim text.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Text in the colour of `severity`.
    public func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: wrap(text, "1;36")
        }
    }
    /// Green text, for success.
    public func success(_ text: String) -> String { wrap(text, "32") }
}
