/// A decorator line such as `@pytest.mark.parametrize("x", [1, 2])`.
public struct PythonDecorator: Hashable, Sendable {
    /// The dotted name as written (`pytest.mark.parametrize`, `fixture`).
    public var name: String
    /// The name resolved through the module's imports (`pytest.fixture` for `@fixture` after
    /// `from pytest import fixture`).
    public var resolvedName: String
    /// True when the decorator is called (`@pytest.fixture()` or with arguments).
    public var isCall: Bool
    /// The call's arguments.
    public var arguments: [PythonCallArgument]
    /// From `@` to the end of the decorator expression.
    public var range: SourceRange

    /// Creates a decorator.
    public init(name: String, resolvedName: String? = nil, isCall: Bool, arguments: [PythonCallArgument], range: SourceRange) {
        self.name = name
        self.resolvedName = resolvedName ?? name
        self.isCall = isCall
        self.arguments = arguments
        self.range = range
    }

    /// True when the decorator is `name` as written or resolved, or ends with `.name`.
    public func matches(_ name: String) -> Bool {
        self.name == name || resolvedName == name || self.name.hasSuffix("." + name)
            || resolvedName.hasSuffix("." + name)
    }
}

/// A parameter of a function.
public struct PythonParameter: Hashable, Sendable {
    /// How the parameter receives its argument.
    public enum Kind: String, Hashable, Sendable {
        /// A parameter that takes a positional or keyword argument (before any `*`).
        case regular
        /// `*args`.
        case variadicPositional
        /// A parameter after `*` or `*args`.
        case keywordOnly
        /// `**kwargs`.
        case variadicKeyword
    }

    /// The parameter's name, without stars.
    public var name: String
    /// How it receives its argument.
    public var kind: Kind
    /// The source text of its annotation, if any.
    public var annotation: String?
    /// True when it has a default value.
    public var hasDefault: Bool
    /// Where the parameter is written.
    public var range: SourceRange

    /// Creates a parameter.
    public init(name: String, kind: Kind, annotation: String?, hasDefault: Bool, range: SourceRange) {
        self.name = name
        self.kind = kind
        self.annotation = annotation
        self.hasDefault = hasDefault
        self.range = range
    }
}

/// A `def` or `async def` at any depth.
public struct PythonFunction: Hashable, Sendable {
    /// The function's name (empty when the source lacks one, which is a syntax issue).
    public var name: String
    /// Python's `__qualname__`: `test_a`, `TestApi.test_get`, `outer.<locals>.inner`.
    public var qualifiedName: String
    /// Where the name is written.
    public var nameRange: SourceRange
    /// From `def` (or `async`) through the end of the last body statement; decorators excluded.
    public var range: SourceRange
    /// The decorators, top to bottom.
    public var decorators: [PythonDecorator]
    /// The parameters, in order.
    public var parameters: [PythonParameter]
    /// True for `async def`.
    public var isAsync: Bool
    /// The class whose body directly contains this `def` (so it is a method), if any.
    public var enclosingClass: String?
    /// Index of ``enclosingClass`` in ``PythonModule/classes``.
    public var enclosingClassIndex: Int?
    /// The function whose body directly contains this `def` (a nested function), if any.
    public var enclosingFunction: String?
    /// Index of ``enclosingFunction`` in ``PythonModule/functions``.
    public var enclosingFunctionIndex: Int?
    /// The docstring, when the first statement of the body is a string literal.
    public var docstring: PythonDocstring?
    /// What the body's own statements do (nested functions and classes excluded).
    public var body: PythonBodySummary

