Point = type('Point', (tuple,), {'x': property(lambda s: s[0]), 'y': property(lambda s: s[1])})
p = Point((3, 4))
print(p, p.x, p.y, isinstance(p, tuple), len(p), p + (5,))
t = 1,
print(t, type(t).__name__, (1) == 1)
