# The node classes of the ast module: fields, attributes, docs, the 3.13+
# constructor, repr, __reduce__ and copy.replace (no warnings triggered).
import ast, copy

def show(f):
    try:
        r = f()
        print("R", ast.dump(r, include_attributes=True) if isinstance(r, ast.AST) else repr(r))
    except Exception as e:
        print("E", type(e).__name__, e)

for name in ["AST", "mod", "Module", "stmt", "FunctionDef", "ImportFrom", "expr", "Constant", "Name",
             "Dict", "Compare", "expr_context", "Load", "operator", "cmpop", "comprehension",
             "excepthandler", "ExceptHandler", "arguments", "arg", "keyword", "alias", "withitem",
             "match_case", "pattern", "MatchAs", "type_ignore", "TypeIgnore", "type_param", "TypeVar"]:
    c = getattr(ast, name)
    print(name, c.__bases__[0].__name__, c._fields, c._attributes, c.__match_args__,
          {k: repr(v) for k, v in getattr(c, "_field_types", {}).items()})
    print("  doc", repr(c.__doc__))
    print("  own", sorted(k for k in c.__dict__ if not k.startswith("__") and k not in ("_fields", "_attributes", "_field_types")))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, ast.PyCF_OPTIMIZED_AST)
show(lambda: ast.Name('x'))
show(lambda: ast.Name('x', ast.Store(), lineno=3))
show(lambda: ast.Name('x', ast.Load(), 3))
show(lambda: ast.Name('x', id='y'))
show(lambda: ast.ImportFrom())
show(lambda: ast.arguments())
show(lambda: ast.AST())
show(lambda: ast.AST(1))
show(lambda: ast.Load(1))
show(lambda: ast.Call(ast.Name('f'), [ast.Constant(1)]))
show(lambda: ast.Name('x').__reduce__())
show(lambda: ast.Name('x', lineno=1).__reduce__())
show(lambda: copy.replace(ast.Name('x', lineno=1), id='z'))
show(lambda: copy.replace(ast.Name('x', lineno=1), foo='z'))
show(lambda: ast.Name('x').__replace__(1))
show(lambda: copy.deepcopy(ast.parse("f(x, y=[1])")))
show(lambda: repr(ast.Name('x')))
show(lambda: repr(ast.AST()))
show(lambda: repr(ast.parse('[1,2,3,[4,5,[6,[7]]]]')))
show(lambda: repr(ast.parse('x = [1,2,3,4]\nf(a, *b, k=1)\n')))
show(lambda: repr(ast.Load()))
show(lambda: repr(ast.arguments()))
show(lambda: repr(ast.Global(['a', 'b', 'c'])))
show(lambda: ast.Name('x').__dict__)
show(lambda: (ast.Name.__module__, ast.AST.__module__, ast.Name.__qualname__))
show(lambda: ast.Load() is ast.Load())
show(lambda: ast.parse("x").body[0].value.ctx is ast.parse("y").body[0].value.ctx)
show(lambda: ast.parse("a + b").body[0].value.op is ast.parse("c + d").body[0].value.op)
show(lambda: (ast.FunctionDef.returns, ast.stmt.end_lineno, ast.arg.end_col_offset, ast.Constant.kind))
n = ast.Name('x')
n.extra = 5
print(n.extra, sorted(n.__dict__))
del n.extra
print(hasattr(n, "extra"), isinstance(n, ast.expr), isinstance(n, ast.stmt))
class MyName(ast.Name):
    pass
m = MyName('q', ast.Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
print(repr(m), ast.unparse(m))
print(eval(compile(ast.Expression(m), "<m>", "eval"), {"q": 42}))
