# ast.parse / compile(..., PyCF_ONLY_AST) in every mode; dumps with
# positions, unparse, and compiling the trees back.
import ast
src = '''
import os, sys as s
from . import x
def f(a, /, b: int = 1, *c, d, e=2, **g) -> None:
    """doc"""
    global q
    return a + b
async def h():
    async with a as b, c:
        await x
    async for i in y: pass
class C(B, metaclass=M):
    x: int = 3
    def m[T: int, *Ts, **P = int](self): yield from z
lambda x, *y: (x if y else -x)
try:
    pass
except* (E, F) as e:
    raise X from Y
finally:
    del a[1:2, ::3], b.c
match p:
    case [1, *rest] | [2, *rest] if rest: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=_) as pt: pass
    case None | True | -1 | 1+2j | "s" | a.b: pass
with open(f) as fh: print(f"{x!r:>{w}} {y=}", t"a{b!s}")
x = {1: 2, **d}; y = {a for a in b if c}; z = [*a, *b]
async def ac(): return {k: v async for k, v in q}
g = (i for i in j)
type A[T] = list[T]
i += 1; j @= 2
assert x, "m"
while 1:
    break
else:
    pass
def gen(): n = (yield)
print(1 < 2 <= a is not x not in 5, not a, ~b, a and b or c, b"x\\x00", 1.5j, 10**100, ..., 'é', u'u')
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True, indent=1))
print(ast.unparse(t))
print(type(compile(t, "<ast>", "exec")).__name__)
for mode, s in [("eval", "x + 1"), ("single", "x = 1"), ("exec", "")]:
    tree = compile(s, "<s>", mode, ast.PyCF_ONLY_AST)
    print(mode, ast.dump(tree, include_attributes=True))
    print(compile(tree, "<s>", mode, ast.PyCF_ONLY_AST) is tree)
exec(compile(ast.parse("print('hi', 2 + 3)"), "<x>", "exec"))
print(eval(compile(ast.parse("2 * 21", mode="eval"), "<x>", "eval")))
exec(compile(ast.parse("v = 7", mode="single"), "<x>", "single"))
print(v)
exec(compile(ast.Interactive([ast.Expr(ast.Constant(5, lineno=1, col_offset=0), lineno=1, col_offset=0)]), "<i>", "single"))
print(ast.dump(ast.parse("(a, *b) -> int", mode="func_type"), include_attributes=True))
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
print(ast.dump(ast.parse(b"x = '\\xe9'")))
code = compile(ast.Module([ast.Assign([ast.Name("c", ast.Store(), lineno=1, col_offset=0)], ast.Constant((1, (2.5, "a")), lineno=1, col_offset=0), lineno=1, col_offset=0)], []), "<c>", "exec")
ns = {}; exec(code, ns); print(ns["c"])
print(eval(compile(ast.Expression(ast.Constant(1+2j, lineno=1, col_offset=0)), "<c>", "eval")))
