# Proxies forward dir(), __dict__, format(), comparisons and attribute
# assignment to the referent; special methods they lack raise TypeError.
from _weakref import proxy
class A:
    def __init__(self): self.x = 1
    def __format__(self, spec): return 'fmt:' + spec
    def __round__(self, n=None): return 'rounded'
    def __repr__(self): return 'A()'
a = A()
p = proxy(a)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ':', e)
t(lambda: 'x' in dir(p))
t(lambda: p.__dict__)
t(lambda: format(p, '>5'))
t(lambda: round(p))
t(lambda: p())
t(lambda: p[0])
t(lambda: len(p))
t(lambda: iter(p))
t(lambda: p + 1)
t(lambda: 1 - p)
t(lambda: -p)
t(lambda: p < 1)
t(lambda: p == a)
t(lambda: a == p)
t(lambda: [p] == [a])
t(lambda: p.__repr__())
t(lambda: str(p))
t(lambda: type(p).__add__)
t(lambda: int(p))
t(lambda: hash(p))
t(lambda: bool(p))
t(lambda: p.__class__.__name__)
t(lambda: setattr(p, 'y', 2) or a.y)
t(lambda: delattr(p, 'y') or hasattr(a, 'y'))
t(lambda: p.__bytes__())
