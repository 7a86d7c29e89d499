# list.sort / sorted: the comparison chosen from the keys' types must give
# the same order, calls and errors as the general protocol.
import math

def show(label, v):
    print(label, v)

# exact ints: small, negative, past 63 bits, the int64 edge
big = [2**63, -2**63, 2**63 - 1, -2**63 + 1, 2**64 + 5, -(2**100), 10**30, 0, -1, 1, 7, -7]
show("ints", sorted(big))
show("ints rev", sorted(big, reverse=True))
show("int keys", sorted(range(-5, 6), key=lambda v: (v * 7919) % 11))

# floats: NaN stays put relative to comparisons that are all false
nan = float("nan")
fl = [3.5, -0.0, 0.0, 1e308, -1e308, float("inf"), -float("inf"), 2.25]
show("floats", sorted(fl))
r = sorted([nan, 1.0])
show("floats nan", [x if x == x else "nan" for x in r])
r = sorted([1.0, nan])
show("floats nan 2", [x if x == x else "nan" for x in r])
show("zero order", [math.copysign(1, z) for z in sorted([0.0, -0.0, 0.0, -0.0])])

# strs of every width
strs = ["b", "a", "\u00e9", "\u20ac", "\U0001f600", "", "ab", "a\u20ac", "a\U0001f600", "Z", "\u00e9a"]
show("strs", [ascii(s) for s in sorted(strs)])
show("strs rev", [ascii(s) for s in sorted(strs, reverse=True)])

# tuples: ints, strs, floats, mixed lengths, empty, NaN items
tups = [(1, 2), (1,), (), (0, 5, 1), (1, 2, 0), (-1, 99), (1, 1), (2 ** 70, 0), (1, 2)]
show("tuples", sorted(tups))
show("tuples rev", sorted(tups, reverse=True))
st = [("b", 1), ("a", 2), ("b", 0), ("a", 2, 0), ("\u20ac", -1)]
show("str tuples", [ascii(t) for t in sorted(st)])
n1 = float("nan")
for nt in ([(n1, 2), (n1, 1)], [(n1, 2), (float("nan"), 1)], [(1.0, 2), (n1, 1)]):
    out = sorted(nt)
    show("nan tuples", [("nan" if a != a else a, b) for a, b in out])
show("mixed first", sorted([(1, "b"), (1.0, "a"), (True, "c"), (0.5, "d")]))
show("tuple in tuple", sorted([((2, 1), 0), ((1, 9), 1), ((2, 0), 2), ((1, 9), 0)]))

# stability with equal keys
recs = [(i % 3, i) for i in range(12)]
show("stable", sorted(recs, key=lambda r: r[0]))
show("stable rev", sorted(recs, key=lambda r: r[0], reverse=True))
show("stable tuple key", sorted(recs, key=lambda r: (r[0] % 2,)))

# type errors come out with the same message
for data in ([1, "a"], [(1, 2), (1, "x")], [("a",), (1,)], [None, None], [1j, 2j]):
    try:
        sorted(data)
    except TypeError as e:
        print("TypeError:", e)

# key function raising: the list is left as it was
lst = [3, 1, 2]
def bad(v):
    if v == 2:
        raise ValueError("bad key %d" % v)
    return v
try:
    lst.sort(key=bad)
except ValueError as e:
    print("ValueError:", e, lst)
show("empty", sorted([], key=bad))
show("one", sorted([5], key=bad))

# user types: calls are counted
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append("lt")
        return self.v < other.v
    def __eq__(self, other):
        calls.append("eq")
        return self.v == other.v
    def __repr__(self):
        return "K(%d)" % self.v
ks = [K(3), K(1), K(2)]
show("user", sorted(ks))
print(len(calls) > 0, set(calls))
calls.clear()
show("user in tuples", sorted([(K(2), 1), (K(1), 2), (K(2), 0)]))
print(sorted(set(calls)))

class NI:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("NI.lt", self.v, other.v)
        return NotImplemented
    def __gt__(self, other):
        print("NI.gt", self.v, other.v)
        return self.v > other.v
    def __repr__(self):
        return "NI(%d)" % self.v
show("notimpl", sorted([NI(2), NI(1)]))
show("notimpl tuples", sorted([(NI(2),), (NI(1),)]))

# subclasses of the fast types keep their own comparisons
class RevInt(int):
    def __lt__(self, other):
        return int(other) < int(self)
show("int subclass", sorted([RevInt(1), RevInt(3), RevInt(2)]))
show("int + subclass", sorted([3, RevInt(1), 2]))
class S(str):
    def __lt__(self, other):
        return len(self) < len(other)
show("str subclass", sorted([S("bbb"), S("a"), S("cc")]))
show("bools", sorted([True, False, True, 0, 1]))
show("bool keys", sorted([3, 0, 2, 0], key=bool))

# a key changing its class during the sort
class A:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 2:
            self.__class__ = B
        return self.v < other.v
class B:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __gt__(self, other):
        return self.v < other.v
res = sorted([A(v) for v in (5, 2, 4, 1, 3)])
print("class change", [(type(x).__name__, x.v) for x in res])

# mutation during sort is still detected
lst = [3, 2, 1]
def mut(v):
    lst.append(v)
    return v
try:
    lst.sort(key=mut)
except ValueError as e:
    print("ValueError:", e)
print(lst)
class M:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        ml.append(0)
        return self.v < other.v
ml = [M(2), M(1), M(3)]
try:
    ml.sort()
except ValueError as e:
    print("ValueError:", e)

# large
import random
rnd = random.Random(5)
data = [rnd.randrange(-10**6, 10**6) for _ in range(3000)]
print(sorted(data) == sorted(data, key=lambda v: (v,)), sorted(data)[:3], sorted(data)[-3:])
fdata = [rnd.random() for _ in range(3000)]
print(sorted(fdata) == sorted(fdata, key=lambda v: (v, 0)))
sdata = ["k%d" % rnd.randrange(100) for _ in range(3000)]
print(sorted(sdata)[:4], sorted(sdata, key=lambda s: (s, 1))[:4] == sorted(sdata)[:4])
