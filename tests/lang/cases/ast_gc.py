# AST nodes in reference cycles survive and die with the collector.
import ast, gc
trees = [ast.parse("def f(x):\n    return [y for y in x if y] + %d" % i) for i in range(300)]
for t in trees[:5]: t.body[0].parent = t
gc.collect()
print(sum(len(ast.dump(t)) for t in trees))
n = ast.Name("x"); n.self = n; del n; gc.collect()
print(ast.unparse(trees[7]))
