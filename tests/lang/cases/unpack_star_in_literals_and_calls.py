a = [1, 2]
b = (3,)
print([*a, *b], (*a,), {*a, *b}, {**{'x': 1}, **{'y': 2}})
print(*a, *b, sep=',')
first, *middle, last = range(10)
print(first, middle, last)
*all_, = 'abc'
print(all_)
[x, [y, *z]] = [1, [2, 3, 4]]
print(x, y, z)
def f(a, b, c=0, *rest, d, **kw): return a, b, c, rest, d, kw
print(f(*[1, 2, 3, 4], **{'d': 5, 'e': 6}))
