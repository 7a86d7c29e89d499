# _functools.partial and Placeholder (3.14): flattening, calls, repr, binding, state.
from _functools import partial, Placeholder, _PlaceholderType

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

class Fn:
    def __call__(self, *args, **kw):
        return args, kw
    def __repr__(self):
        return 'F'
f = Fn()

p = partial(f, 1, 2, a=3)
print(p(), p(4, b=5), p(a=9), p.func is f, p.args, p.keywords)
q = partial(p, 6, c=7)
print(q.func is f, q.args, q.keywords, q(8))
print(partial(f)(), partial(f)(1, x=2))
print(repr(partial(len, 1, 'a', k=[2])))
print(repr(partial(len)))
class S(partial):
    pass
s = S(f, 1)
print(type(s).__name__, s(2), repr(s))
print(S(len, 1).__class__ is S, partial(s, 2).func is f)

# Placeholder
ph = partial(f, Placeholder, 2, Placeholder, 4)
print(ph.args, ph('a', 'c'), ph('a', 'c', 'e', k=1))
attempt(ph, 'a')
attempt(ph)
ph2 = partial(ph, 'A')
print(ph2.args, ph2('C'))
ph3 = partial(ph, 'A', 'C', 'E')
print(ph3.args, ph3())
attempt(partial, f, Placeholder)
attempt(partial, f, 1, Placeholder)
attempt(partial, f, k=Placeholder)
print(repr(Placeholder), Placeholder.__reduce__(), _PlaceholderType() is Placeholder, type(Placeholder).__name__)
attempt(_PlaceholderType, 1)
attempt(type, 'X', (_PlaceholderType,), {})
print(repr(partial(f, Placeholder, 1)))

# errors
attempt(partial)
attempt(partial, 1)
attempt(partial, f, 1).__class__
attempt(setattr, p, 'func', len)
attempt(setattr, p, 'args', ())
attempt(setattr, p, '__dict__', 3)

# dict, flattening blocked by a dict, reduce/setstate
r = partial(f, 1); r.note = 'x'
print(r.__dict__, partial(r, 2).func is r, partial(r, 2)(3))
print(p.__reduce__())
print(r.__reduce__())
n = partial(len)
n.__setstate__((f, (1, 2), {'z': 1}, None))
print(n(), n.__dict__)
n.__setstate__((f, (Placeholder, 2), None, {'d': 1}))
print(n('x'), n.keywords, n.__dict__)
attempt(n.__setstate__, 1)
attempt(n.__setstate__, (f, (), None))
attempt(n.__setstate__, (1, (), None, None))
attempt(n.__setstate__, (f, [], None, None))
attempt(n.__setstate__, (f, (), 1, None))
attempt(n.__setstate__, (f, (1, Placeholder), None, None))

# binding as a method (3.14: partial is a method descriptor)
class C:
    m = partial(f, 'bound')
    def __repr__(self): return 'C()'
c = C()
print(c.m(1), C.m(1), type(c.m).__name__)
print(partial.__get__(p, None, C) is p)

# recursion in repr
rp = partial(f); rp.__setstate__((f, (rp,), {}, None)); print(repr(rp).replace(repr(f), 'F'))
# keyword order and override
k = partial(f, a=1, b=2)
print(k(b=3, c=4), k(c=5, a=6))
print(partial[int], partial.__class_getitem__(str))
print(callable(p), isinstance(p, partial), partial.__module__, partial.__name__)
import sys
print(partial(sys.intern, 'abc')() == 'abc')
sq = partial(pow, Placeholder, 2)
print(list(map(sq, range(5))))
print(partial(max, key=len)(['aa', 'b', 'cccc']))
