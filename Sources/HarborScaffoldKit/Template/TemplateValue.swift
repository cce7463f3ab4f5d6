/// A value a template can insert or test.
///
/// Text from a draft is ``untrusted(_:)``: it can only be inserted through an escaping filter
/// (`{{name|comment}}`, `{{name|python}}`…), so it can never become a Dockerfile instruction or code.
public indirect enum TemplateValue: Sendable, Equatable {
    /// Text produced by harbor-scaffold itself; inserted as is.
    case trusted(String)
    /// Text that came from a draft; needs a filter.
    case untrusted(String)
    /// A flag for sections.
    case bool(Bool)
    /// A list; a section renders once per item.
    case list([TemplateValue])
    /// Named values; inside a section over an object, its keys become variables.
    case object([String: TemplateValue])

    /// Whether a `{{#section}}` over this value renders.
    var isTruthy: Bool {
        switch self {
        case .trusted(let text), .untrusted(let text): !text.isEmpty
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }
}
