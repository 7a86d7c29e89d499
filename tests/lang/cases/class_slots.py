class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'), P.__slots__, type(P.__dict__['x']).__name__)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
del p.y
try:
    p.y
except AttributeError as e:
    print('AttributeError:', e)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, hasattr(q, '__dict__'))
class R(P):
    __slots__ = ('w', '__dict__')
r = R(1, 2); r.w = 0; r.other = 1
print(r.w, r.other)
try:
    class Bad:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print('ValueError:', e)
