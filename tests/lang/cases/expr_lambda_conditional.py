sq = lambda x: x * x
print(sq(7), (lambda: 'const')(), (lambda *a: len(a))(1, 2, 3))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
sign = lambda n: 'pos' if n > 0 else 'neg' if n < 0 else 'zero'
print([sign(n) for n in (-1, 0, 1)])
