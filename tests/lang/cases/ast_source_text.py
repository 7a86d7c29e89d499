# compile()/ast.parse of str ignore coding cookies; compile() keeps leading blanks (eval strips them).
import ast
print(ast.dump(ast.parse("# -*- coding: latin-1 -*-\nx = \"\u00e9\"")))
print(ast.dump(ast.parse("# -*- coding: latin-1 -*-\nx = \"\u00e9\"".encode("latin-1"))))
exec(compile("# -*- coding: latin-1 -*-\nprint(\"\u00e9\")", "s", "exec"))
for f in (lambda: compile("  1", "", "eval"), lambda: ast.dump(ast.parse("  x", mode="eval"))):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(eval("  1+1"))