    /// Creates a function.
    public init(name: String, qualifiedName: String, nameRange: SourceRange, range: SourceRange,
                decorators: [PythonDecorator] = [], parameters: [PythonParameter] = [], isAsync: Bool = false,
                enclosingClass: String? = nil, enclosingClassIndex: Int? = nil,
                enclosingFunction: String? = nil, enclosingFunctionIndex: Int? = nil,
                docstring: PythonDocstring? = nil, body: PythonBodySummary = PythonBodySummary()) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.nameRange = nameRange
        self.range = range
        self.decorators = decorators
        self.parameters = parameters
        self.isAsync = isAsync
        self.enclosingClass = enclosingClass
        self.enclosingClassIndex = enclosingClassIndex
        self.enclosingFunction = enclosingFunction
        self.enclosingFunctionIndex = enclosingFunctionIndex
        self.docstring = docstring
        self.body = body
    }

    /// The parameter names, in order.
    public var parameterNames: [String] { parameters.map(\.name) }
    /// The number of statements in the body; see ``PythonBodySummary/statements``.
    public var statements: Int { body.statements }
    /// True when the body is only `pass`, `...` and a docstring.
    public var isOnlyPassOrEllipsisOrDocstring: Bool { body.isOnlyPassOrEllipsisOrDocstring }
    /// The body's `assert` statements.
    public var asserts: [PythonAssert] { body.asserts }
    /// The body's `raise` statements and failing calls.
    public var raises: [PythonRaise] { body.raises }
    /// The body's calls.
    public var calls: [PythonCall] { body.calls }
    /// The body's string literals.
    public var stringLiterals: [PythonStringConstant] { body.stringLiterals }
    /// The names the body uses.
    public var names: [PythonNameReference] { body.names }

    /// True when a decorator matches `name` (see ``PythonDecorator/matches(_:)``).
    public func hasDecorator(_ name: String) -> Bool { decorators.contains { $0.matches(name) } }

    /// True for a pytest fixture (`@pytest.fixture`, `@fixture` imported from pytest,
    /// `@pytest_asyncio.fixture`).
    public var isFixture: Bool {
        decorators.contains { $0.resolvedName == "pytest.fixture" || $0.resolvedName == "pytest_asyncio.fixture" }
    }

    /// True when the body can fail a test by itself: an `assert` that is not trivially true, an
    /// assertion helper call (`self.assertEqual`, `np.testing.assert_allclose`), `pytest.raises`
    /// or `pytest.warns`, a `raise` or a failing call.
    public var hasAssertion: Bool {
        if body.asserts.contains(where: { !$0.isTriviallyTrue }) || !body.raises.isEmpty { return true }
        return body.calls.contains { call in
            let last = call.resolvedCallee.split(separator: ".").last ?? ""
            return last.hasPrefix("assert")
                || call.resolvedCallee == "pytest.raises" || call.resolvedCallee == "pytest.warns"
        }
    }
}

/// A `class` statement at any depth.
public struct PythonClass: Hashable, Sendable {
    /// The class name (empty when the source lacks one, which is a syntax issue).
    public var name: String
    /// Python's `__qualname__`: `TestApi`, `Outer.Inner`, `f.<locals>.Local`.
    public var qualifiedName: String
    /// Where the name is written.
    public var nameRange: SourceRange
    /// From `class` through the end of the last body statement; decorators excluded.
    public var range: SourceRange
    /// The source text of each positional base (`unittest.TestCase`); keyword arguments such as
    /// `metaclass=` are not bases.
    public var bases: [String]
    /// The decorators, top to bottom.
    public var decorators: [PythonDecorator]
    /// The docstring, when the first statement of the body is a string literal.
    public var docstring: PythonDocstring?
    /// Indices into ``PythonModule/functions`` of the `def`s directly in the class body.
    public var methods: [Int]
    /// The class whose body directly contains this one, if any.
    public var enclosingClass: String?
    /// Index of ``enclosingClass`` in ``PythonModule/classes``.
    public var enclosingClassIndex: Int?
    /// The function whose body directly contains this class, if any.
    public var enclosingFunction: String?
    /// What the class body's own statements do (class attributes, for example).
    public var body: PythonBodySummary

    /// Creates a class.
    public init(name: String, qualifiedName: String, nameRange: SourceRange, range: SourceRange,
                bases: [String] = [], decorators: [PythonDecorator] = [], docstring: PythonDocstring? = nil,
                methods: [Int] = [], enclosingClass: String? = nil, enclosingClassIndex: Int? = nil,
                enclosingFunction: String? = nil, body: PythonBodySummary = PythonBodySummary()) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.nameRange = nameRange
        self.range = range
        self.bases = bases
        self.decorators = decorators
        self.docstring = docstring
        self.methods = methods
        self.enclosingClass = enclosingClass
        self.enclosingClassIndex = enclosingClassIndex
        self.enclosingFunction = enclosingFunction
        self.body = body
    }
}
