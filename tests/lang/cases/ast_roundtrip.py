# compile(ast.parse(src)) gives the same code object as compile(src), and
# parse -> unparse -> parse is stable.
import ast

def same(a, b):
    if type(a) is not type(b):
        return False
    if hasattr(a, "co_code"):
        attrs = ["co_code", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_flags", "co_argcount",
                 "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_firstlineno", "co_linetable",
                 "co_exceptiontable", "co_name", "co_qualname"]
        return all(getattr(a, n) == getattr(b, n) for n in attrs) and len(a.co_consts) == len(b.co_consts) and \
            all(same(x, y) for x, y in zip(a.co_consts, b.co_consts))
    if isinstance(a, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return repr(a) == repr(b)

SRC = '''
"""Module doc."""
from __future__ import annotations
import sys
from os import path as p, sep
X: int = 1
def deco(f):
    return f
@deco
def f(a, b=2, *args, c, d=4, **kw) -> dict:
    """Doc."""
    global X
    X += 1
    r = [i * 2 for i in range(a) if i % 2]
    s = {k: v for k, v in kw.items()}
    g = (x for x in args)
    try:
        z = a / b
    except ZeroDivisionError as e:
        z = None
    else:
        pass
    finally:
        del r[0:0]
    with open(p.__file__) if False else nullctx() as fh:
        pass
    while a > 0:
        a -= 1
        if a == 3:
            continue
        elif a == 1:
            break
    else:
        a = -1
    match kw:
        case {"x": 1, **rest}:
            pass
        case [1, 2, *others] | (3, *others):
            pass
        case str() | bytes():
            pass
        case _:
            pass
    lam = lambda q, *w, e=1: (q, w, e)
    return {"a": a, **s, "z": z, "f": f"{a!r:>{b}}", "t": (1, 2.5, 3j, b"b", ..., None, True)}
class K(dict, metaclass=type):
    attr: list[int] = []
    def m(self, /, x, *, y=None):
        return super().m(x) if y else self[x]
    @property
    def p(self): return 1
async def co(it):
    async with it as v:
        async for q in v:
            await q
    return [x async for x in it]
def gen():
    x = yield 1
    yield from range(x)
type Alias[T] = list[T]
def generic[T: (int, str), *Ts, **P](x: T) -> T: return x
print(f(3, c=1) if __name__ == "__main__" else 0, not X, X is not None, 1 < X <= 3, -X, ~X)
'''
tree = ast.parse(SRC, "<src>")
c1 = compile(SRC, "<src>", "exec", dont_inherit=True)
c2 = compile(tree, "<src>", "exec", dont_inherit=True)
print(same(c1, c2))
u = ast.unparse(tree)
print(ast.dump(ast.parse(u)) == ast.dump(tree))
print(u)
for mode, s in [("eval", "[x ** 2 for x in y if x] + {1: (a, b)}[k]"), ("single", "x = 1; print(x)")]:
    t = ast.parse(s, mode=mode)
    print(mode, same(compile(s, "<s>", mode), compile(t, "<s>", mode)))
