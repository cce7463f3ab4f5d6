/// The blueprints a draft selects and why.
public struct StackSelection: Sendable {
    /// The stack blueprint.
    public let stack: StackBlueprint
    /// The services, in id order.
    public let services: [ServiceBlueprint]
    /// The draft's language, when readable.
    public let language: Language?
    /// Why each choice was made, one line each (for `blueprints --explain`).
    public let reasons: [String]
    /// What the builder must adapt because no blueprint fitted exactly.
    public let todos: [String]

    /// Blueprint ids: the stack first, then services.
    public var ids: [String] { [stack.id] + services.map(\.id) }
}

/// Chooses a stack and services from Language, Key Technologies and Environment Setup.
public enum StackSelector {
    /// The fields searched for stack phrases, most telling first.
    static let stackFields: [DraftFieldKind] = [.keyTechnologies, .environmentSetup, .instructions, .task]
    /// The fields searched for services.
    static let serviceFields: [DraftFieldKind] = [.keyTechnologies, .environmentSetup]

    /// Selects blueprints for `draft`.
    public static func select(_ draft: DraftSpec, from library: BlueprintLibrary) throws(BlueprintError) -> StackSelection {
        var reasons: [String] = []
        var todos: [String] = []
        let language: Language?
        switch Language.read(draft.value(.language)) {
        case .exact(let found):
            language = found
            reasons.append("Language '\(found.rawValue)' (line \(draft.field(.language)?.labelRange.start.line ?? 1)) allows the \(found.family) stacks.")
        case .loose(let found):
            language = found
            reasons.append("Language '\(Excerpt.short(draft.value(.language)))' is read as '\(found.rawValue)'.")
        case .unknown:
            language = nil
            reasons.append("Language '\(Excerpt.short(draft.value(.language)))' is not supported; falling back to Python.")
            todos.append("The draft's Language is not supported; the Python blueprint was used. Choose the right base image.")
        }
        let languageName = (language ?? .python).rawValue
        let candidates = library.stacks.filter { $0.languages.contains(languageName) }
        guard let generic = candidates.first(where: \.generic) else {
            throw BlueprintError("no generic stack blueprint for \(languageName) (a blueprint.json with \"generic\": true)")
        }
        var chosen: (stack: StackBlueprint, field: DraftField, tokens: Range<Int>)?
        search: for kind in stackFields {
            guard let field = draft.field(kind) else { continue }
            var best: (StackBlueprint, Range<Int>)?
            for stack in candidates where !stack.generic {
                if let hit = PhraseSet(stack.match).firstMatch(in: field.tokens),
                    hit.tokens.lowerBound < (best?.1.lowerBound ?? Int.max)
                {
                    best = (stack, hit.tokens)
                }
            }
            if let best {
                chosen = (best.0, field, best.1)
                break search
            }
        }
        let stack: StackBlueprint
        if let chosen {
            stack = chosen.stack
            let words = quote(draft, chosen.field.tokens.byteRange(of: chosen.tokens))
            reasons.append("\(chosen.field.kind?.title ?? "") names '\(words)' (line \(line(draft, chosen.field, chosen.tokens))): stack \(stack.id) (\(stack.title)).")
        } else {
            stack = generic
            let covered = Set(candidates.flatMap(\.match))
            let unknown = stackFields.compactMap { draft.field($0) }.flatMap { Framework.mentions(in: $0.tokens) }
                .map(\.framework).filter { $0.family == (language ?? .python).family && !$0.phrases.contains(where: covered.contains) }
            if let framework = unknown.first {
                reasons.append("No blueprint for \(framework.name); using the generic \(stack.id) (\(stack.title)).")
                todos.append("No blueprint exists for \(framework.name): adapt the generic \(stack.id) Dockerfile to it.")
            } else {
                reasons.append("No framework named; using the generic \(stack.id) (\(stack.title)).")
            }
        }
        var services: [ServiceBlueprint] = []
        for service in library.services {
            let phrases = PhraseSet(service.match)
            for kind in serviceFields {
                guard let field = draft.field(kind), let hit = phrases.firstMatch(in: field.tokens) else { continue }
                services.append(service)
                let words = quote(draft, field.tokens.byteRange(of: hit.tokens))
                reasons.append("\(kind.title) names '\(words)' (line \(line(draft, field, hit.tokens))): service \(service.id) (\(service.title)).")
                break
            }
        }
        if services.isEmpty { reasons.append("No database or cache service named.") }
        return StackSelection(stack: stack, services: services, language: language, reasons: reasons, todos: todos)
    }

    private static func quote(_ draft: DraftSpec, _ bytes: Range<Int>) -> String {
        String(decoding: draft.source.bytes[bytes], as: UTF8.self)
    }

    private static func line(_ draft: DraftSpec, _ field: DraftField, _ tokens: Range<Int>) -> Int {
        draft.source.line(containing: field.tokens.ranges[tokens.lowerBound].lowerBound)
    }
}
