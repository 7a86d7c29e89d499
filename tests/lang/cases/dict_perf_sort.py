# list.sort / sorted fast comparison paths: exact ints, floats, strs and
# tuples; fallbacks for big ints, subclasses, mixed types, user classes;
# stability, reverse, NaN, errors and mutation during the sort.
import math

# ints: small, negative, around the 64-bit edges, big
ints = [5, -3, 0, 2**63 - 1, -(2**63) + 1, 7, -(2**63), 2**63, 2**64, -(2**64), 1, 1, -1]
print(sorted(ints))
print(sorted([3, 1, 2, 2**70, -5]))
print(sorted([3, True, 2, False, -1]))          # bool is not an exact int
print(sorted([3, 1.5, 2, -0.5]))               # mixed int/float
class MyInt(int):
    def __lt__(self, other):
        print("MyInt.__lt__", int(self), int(other))
        return int(self) > int(other)           # reversed order
print(sorted([MyInt(1), MyInt(3), MyInt(2)]))
print(sorted([1, MyInt(3), 2]))

# floats with NaN and signed zeros (stability keeps -0.0 / 0.0 order)
nan = float("nan")
fl = [3.0, nan, 1.0, -0.0, 0.0, 2.0, nan, -1.5, float("inf"), float("-inf")]
print(sorted(fl))
print(sorted([0.0, -0.0, 0.0, -0.0]), sorted([-0.0, 0.0]))
print(sorted([nan, 1.0, 0.5]), sorted([1.0, nan, 0.5]))

# strs of every kind, latin-1 above 127, prefixes
strs = ["b", "a", "", "ab", "\xe9", "\xff", "z", "\u0100", "\U0001F600", "a\x00", "A", "\u00e9a", "aa"]
print(sorted(strs))
print(sorted(["\xe9", "e", "\x7f", "\x80"]))
print(sorted(["\U0001F600b", "\U0001F600a", "\u1234"]))
class MyStr(str):
    def __lt__(self, other):
        return len(self) < len(other)
print(sorted([MyStr("bbb"), MyStr("a"), MyStr("cc")]))
print(sorted(["bbb", MyStr("a"), "cc"]))

# tuples: first items decide, ties go to later items, lengths, NaN
tp = [(2, "b"), (1, "z"), (2, "a"), (1, "a", 0), (1, "a"), (0,), (2, "a", -1)]
print(sorted(tp))
print(sorted([(1.0, 2), (nan, 1), (0.5, 3), (nan, 0)]))
same_nan = (nan, 1), (nan, 0)
print(sorted(same_nan))
print(sorted([("b", 1), ("a", 2), ("\xe9", 0), ("a", 1)]))
print(sorted([(), (1,), (0, 5), ()]))
print(sorted([(2**70, 1), (1, 2), (-(2**70), 3)]))
print(sorted([(1, 2.5), (1, 2), (1, True), (1, 3)]))
print(sorted([(1, [2]), (1, [1]), (0, [9])]))
print((1, 2) < (1, 2.5), (1, nan) < (1, nan), (nan,) == (nan,), (1, nan) <= (1, nan))
print((1, 2) <= (1, 2), (1, 2) >= (1, 3), (1, "b") > (1, "a"), (2**70,) > (1,))
print((0.0,) == (-0.0,), (1, 2) == (1, 2.0), (1, "a") != (1, "a"))

# key functions and stability
words = ["pear", "fig", "apple", "kiwi", "date", "plum", "lime", "banana"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w[-1])))
print(sorted(words, key=lambda w: (len(w) % 2,), reverse=True))
data = [(i % 3, i) for i in range(12)]
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, key=lambda p: -p[0] * 0.5))
big = [(x * 7919) % 1000 for x in range(2000)]
s1 = sorted(big)
print(s1[:5], s1[-5:], all(s1[i] <= s1[i + 1] for i in range(len(s1) - 1)))
s2 = sorted(big, key=lambda x: (x % 10, -x))
print(s2[:5], s2[-3:])
s3 = sorted([str(x) for x in big])
print(s3[:5], s3[-3:])
s4 = sorted([x / 7 for x in big], reverse=True)
print(s4[:3], s4[-3:])
pairs = [(x % 10, i) for i, x in enumerate(big)]
pairs.sort(key=lambda p: p[0])
print(pairs[:4], pairs[-2:])

# mixed types: the exact messages
for bad in ([1, "a"], ["a", 1], [1.0, "x", 2], [(1, 2), (1, "a")], [("a",), (1,)], [None, None], [1, None, 2]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sorted([3, 2, 1], key=lambda x: "a" if x == 2 else x)
except TypeError as e:
    print("TypeError:", e)

# a key function or a comparison that mutates the list
lst = [3, 1, 2]
def bad_key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e, lst)
class Mut:
    def __init__(self, v, target):
        self.v, self.target = v, target
    def __lt__(self, other):
        self.target.clear()
        return self.v < other.v
    def __repr__(self):
        return "Mut(%d)" % self.v
target = []
target.extend([Mut(3, target), Mut(1, target), Mut(2, target)])
try:
    target.sort()
except ValueError as e:
    print("ValueError:", e, target)

# user classes: only __gt__ (reflected), non-bool results, errors
class G:
    def __init__(self, v): self.v = v
    def __gt__(self, other): return self.v > other.v
    def __repr__(self): return "G(%d)" % self.v
print(sorted([G(3), G(1), G(2)]))
class Odd:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return [1] if self.v < other.v else []
    def __repr__(self): return "Odd(%d)" % self.v
print(sorted([Odd(2), Odd(0), Odd(1)]))
class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v == 2 or other.v == 2:
            raise RuntimeError("boom")
        return self.v < other.v
    def __repr__(self): return "Boom(%d)" % self.v
items = [Boom(3), Boom(1), Boom(2), Boom(0)]
try:
    items.sort()
except RuntimeError as e:
    print("RuntimeError:", e, sorted(b.v for b in items))
class NoCmp:
    pass
try:
    sorted([NoCmp(), NoCmp()])
except TypeError as e:
    print("TypeError:", e)
print(sorted([]), sorted([5]), sorted([2, 1]), sorted("hello"))
print(sorted([[2, 1], [1, 2], [1]]))
print(sorted({3: 0, 1: 0, 2: 0}), sorted(range(5), reverse=True))
print(sorted([1, 2**64, 3, -2**64, 0], reverse=True))
print(math.isnan(sorted([nan])[0]))

# the same comparisons as CPython's sort: counts on pseudo-random data, and
# where NaNs (inconsistent comparisons) end up
class Counted:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Counted.n += 1
        return self.v < o.v
seed = 99
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
for size in (3, 65, 100, 130, 1000, 3000):
    d = [Counted(rnd() % 1000) for _ in range(size)]
    Counted.n = 0
    d.sort()
    n1 = Counted.n
    Counted.n = 0
    d.sort(reverse=True)
    print(size, n1, Counted.n, [c.v for c in d[:3]])
fl = [rnd() / 7 if (rnd() >> 16) % 10 else nan for _ in range(3000)]
r = sorted(fl)
print([i for i, x in enumerate(r) if x != x][:12], r[:3], r[-2:])
r = sorted(fl, reverse=True)
print([i for i, x in enumerate(r) if x != x][:12])
asc_desc = [5, 5, 5, 4, 4, 3, 3, 3, 9, 1, 2, 2, 1, 0]
print(sorted(asc_desc), sorted([(x, i) for i, x in enumerate(asc_desc)], key=lambda p: p[0]))
print(sorted([(x, i) for i, x in enumerate(asc_desc)], key=lambda p: p[0], reverse=True))
