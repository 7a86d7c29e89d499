# weakref.proxy: ProxyType / CallableProxyType forward every operation to
# the referent and raise ReferenceError once it is gone.
import _weakref
from _weakref import proxy, ref, getweakrefcount, getweakrefs

def addr(s):
    out, i = [], 0
    while i < len(s):
        if s.startswith('0x', i):
            j = i + 2
            while j < len(s) and s[j] in '0123456789abcdef':
                j += 1
            out.append('0xX')
            i = j
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'Num({self.v})'
    def __str__(self): return f'<{self.v}>'
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o): return Num(o + self.v)
    def __sub__(self, o): return Num(self.v - o)
    def __rsub__(self, o): return Num(o - self.v)
    def __mul__(self, o): return Num(self.v * o)
    def __matmul__(self, o): return 'matmul'
    def __truediv__(self, o): return Num(self.v / o)
    def __floordiv__(self, o): return Num(self.v // o)
    def __mod__(self, o): return Num(self.v % o)
    def __divmod__(self, o): return divmod(self.v, o)
    def __pow__(self, o, m=None): return Num(pow(self.v, o, m))
    def __lshift__(self, o): return Num(self.v << o)
    def __rshift__(self, o): return Num(self.v >> o)
    def __and__(self, o): return Num(self.v & o)
    def __or__(self, o): return Num(self.v | o)
    def __xor__(self, o): return Num(self.v ^ o)
    def __neg__(self): return Num(-self.v)
    def __pos__(self): return Num(+self.v)
    def __abs__(self): return Num(abs(self.v))
    def __invert__(self): return Num(~self.v)
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __bool__(self): return bool(self.v)
    def __eq__(self, o): return self.v == (o.v if isinstance(o, Num) else o)
    def __lt__(self, o): return self.v < (o.v if isinstance(o, Num) else o)
    def __iadd__(self, o):
        self.v += o
        return self
    def __bytes__(self): return b'num'
    __hash__ = object.__hash__

n = Num(6)
p = proxy(n)
print(type(p).__name__, type(p).__module__, p.__class__.__name__, isinstance(p, Num))
print(p + 1, 1 + p, p - 1, 10 - p, p * 2, p @ 1, p / 4, p // 4, p % 4, divmod(p, 4))
print(p ** 2, pow(p, 2, 5), p << 1, p >> 1, p & 3, p | 1, p ^ 2)
print(-p, +p, abs(p), ~p, int(p), float(p), [10, 20, 30, 40, 50, 60, 70][p], bool(p))
print(p == 6, p == Num(6), p != 6, p < 7, p == p, proxy(n) is p)
print(str(p), addr(repr(p)), format(p))
print(p.v, bytes(p))
p.v = 7
print(n.v)
del p.v
t(lambda: n.v)
n.v = 1
q = p
q += 5
print(q, n, type(q).__name__)
t(lambda: hash(p))

class Box:
    def __init__(self): self.items = [1, 2, 3]
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __contains__(self, v): return v in self.items
    def __iter__(self): return iter(self.items)
    def __reversed__(self): return reversed(self.items)
b = Box()
pb = proxy(b)
print(len(pb), pb[0], 2 in pb, 9 in pb, list(pb), list(reversed(pb)))
pb[0] = 10
del pb[1]
print(b.items)
t(lambda: next(pb))

class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
it = It()
pi = proxy(it)
print(next(pi), list(pi))

# callable proxies
def f(*a, **k): return (a, k)
pf = proxy(f)
print(type(pf).__name__, pf(1, x=2), pf.__name__)
class CallMe:
    def __call__(self): return 'called'
c = CallMe()
print(type(proxy(c)).__name__, proxy(c)())
print(type(proxy(Num)).__name__, proxy(Num)(3))

# proxies with callbacks, the canonical proxy and the count
o = Num(1)
r = ref(o)
p1 = proxy(o)
p2 = proxy(o, lambda x: print('proxy callback', type(x).__name__))
print(proxy(o) is p1, p2 is not p1, getweakrefcount(o), getweakrefs(o) == [r, p1, p2])
del o
print(addr(repr(p1)))
for op in (lambda: p1 + 1, lambda: str(p1), lambda: p1.v, lambda: bool(p1), lambda: len(p1),
           lambda: p1 == 1, lambda: iter(p1), lambda: p1[0], lambda: bytes(p1)):
    t(op)
t(lambda: setattr(p1, 'x', 1))
t(lambda: proxy(1))
t(lambda: proxy())
t(lambda: proxy(n, None, 1))
t(lambda: ref(p))
t(lambda: type(p)())
t(lambda: sorted(k for k in type(p).__dict__ if k in ('__add__', '__bytes__', '__reversed__', '__call__', '__hash__', '__iter__', '__next__')))
t(lambda: sorted(k for k in type(pf).__dict__ if k in ('__call__', '__iter__')))
