# _collections.defaultdict, _tuplegetter and _count_elements.
from _collections import defaultdict, _tuplegetter, _count_elements

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
d['a'].append(1); d['b']; d['a'].append(2)
print(d, d.default_factory, isinstance(d, dict), len(d))
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(int, [(1, 2)], b=3))
n = defaultdict()
attempt(n.__getitem__, 'x')
attempt(n.__getitem__, (1, 2))
attempt(defaultdict, 5)
attempt(defaultdict, 'abc')
attempt(defaultdict, int, 5)
print(d.get('zz'), 'zz' in d, d.__missing__('q'), d)
n.default_factory = lambda: 42
print(n['k'], dict(n), n.default_factory())
n.default_factory = None
attempt(n.__getitem__, 'y')
c = d.copy(); print(c, type(c).__name__, c is d, c['a'] is d['a'])
print(d.__copy__() == d)
print(d.__reduce__()[:4], list(d.__reduce__()[4]))
print(defaultdict().__reduce__()[:2])

# recursion in repr
r = defaultdict(); r.default_factory = r.__getitem__ if False else None
rec = defaultdict(list); rec['self'] = rec; print(rec)
class F:
    def __init__(self): self.d = None
    def __call__(self): return 0
    def __repr__(self): return 'F(' + repr(self.d) + ')'
f = F(); fd = defaultdict(f); f.d = fd
print(fd)

# | and |=
x = defaultdict(int, {1: 1}); y = {2: 2}
print(x | y, y | x, type(x | y).__name__, type(y | x).__name__)
x |= {3: 3}; print(x)
attempt(lambda: x | [1])
class D2(defaultdict): pass
print(D2(int, a=1), type(D2(int) | {}).__name__, D2(int).copy().__class__.__name__)
print(defaultdict[int, str])
print(defaultdict.__module__, defaultdict.__mro__)
dd = defaultdict(int)
for w in 'the cat the dog the end'.split():
    dd[w] += 1
print(sorted(dd.items()))

# _tuplegetter
g = _tuplegetter(1, 'second field')
print(g.__doc__, g.__reduce__())
class P(tuple):
    x = _tuplegetter(0, 'x doc')
    y = _tuplegetter(1, None)
p = P((10, 20))
print(p.x, p.y, P.x.__doc__, P.y.__doc__, type(P.x).__name__)
attempt(setattr, p, 'x', 5)
attempt(delattr, p, 'x')
attempt(lambda: P((1,)).y)
attempt(g.__get__, [1, 2])
print(g.__get__((1, 2)), g.__get__(None, tuple) is g)
g.__doc__ = 'changed'; print(g.__doc__)
attempt(_tuplegetter, 1)
attempt(_tuplegetter, 'a', 'b')

# _count_elements
c = {}
_count_elements(c, 'mississippi'); print(c)
_count_elements(c, 'ssx'); print(c)
class M(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v)
m = M(); _count_elements(m, 'aab'); print(m)
dm = defaultdict(int); _count_elements(dm, [1, 1, 2]); print(dm)
attempt(_count_elements, {}, 5)
attempt(_count_elements, {})
attempt(_count_elements, {}, [[1]])
