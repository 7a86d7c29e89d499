x = 1
f = lambda a, b=x: a + b
x = 100
print(f(1), f(1, 2))
g = lambda *args, **kw: (args, sorted(kw.items()))
print(g(1, 2, z=3, a=4))
h = lambda: (yield)
print(type(h()).__name__)
