# groupby (and its _grouper that stops once the groupby advances) and tee
# (the shared buffer, __copy__, tee of a tee, _tee and _tee_dataobject).
import itertools
from itertools import groupby, tee
import gc

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3], key=lambda x: x % 2)])
print([(k, list(g)) for k, g in groupby([], key=len)])
print([(k, list(g)) for k, g in groupby(["a", "bb", "cc", "d"], len)])
print([(k, list(g)) for k, g in groupby(iterable=[1, 1, 2], key=None)])
g = groupby("aabbc")
k, grp = next(g)
print(k, next(grp))
k2, grp2 = next(g)
print(k2, list(grp), list(grp2))
groups = list(groupby("aabbc"))
print([(k, list(v)) for k, v in groups])
g = groupby("aab")
k, grp = next(g)
print(type(grp).__name__, type(grp).__module__, iter(grp) is grp)
del g
print(list(grp))
data = [{"n": 1, "k": "x"}, {"n": 2, "k": "x"}, {"n": 3, "k": "y"}]
print([(k, [d["n"] for d in v]) for k, v in groupby(data, key=lambda d: d["k"])])

a, b = tee([1, 2, 3])
print(type(a).__name__, type(a).__module__, list(a), list(b))
a, b, c = tee(iter("abcd"), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee([1])), len(tee([1], 5)))
a, b = tee(range(200))
print(sum(a), sum(b))
a, b = tee(x * x for x in range(130))
la = list(a)
print(la[-1], next(b), list(b)[-1])
a, b = tee([1, 2, 3])
c = a.__copy__()
print(next(a), list(c), list(a), list(b))
x, y = tee(a)
print(x is a, y is a)
a, b = tee([1, 2, 3])
c, d = tee(a)
print(c is a, d is a, list(c), list(d), list(a), list(b))
t = itertools._tee([5, 6])
print(type(t).__name__, list(t))
t2 = itertools._tee(t)
print(list(t2))
a, b = tee("xyz")
next(a)
t3 = itertools._tee(a)
print(list(t3), list(a), list(b))
print(len(tee(tee([1])[0], 3)))
print(itertools._tee_dataobject.__name__)

def feedback():
    yield 1
    yield next(ta)
ta, tb = tee(feedback())
print(next(ta))
try:
    next(ta)
except RuntimeError as e:
    print("RuntimeError", e)

a, b = tee(range(10 ** 5))
for _ in a:
    pass
print(sum(b))
a, b = tee([1, 2])
del b
gc.collect()
print(list(a))
