/// `metadata.json` beside a draft: what the pipeline knows about the data point and the draft does
/// not say, above all its parent seed.
///
/// ```json
/// {"id": "draft_dp_4f1c", "parent": "seed_dp_2ed4ed04", "task_name": "api_rate_limiter",
///  "language": "python", "category": "api_security"}
/// ```
///
/// These are the fields `data_pipeline.py create-task --type draft_dp --parent … --data '{…}'`
/// records. The parent may also be given as `parent_id`, `seed_id` or `seed`. Other keys are
/// ignored, and so is a file that is not a JSON object.
public struct DataPointMetadata: Sendable, Equatable {
    /// The file's name inside a data point folder.
    public static let fileName = "metadata.json"
    /// Keys that name the parent seed, in order of preference.
    public static let parentKeys = ["parent", "parent_id", "seed_id", "seed"]

    /// The parent seed's id.
    public var parent: String?
    /// The category the pipeline recorded.
    public var category: String?
    /// The language the pipeline recorded.
    public var language: String?

    /// Creates metadata.
    public init(parent: String? = nil, category: String? = nil, language: String? = nil) {
        self.parent = parent
        self.category = category
        self.language = language
    }

    /// Reads metadata from JSON bytes; `nil` when they are not a JSON object.
    public init?(json bytes: [UInt8]) {
        guard let document = try? JSONText.parse(bytes), case .object = document else { return nil }
        func text(_ key: String) -> String? {
            guard let value = document[key]?.stringValue?.trimmingSpaces, !value.isEmpty else { return nil }
            return value
        }
        parent = Self.parentKeys.lazy.compactMap(text).first
        category = text("category")
        language = text("language")
    }

    /// Reads `metadata.json` from `folder`; `nil` when it is absent or unreadable.
    public static func read(folder: String) -> DataPointMetadata? {
        guard let bytes = try? TextFileReader(confinedTo: folder).readBytes(folder + "/" + fileName, shown: fileName) else { return nil }
        return DataPointMetadata(json: bytes)
    }
}

/// The three language groups of the pipeline's diversity target.
public enum LanguageGroup: String, CaseIterable, Sendable {
    case python
    case javascriptTypescript = "javascript/typescript"
    case other

    /// The group of a language.
    public init(_ language: Language) {
        switch language {
        case .python: self = .python
        case .javascript, .typescript: self = .javascriptTypescript
        case .go, .rust, .java: self = .other
        }
    }

    /// The pipeline's target share: 60% Python, 30% JavaScript/TypeScript, 10% other.
    public var target: Double {
        switch self {
        case .python: 0.6
        case .javascriptTypescript: 0.3
        case .other: 0.1
        }
    }

    /// The name shown in messages.
    public var displayName: String {
        switch self {
        case .python: "Python"
        case .javascriptTypescript: "JavaScript/TypeScript"
        case .other: "other"
        }
    }
}

/// What the workspace rules need to know about one draft, extracted once while it is parsed.
public struct DraftProfile: Sendable {
    /// The data point's id (its folder's name).
    public let id: String
    /// The draft's path as findings show it.
    public let path: String
    /// The language, when the Language field names one.
    public let language: Language?
    /// The category, folded (`api_security`), from the draft or else its metadata.
    public let category: String?
    /// Where the Category field's value is, when the draft has one.
    public let categoryRange: SourceRange?
    /// The difficulty level (`medium`, `hard`, `extremely hard`), when valid.
    public let difficulty: String?
    /// The parent seed, from metadata.
    public let parent: String?
    /// Where the Task field is (findings about the whole draft point there).
    public let taskRange: SourceRange?
    /// Word tokens the signature was computed from.
    public let tokenCount: Int

    /// Creates a profile from its parts.
    public init(
        id: String, path: String, language: Language?, category: String?, categoryRange: SourceRange?, difficulty: String?,
        parent: String?, taskRange: SourceRange?, tokenCount: Int
    ) {
        self.id = id
        self.path = path
        self.language = language
        self.category = category
        self.categoryRange = categoryRange
        self.difficulty = difficulty
        self.parent = parent
        self.taskRange = taskRange
        self.tokenCount = tokenCount
    }

    /// The profile of a parsed draft, writing its MinHash signature into `signature`.
    public init(id: String, draft: DraftSpec, metadata: DataPointMetadata?, signature: UnsafeMutableBufferPointer<MinHash.Value>) {
        let tokens = MinHash.sign(draft, into: signature)
        var language: Language?
        switch Language.read(draft.value(.language)) {
        case let .exact(found), let .loose(found): language = found
        case .unknown:
            if let recorded = metadata?.language, case let .exact(found) = Language.read(recorded) { language = found }
        }
        let categoryField = draft.field(.category)
        var category = categoryField.map { KnownCategories.normalise($0.value) }
        if category?.isEmpty ?? true { category = metadata?.category.map(KnownCategories.normalise) }
        let task = draft.field(.task)
        self.init(
            id: id, path: draft.path, language: language, category: category?.isEmpty == false ? category : nil,
            categoryRange: categoryField.flatMap { field in field.valueSpan.map(draft.range) ?? field.labelRange },
            difficulty: InvalidDifficultyRule.level(of: draft.value(.difficulty)), parent: metadata?.parent,
            taskRange: task.map { SourceRange(start: $0.labelRange.start, end: $0.labelRange.start) }, tokenCount: tokens)
    }

    /// The language group, when the language is known.
    public var languageGroup: LanguageGroup? { language.map(LanguageGroup.init) }
}
