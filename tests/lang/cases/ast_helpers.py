# The helpers of Lib/ast.py over _ast nodes: literal_eval, walk, visitors, transformers, locations, copy, match, compare.
import ast, copy
print(ast.literal_eval("[1, (2, 3), {'a': -4.5}, {1, 2}, 3+4j, b'x', None, True, ...]"))
try:
    ast.literal_eval("f(x)")
except ValueError as e:
    print("ValueError", e)
t = ast.parse("def f(x):\n    '''Doc.'''\n    return x * 2\nclass K: pass\n")
print(t.body[0].body[0].value.value)
print([type(n).__name__ for n in ast.walk(t)])
class V(ast.NodeVisitor):
    def visit_Name(self, node):
        print("name", node.id, node.lineno, node.col_offset)
V().visit(t)
class T(ast.NodeTransformer):
    def visit_BinOp(self, node):
        return ast.copy_location(ast.BinOp(node.left, ast.Add(), ast.Constant(100)), node)
t2 = ast.fix_missing_locations(T().visit(copy.deepcopy(t)))
print(ast.unparse(t2))
ns = {}
exec(compile(t2, "<t2>", "exec"), ns)
print(ns["f"](5))
ast.increment_lineno(t2, 10)
print(t2.body[0].lineno, t2.body[0].body[1].value.right.lineno)
n = ast.Name("x", ast.Load(), lineno=1, col_offset=0)
print(n.__reduce__())
print(copy.copy(n).__dict__, copy.replace(n, id="y").id)
match t.body[0]:
    case ast.FunctionDef(name, args, body):
        print("matched", name, len(body))
print(ast.dump(t.body[1]))
print(ast.dump(t.body[1], annotate_fields=False))
src = "a = (1 +\n  2)\n"
tt = ast.parse(src)
print(ast.compare(ast.parse("x+1"), ast.parse("x + 1")), ast.compare(ast.parse("x+1"), ast.parse("x+2")))
print(isinstance(ast.Constant(1), ast.expr), issubclass(ast.Load, ast.AST), ast.Load in ast.expr_context.__subclasses__())
print(ast.parse("x", mode="eval").body.ctx is ast.parse("y", mode="eval").body.ctx)
print(ast.Tuple([ast.Name('a')]).dims)
print(ast.dump(ast.parse("1 + 2 * 3", optimize=1)))
print(ast.dump(ast.parse("f'{x!r:>10}'")))
print(ast.unparse(ast.parse("lambda: (yield)")))
