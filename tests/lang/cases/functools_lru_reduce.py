# _functools._lru_cache_wrapper (bounded, unbounded, no cache, typed), reduce, cmp_to_key.
from _functools import _lru_cache_wrapper, reduce, cmp_to_key

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

def CacheInfo(hits, misses, maxsize, currsize):
    return ('CacheInfo', hits, misses, maxsize, currsize)

calls = []
def sq(x, y=0):
    calls.append(x)
    return x * x + y

w = _lru_cache_wrapper(sq, 3, False, CacheInfo)
for v in [1, 2, 3, 1, 4, 2, 5, 1, 1, 3]:
    w(v)
print(calls, w.cache_info())
print(w(2, y=1), w(2, y=1), w(y=1, x=2), w.cache_info())
print(w(1.0), w(1), w(True), w.cache_info())
w.cache_clear(); print(w.cache_info())
calls.clear()

u = _lru_cache_wrapper(sq, None, False, CacheInfo)
for v in range(5):
    u(v); u(v)
print(calls, u.cache_info())
print(u(3.0), u(3), u.cache_info())

t = _lru_cache_wrapper(sq, 10, True, CacheInfo)
t(3); t(3.0); t(3); t(x=3); t(x=3.0)
print(t.cache_info())
z = _lru_cache_wrapper(sq, 0, False, CacheInfo)
z(1); z(1)
print(z.cache_info())
neg = _lru_cache_wrapper(sq, -5, False, CacheInfo)
neg(1); neg(1); print(neg.cache_info())

attempt(w, [1])
attempt(u, {})
attempt(_lru_cache_wrapper, 1, 2, 3, 4)
attempt(_lru_cache_wrapper, sq, 'a', 3, 4)
attempt(_lru_cache_wrapper, sq, 2, 3)
attempt(_lru_cache_wrapper, sq, 2.5, False, CacheInfo)

# exception in the function: not cached
def boom(x):
    calls.append(('boom', x))
    raise ValueError(x)
b = _lru_cache_wrapper(boom, 2, False, CacheInfo)
attempt(b, 1); attempt(b, 1); print(b.cache_info())

# attributes, dict, binding
w.__wrapped__ = sq
w.__qualname__ = 'sq'
print(w.__wrapped__ is sq, w.__dict__.keys(), w.__reduce__(), w.__copy__() is w, w.__deepcopy__({}) is w)
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(self.n)
    def __eq__(self, o): return self.n == o.n
    def meth(self, k):
        return self.n * k
    meth = _lru_cache_wrapper(meth, 16, False, CacheInfo)
a = K(2)
print(a.meth(5), a.meth(5), K(2).meth(5), K.meth.cache_info(), type(a.meth).__name__)
print(type(w).__name__, type(w).__module__, callable(w))

# recursion through the cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = _lru_cache_wrapper(fib, None, False, CacheInfo)
print(fib(90), fib.cache_info())
fib2 = _lru_cache_wrapper(lambda n: n if n < 2 else fib2(n - 1) + fib2(n - 2), 2, False, CacheInfo)
print(fib2(40), fib2.cache_info())

# LRU order: the least recently used goes first
order = _lru_cache_wrapper(lambda x: x, 2, False, CacheInfo)
order(1); order(2); order(1); order(3); order(1); order(2)
print(order.cache_info())

# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(lambda a, b: a + b, [], 7), reduce(lambda a, b: a + b, ['x']), reduce(lambda a, b: a + b, 'abc', initial='>'))
attempt(reduce)
attempt(reduce, len)
attempt(reduce, 1, 2)
attempt(reduce, lambda a, b: a, [])
attempt(reduce, lambda a, b: a, [1], 1, 2)
attempt(reduce, lambda a, b: 1 / 0, [1, 2])
attempt(reduce, function=len, iterable=[])

# cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)
key = cmp_to_key(cmp)
print(sorted([3, 1, 2], key=key), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
print(type(key).__name__, type(key(1)).__name__, key(5).obj)
x, y = key(1), key(2)
print(x < y, x <= y, x == y, x != y, x > y, x >= y, key(2) == key(2))
attempt(lambda: x < 1)
attempt(hash, x)
attempt(key)
attempt(key, 1, 2)
attempt(cmp_to_key)
print(key(obj=4).obj, cmp_to_key(mycmp=cmp)(3).obj)
attempt(lambda: key.obj)
print(min([5, 3, 9], key=key), max([5, 3, 9], key=key))
