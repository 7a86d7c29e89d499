del a
del a, b
del (a, b), [c, d]
del a.b, a[0], a[1:2]
del (a)
del (a,)
del [a]
del a,
