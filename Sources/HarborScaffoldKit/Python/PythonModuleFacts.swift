/// One name bound by an `import` statement: `import a.b as c` or `from x import y as z`.
public struct PythonImport: Hashable, Sendable {
    /// The module: `a.b` for `import a.b`, `x` for `from x import y`, with leading dots for
    /// relative imports (`..pkg`, or `.` for `from . import y`).
    public var module: String
    /// The imported name for `from` imports (`y`, or `*`); nil for plain `import`.
    public var name: String?
    /// The `as` alias, if any.
    public var alias: String?
    /// Where the imported name (with its alias) is written.
    public var range: SourceRange

    /// Creates an import.
    public init(module: String, name: String?, alias: String?, range: SourceRange) {
        self.module = module
        self.name = name
        self.alias = alias
        self.range = range
    }

    /// The line of the import.
    public var line: Int { range.start.line }

    /// The name the import binds in its scope: the alias, the imported name, or the first
    /// component of the module (`import os.path` binds `os`).
    public var boundName: String {
        if let alias { return alias }
        if let name { return name }
        return String(module.split(separator: ".", maxSplits: 1).first ?? Substring(module))
    }

    /// The dotted path the bound name stands for: `numpy` for `import numpy as np`, `time.sleep`
    /// for `from time import sleep`, `os` for `import os.path`.
    public var qualifiedName: String {
        if let name {
            if module.hasSuffix(".") { return module + name }
            return module + "." + name
        }
        return alias == nil ? boundName : module
    }
}

/// A string literal in code (implicitly concatenated pieces count as one), with its value.
public struct PythonStringConstant: Hashable, Sendable {
    /// The decoded value; see ``PythonStringLiteral/decode(_:)`` (f-string fields stay verbatim).
    public var value: String
    /// Where the literal is written.
    public var range: SourceRange
    /// True for an f-string (or a concatenation containing one).
    public var isFormatted: Bool
    /// True for a bytes literal.
    public var isBytes: Bool

    /// Creates a string constant.
    public init(value: String, range: SourceRange, isFormatted: Bool = false, isBytes: Bool = false) {
        self.value = value
        self.range = range
        self.isFormatted = isFormatted
        self.isBytes = isBytes
    }
}

/// One argument of a call.
public struct PythonCallArgument: Hashable, Sendable {
    /// The keyword of a keyword argument (`timeout` in `timeout=5`); nil for positional ones.
    public var keyword: String?
    /// The argument's source text without the keyword (`5`, `*args`, `f"{x}"`).
    public var text: String
    /// The decoded value when the argument is a plain string literal.
    public var stringValue: String?
    /// Where the argument is written, keyword included.
    public var range: SourceRange

    /// Creates an argument.
    public init(keyword: String?, text: String, stringValue: String?, range: SourceRange) {
        self.keyword = keyword
        self.text = text
        self.stringValue = stringValue
        self.range = range
    }
}

/// A call whose callee is a dotted name, such as `requests.get(url, timeout=5)`.
public struct PythonCall: Hashable, Sendable {
    /// The callee as written: `requests.get`, `self.client.post`, or `datetime.now().isoformat`
    /// (a call in the middle of a chain is shown as `()`).
    public var callee: String
    /// The callee with its first component resolved through the module's imports:
    /// `time.sleep` for `sleep(1)` after `from time import sleep`, `numpy.random.seed` for
    /// `np.random.seed(0)`. Equal to ``callee`` when nothing is imported under that name.
    public var resolvedCallee: String
    /// The arguments in order.
    public var arguments: [PythonCallArgument]
    /// From the start of the callee through the closing parenthesis.
    public var range: SourceRange

    /// Creates a call.
    public init(callee: String, resolvedCallee: String? = nil, arguments: [PythonCallArgument], range: SourceRange) {
        self.callee = callee
        self.resolvedCallee = resolvedCallee ?? callee
        self.arguments = arguments
        self.range = range
    }

    /// The line of the call.
    public var line: Int { range.start.line }

    /// The values of the arguments that are plain string literals, in order.
    public var stringArguments: [String] { arguments.compactMap(\.stringValue) }

    /// The keyword argument named `keyword`, if present.
    public func argument(named keyword: String) -> PythonCallArgument? {
        arguments.first { $0.keyword == keyword }
    }

    /// True when the callee (as written or resolved) is `name` or ends with `.name`.
    public func calls(_ name: String) -> Bool {
        callee == name || resolvedCallee == name || callee.hasSuffix("." + name) || resolvedCallee.hasSuffix("." + name)
    }
}

