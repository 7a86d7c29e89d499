# User subclasses of ast classes, constructor edge cases, class-level attributes.
import ast
class P(ast.AST):
    _fields = ('a', 'b')
p = P(1)
print(p.__dict__)
class Q(ast.expr):
    _fields = ('x',)
    _field_types = {'x': list[int]}
print(Q().__dict__)
print(ast.Name(*['x'], ctx=ast.Load()).__dict__)
try:
    ast.Name(1, 2, 3, 4)
except TypeError as e: print(e)
try:
    ast.Pass(1)
except TypeError as e: print(e)
print(ast.Pass(lineno=1).lineno)
print(ast.AST._fields, ast.AST._attributes, ast.expr._fields, ast.expr._attributes)
print(ast.Name.__init__ is ast.AST.__init__, ast.Constant.__reduce__ is ast.AST.__reduce__)
print(type(ast.AST.__dict__['_fields']), hasattr(ast.AST, '_field_types'), hasattr(ast.expr, '_field_types'))
print(repr(ast.Constant(value=[1, 2, 3])), repr(ast.Constant('x' * 3)))
import copy
print(ast.dump(copy.deepcopy(ast.parse("a[1:2] = b"))))
print(ast.Module.__annotations__ if hasattr(ast.Module, '__annotations__') else None)
