/// A command-line option a command accepts.
struct OptionSpec: Sendable {
    /// The long name including dashes, e.g. `--format`.
    let name: String
    /// A one-letter alias including the dash, e.g. `-h`.
    let short: String?
    /// The value's placeholder in help (`nil` for flags).
    let valueName: String?
    /// The help line.
    let help: String

    /// True when the option takes a value.
    var takesValue: Bool { valueName != nil }

    init(_ name: String, short: String? = nil, value: String? = nil, help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
    }

    /// The help line for this option, padded to `width`.
    func helpLine(width: Int) -> String {
        var head = short.map { "\($0), " } ?? "    "
        head += name + (valueName.map { " \($0)" } ?? "")
        return "  " + head.padding(to: width) + "  " + help
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
