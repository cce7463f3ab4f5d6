/// A template that cannot be parsed or rendered, with the template's name and line.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template's path in the blueprint library.
    public let template: String
    /// The 1-based line of the offending tag.
    public let line: Int
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(template: String, line: Int, message: String) {
        self.template = template
        self.line = line
        self.message = message
    }

    public var description: String { "\(template):\(line): \(message)" }
}
