f = lambda: 0
g = lambda x: x
h = lambda x, y=1: x + y
i = lambda *a, **k: (a, k)
j = lambda a, /, b, *, c: a
k = lambda a=1, /, b=2, *c, d, e=3, **f: 0
l = lambda *, a: a
m = lambda: lambda: lambda: 1
n = lambda x: (yield)
o = lambda x=lambda: 1: x
p = (lambda: 1)()
q = lambda a, /: a
r = lambda a,: a
