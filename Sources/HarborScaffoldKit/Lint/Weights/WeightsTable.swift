/// weights.json read as what the pipeline needs: a flat object of test name → weight. Built from
/// the target's parsed document; W001 reports every way the file falls short of that shape.
struct WeightsTable {
    /// The weights file.
    let file: LintFile
    /// The top-level object.
    let object: JSONValue
    /// Its members in source order.
    let entries: [JSONMember]

    /// The table of `target`, or nil when weights.json is missing, is not JSON or is not an object.
    init?(_ target: LintTarget) {
        guard let document = target.weightsDocument, case .success(let value) = document.parsed,
            case .object(let members) = value.kind
        else { return nil }
        file = document.file
        object = value
        entries = members
    }

    /// The position of `bytes` in the file.
    func range(_ bytes: Range<Int>) -> SourceRange {
        file.source.range(ofBytes: bytes)
    }

    /// The test name of a weights key: the last `::` component without a parametrize id
    /// (`tests/test_api.py::TestApi::test_get[1]` → `test_get`), with the qualifiers before it
    /// (`tests/test_api.py`, `TestApi`); `TestApi.test_get` is read as class and name too.
    static func parse(key: String) -> (name: Substring, qualifiers: [Substring]) {
        var text = Substring(key)
        if text.hasSuffix("]"), let bracket = text.firstIndex(of: "[") { text = text[..<bracket] }
        var parts = text.split(separator: "::", omittingEmptySubsequences: false).map { $0 }
        var name = parts.popLast() ?? text
        if parts.isEmpty, let dot = name.lastIndex(of: ".") {
            parts = [name[..<dot]]
            name = name[name.index(after: dot)...]
        }
        return (name, parts)
    }

    /// True when each qualifier of a key (see ``parse(key:)``) fits `test`, defined in the test
    /// file at `path`: a `.py` qualifier is the file (path or file name), others the classes around it.
    static func qualifiers(_ qualifiers: [Substring], match test: PythonFunction, inFile path: String) -> Bool {
        guard !qualifiers.isEmpty else { return true }
        let classes = test.qualifiedName.split(separator: ".").dropLast()
        return qualifiers.allSatisfy { qualifier in
            if qualifier.hasSuffix(".py") { return path == qualifier || path.hasSuffix("/" + qualifier) }
            return qualifier.split(separator: ".").allSatisfy(classes.contains)
        }
    }
}