/// A dotted name used in code, such as `random.seed` or `BASE_URL`.
public struct PythonNameReference: Hashable, Sendable {
    /// The dotted name.
    public var name: String
    /// Where it is written.
    public var range: SourceRange

    /// Creates a reference.
    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// An assignment to a name or dotted attribute: `BASE_URL = "http://localhost:8000"`.
public struct PythonAssignment: Hashable, Sendable {
    /// The assigned name (`BASE_URL`, `self.url`).
    public var target: String
    /// The annotation of an annotated assignment (`str` in `x: str = "a"`).
    public var annotation: String?
    /// The source text of the assigned value.
    public var value: String
    /// The decoded value when the value is a plain string literal.
    public var stringValue: String?
    /// The whole statement.
    public var range: SourceRange

    /// Creates an assignment.
    public init(target: String, annotation: String? = nil, value: String, stringValue: String?, range: SourceRange) {
        self.target = target
        self.annotation = annotation
        self.value = value
        self.stringValue = stringValue
        self.range = range
    }

    /// The line of the assignment.
    public var line: Int { range.start.line }
}

/// An `assert` statement.
public struct PythonAssert: Hashable, Sendable {
    /// The source text of the tested expression.
    public var condition: String
    /// The source text of the message after the comma, if any.
    public var message: String?
    /// True when the condition is a constant that is always true, so the assertion cannot fail:
    /// `assert True`, `assert 1`, `assert "x"`, `assert not False`, `assert (x, "msg")`.
    public var isTriviallyTrue: Bool
    /// True when the condition is a constant that is always false (`assert False`, `assert 0`):
    /// the assertion always fails, often a placeholder.
    public var isTriviallyFalse: Bool
    /// The whole statement.
    public var range: SourceRange

    /// Creates an assertion.
    public init(condition: String, message: String?, isTriviallyTrue: Bool, isTriviallyFalse: Bool, range: SourceRange) {
        self.condition = condition
        self.message = message
        self.isTriviallyTrue = isTriviallyTrue
        self.isTriviallyFalse = isTriviallyFalse
        self.range = range
    }
}

/// A way a body fails explicitly: a `raise` statement or a call such as `pytest.fail(...)`.
public struct PythonRaise: Hashable, Sendable {
    /// How the failure is written.
    public enum Kind: String, Hashable, Sendable {
        /// A `raise` statement.
        case raiseStatement
        /// A call that fails the test: `pytest.fail(...)`, `self.fail(...)`.
        case failCall
    }

    /// How the failure is written.
    public var kind: Kind
    /// The raised exception's dotted name (`NotImplementedError`, `ValueError`) or the failing
    /// callee (`pytest.fail`); nil for a bare `raise` or a raised expression without a name.
    public var exception: String?
    /// The statement or call.
    public var range: SourceRange

    /// Creates a raise.
    public init(kind: Kind, exception: String?, range: SourceRange) {
        self.kind = kind
        self.exception = exception
        self.range = range
    }
}

/// A docstring: the string literal that is the first statement of a module, class or function.
public struct PythonDocstring: Hashable, Sendable {
    /// The decoded text.
    public var value: String
    /// Where the literal is written.
    public var range: SourceRange

    /// Creates a docstring.
    public init(value: String, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// What the statements of one scope (module, class body or function body) do. Statements of
/// nested functions and classes belong to those; decorators, default values, annotations and
/// base classes belong to the scope where they are evaluated.
public struct PythonBodySummary: Hashable, Sendable {
    /// The number of statements, counting those inside `if`/`for`/`with`/`try` blocks and the
    /// docstring; a compound statement counts once however many clauses it has.
    public var statements = 0
    /// True when every statement is `pass`, `...` or a bare string (such as the docstring).
    public var isOnlyPassOrEllipsisOrDocstring = true
    /// The `assert` statements.
    public var asserts: [PythonAssert] = []
    /// `raise` statements and failing calls (`pytest.fail`), in source order.
    public var raises: [PythonRaise] = []
    /// Calls with a dotted-name callee, in source order (an outer call precedes its arguments' calls).
    public var calls: [PythonCall] = []
    /// String literals in code, docstrings excluded.
    public var stringLiterals: [PythonStringConstant] = []
    /// Every dotted name that appears (read or assigned), keyword-argument names and lambda
    /// parameters excluded.
    public var names: [PythonNameReference] = []
    /// Assignments to names and dotted attributes.
    public var assignments: [PythonAssignment] = []

    /// Creates an empty summary.
    public init() {}

    /// True when some name in the scope is `name` or starts with `name.`.
    public func references(_ name: String) -> Bool {
        names.contains { $0.name == name || $0.name.hasPrefix(name + ".") }
    }
}
