import Testing

/// A tricky but valid Python snippet, with the oldest CPython that accepts it.
struct ValidPythonSnippet: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    let minimumMinor: Int
    var testDescription: String { name }

    init(_ name: String, minimumMinor: Int = 8, _ source: String) {
        self.name = name
        self.source = source
        self.minimumMinor = minimumMinor
    }

    static let all: [ValidPythonSnippet] = [
        .init("decorators", """
        @pytest.fixture(scope="session")
        @functools.lru_cache(maxsize=None)
        def f(): pass

        @buttons[0].clicked.connect
        def g(): pass
        """),
        .init("nested functions and closures", """
        def outer():
            x = 1
            def inner():
                nonlocal x
                def innermost(): return x
                return innermost
            return inner
        """),
        .init("lambdas with colons in headers", """
        if (lambda: 1)():
            f = lambda x, *a, k=lambda: 0, **kw: {x: a[1:2]}
        while lambda: 0: break
        """),
        .init("walrus", """
        if (n := len(data)) > 10:
            print(f"{n=}")
        while chunk := read():
            pass
        """),
        .init("match and case", minimumMinor: 10, """
        match command.split():
            case [action]: pass
            case [Point(x=0, y=0), *rest] if rest:
                pass
            case {"key": value, **others}:
                pass
            case str() | bytes():
                pass
            case _:
                pass
        """),
        .init("match as a name", """
        import re
        match = re.match(r"\\d+", text)
        match.group(0)
        match: int = 1
        match(x)
        case = 2
        type = "t"
        """),
        .init("async with and for", """
        async def main():
            async with session.get(url) as response:
                async for chunk in response.content:
                    await process(chunk)
            return [x async for x in gen()]
        """),
        .init("type hints", """
        from typing import Callable
        def f(a: int, b: "str" = "x", *args: int, c: list[int] | None = None, **kw: dict[str, int]) -> Callable[[int], str]:
            x: int
            y: dict[str, list[int]] = {}
            return lambda n: str(n)
        """),
        .init("star arguments and unpacking", """
        def f(a, /, b, *, c): ...
        first, *rest = [1, 2, 3]
        print(*rest, **{"sep": ","})
        merged = {**a, **b}
        """),
        .init("multi-line calls", """
        result = compute(
            1,
            key="value",  # a comment
            # a comment line
                    other=[
                1, 2,
            ],
        )
        """),
        .init("f-strings with nested quotes", """
        a = f"{x['a']}"
        b = f'{x["a"]}'
        c = f"{'{'}{{}}" f"{x!r:>{width}.{precision}}"
        d = rf"\\d{n}"
        """),
        .init("f-strings reusing quotes", minimumMinor: 12, """
        a = f"{x["a"]}"
        b = f"{", ".join([
            "a",  # comment
            "b",
        ])}"
        """),
        .init("line continuations", """
        total = 1 + \\
                2 + \\
            3
        with open("a") as f, \\
             open("b") as g:
            pass
        assert total, \\
            "message"
        """),
        .init("semicolons", "import os; import sys; x = 1;\nif x: a = 1; b = 2\n"),
        .init("one-line definitions", """
        def f(): pass
        def g(x): return x
        class A: pass
        class B(A): x = 1; y = 2
        if True: pass
        elif False: pass
        else: pass
        for i in range(3): continue
        while False: break
        try: pass
        except Exception: pass
        else: pass
        finally: pass
        with open("f") as fh: pass
        """),
        .init("comments at odd indentation", """
        def f():
                # deeper comment
            x = 1
          # shallower comment
        # column 1 comment
            return x
        #
        """),
        .init("try clauses", """
        try:
            pass
        except (ValueError, TypeError) as e:
            raise RuntimeError("x") from e
        else:
            pass
        finally:
            pass
        try:
            pass
        except* OSError:
            pass
        """).withMinimum(11),
        .init("loop else clauses", """
        for x in y:
            if x: break
        else:
            pass
        while x:
            x -= 1
            continue
        else:
            pass
        """),
        .init("generators and comprehensions", """
        def gen():
            x = yield
            yield from range(3)
            return (i for i in range(3) if i)
        squares = {k: v ** 2 for k, v in items.items() if v}
        s = {a[1:2:3], b[::], c[:, 1]}
        """),
        .init("global and nonlocal", """
        counter = 0
        def bump():
            global counter
            counter += 1
        """),
        .init("strings of every kind", #"""
        a = 'it\'s' "say \"hi\"" r'\d' R"\w" u'u' F'{a}' fR'{b}\d'
        z = b'\x00' B"x" rb'\x' Br"x"
        b = '''multi
        line''' + """with "quotes" and \""" escaped"""
        c = 'continued \
        string'
        """#),
        .init("numbers of every kind", """
        n = [0, 00, 0_0, 1_000, 0x_FF, 0o17, 0b1010, 1.5, 1., .5, 1e10, 1E-5, 1_0.0_1e1_0, 3j, 1.5J, 07.5, 0e0]
        m = 1 if x else 2
        """),
        .init("return in methods and nested defs", """
        class A:
            def m(self):
                def helper():
                    return 1
                return helper()
            @property
            def p(self): return 2
        """),
        .init("assignments that are not to literals", """
        x = y = z = 1
        a, b = 1, 2
        (c) = 3
        d[0] = e.f = g().h = i[f()] = 4
        j: int = 5
        k += 1
        print(end="")
        f = lambda a=1, b=2: a
        x == 1
        """),
        .init("unicode identifiers and strings", """
        café = "naïve ☕"
        Δ = 1
        def 関数(): return café
        """),
        .init("tabs used consistently", "if a:\n\tif b:\n\t\tc = 1\n\telse:\n\t\tc = 2\n"),
        .init("form feed and blank lines", "x = 1\n\u{0C}\ndef f():\n    pass\n\n\n    \n"),
        .init("print and exec as functions", "print('x')\nprint(x, file=sys.stderr)\nprint\nexec('code')\nprint >> f\n"),
        .init("decorated class and async def", """
        @dataclass(frozen=True)
        class Point:
            x: int = 0

        @pytest.mark.asyncio
        async def test_it():
            await asyncio.sleep(0)
        """),
        .init("type parameters and aliases", minimumMinor: 12, """
        type Pair[T] = tuple[T, T]
        def first[T](pair: Pair[T]) -> T: return pair[0]
        class Box[T]:
            def get(self) -> T: ...
        """),
        .init("keywords next to strings", "match'x':\n    case'x': pass\nif'a'in'abc': print('yes')\nx = not'a'\n")
            .withMinimum(10),
        .init("no final newline", "def f():\n    return 1"),
    ]

    private func withMinimum(_ minor: Int) -> ValidPythonSnippet {
        ValidPythonSnippet(name, minimumMinor: minor, source)
    }
}
