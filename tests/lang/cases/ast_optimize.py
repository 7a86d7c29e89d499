# ast.parse(optimize=N): the PyCF_OPTIMIZED_AST tree of 3.14 (__debug__, match value folding).
import ast
for s in ["x in [1, 2]", "for i in [1,2]: pass", "-1", "(1, 2)", "'%s' % x", "not (a in b)", "x = __debug__", "assert x", "1 + 2", "(-1, 2)", "f'{a}' 'b'", "match x:\n case -1: pass\n case 1+2j: pass"]:
    for o in (1, 2):
        print(o, ast.dump(ast.parse(s, optimize=o)))
