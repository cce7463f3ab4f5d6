/// A structural reading of one Python module: imports, functions, classes, what each scope's
/// statements do, and the syntax errors found. It is not a full AST; it is what lint rules about
/// test files need, computed in one pass over the tokens.
///
/// ```swift
/// let module = PythonModule.parse(SourceText(path: "tests/test_api.py", text: text))
/// for test in module.testFunctions where !test.hasAssertion { … }
/// ```
public struct PythonModule: Sendable {
    /// The tokens the module was read from (comments included), with the source.
    public let tokens: PythonTokenStream
    /// Every import, at any depth, in source order.
    public let imports: [PythonImport]
    /// Every `def`/`async def`, at any depth, in source order.
    public let functions: [PythonFunction]
    /// Every `class`, at any depth, in source order.
    public let classes: [PythonClass]
    /// What the module-level statements do (outside any function or class body).
    public let body: PythonBodySummary
    /// The module docstring.
    public let docstring: PythonDocstring?
    /// Tokenizer and structural syntax errors, in source order.
    public let syntaxIssues: [PythonSyntaxIssue]
    /// Bound name → dotted path, from the imports (the first import of a name wins).
    private let importedNames: [String: String]

    /// Reads `source`. Never fails: problems become ``syntaxIssues``.
    public static func parse(_ source: SourceText) -> PythonModule {
        PythonModule(tokens: PythonTokenizer.tokenize(source))
    }

    private init(tokens stream: PythonTokenStream) {
        var reader = PythonModuleReader(stream: stream)
        reader.read()
        var names: [String: String] = [:]
        for entry in reader.imports where entry.name != "*" && names[entry.boundName] == nil {
            names[entry.boundName] = entry.qualifiedName
        }
        let resolve = { (dotted: String) in PythonModule.resolve(dotted, names) }
        tokens = stream
        imports = reader.imports
        importedNames = names
        functions = reader.functions.map { function in
            var function = function
            function.body = PythonModule.resolved(function.body, resolve)
            function.decorators = function.decorators.map { decorator in
                var decorator = decorator
                decorator.resolvedName = resolve(decorator.name)
                return decorator
            }
            return function
        }
        classes = reader.classes.map { type in
            var type = type
            type.body = PythonModule.resolved(type.body, resolve)
            type.decorators = type.decorators.map { decorator in
                var decorator = decorator
                decorator.resolvedName = resolve(decorator.name)
                return decorator
            }
            return type
        }
        body = PythonModule.resolved(reader.moduleBody, resolve)
        docstring = reader.moduleDocstring
        let explained = reader.explainedIndents
        let tokenizerIssues = stream.issues.filter {
            !($0.kind == .unexpectedIndent && explained.contains($0.byteRange.lowerBound))
        }
        syntaxIssues = (tokenizerIssues + reader.issues).enumerated()
            .sorted { ($0.element.byteRange.lowerBound, $0.offset) < ($1.element.byteRange.lowerBound, $1.offset) }
            .map(\.element)
    }

    /// `dotted` with its first component replaced by what an import binds to it.
    private static func resolve(_ dotted: String, _ names: [String: String]) -> String {
        let head = dotted.prefix { $0 != "." && $0 != "(" }
        guard let target = names[String(head)] else { return dotted }
        return target + dotted.dropFirst(head.count)
    }

    /// Resolves a summary's callees and adds its failing calls to its raises.
    private static func resolved(_ summary: PythonBodySummary, _ resolve: (String) -> String) -> PythonBodySummary {
        var summary = summary
        var failures: [PythonRaise] = []
        for index in summary.calls.indices {
            let resolvedCallee = resolve(summary.calls[index].callee)
            summary.calls[index].resolvedCallee = resolvedCallee
            if resolvedCallee == "pytest.fail" || summary.calls[index].callee == "self.fail" {
                failures.append(PythonRaise(kind: .failCall, exception: summary.calls[index].callee,
                                            range: summary.calls[index].range))
            }
        }
        if !failures.isEmpty {
            summary.raises = (summary.raises + failures).sorted { $0.range.start < $1.range.start }
        }
        return summary
    }

    /// The source the module was read from.
    public var source: SourceText { tokens.source }
    /// True when at least one syntax issue was found.
    public var hasSyntaxErrors: Bool { !syntaxIssues.isEmpty }
    /// Module-level calls; see ``body``.
    public var calls: [PythonCall] { body.calls }
    /// Module-level string literals; see ``body``.
    public var stringLiterals: [PythonStringConstant] { body.stringLiterals }
    /// Module-level assignments, such as `BASE_URL = "http://localhost:8000"`; see ``body``.
    public var assignments: [PythonAssignment] { body.assignments }
    /// The summaries of every scope: the module, then each class, then each function.
    public var allBodies: [PythonBodySummary] { [body] + classes.map(\.body) + functions.map(\.body) }

    /// `dottedName` with its first component resolved through the module's imports: `np.zeros`
    /// → `numpy.zeros` after `import numpy as np`, `sleep` → `time.sleep` after
    /// `from time import sleep`. Imports at any depth count; the first import of a name wins.
    public func resolve(_ dottedName: String) -> String {
        PythonModule.resolve(dottedName, importedNames)
    }

    /// The methods of `type`, in source order.
    public func methods(of type: PythonClass) -> [PythonFunction] {
        type.methods.compactMap { $0 < functions.count ? functions[$0] : nil }
    }

    /// The functions pytest collects by default: module-level functions named `test*`, and
    /// `test*` methods of collected classes (named `Test*` without `__init__`, or subclasses of
    /// a `TestCase`, at module level or nested in collected classes). Fixtures are excluded.
    public var testFunctions: [PythonFunction] {
        functions.filter { function in
            guard function.name.hasPrefix("test"), !function.isFixture else { return false }
            if let owner = function.enclosingClassIndex { return isCollectedClass(owner, depth: 0) }
            return function.enclosingFunctionIndex == nil
        }
    }

    /// True when pytest collects the class at `index` (see ``testFunctions``).
    public func isCollectedClass(_ index: Int) -> Bool { isCollectedClass(index, depth: 0) }

    private func isCollectedClass(_ index: Int, depth: Int) -> Bool {
        guard index >= 0, index < classes.count, depth < 100 else { return false }
        let type = classes[index]
        guard type.enclosingFunction == nil else { return false }
        let isTestCase = type.bases.contains { $0.hasSuffix("TestCase") }
        guard isTestCase || (type.name.hasPrefix("Test") && !methods(of: type).contains { $0.name == "__init__" })
        else { return false }
        if let outer = type.enclosingClassIndex { return isCollectedClass(outer, depth: depth + 1) }
        return true
    }
}
