# Iterators that reuse their result tuple (zip, enumerate, pairwise,
# zip_longest, product, permutations, combinations...) must never let the
# reuse show: a tuple kept by the caller is not changed later, a tuple
# hashed once hashes its new contents after reuse, and re-entrant calls
# get their own tuples.
import itertools as it
import gc

def kept(iterator, n=None):
    out = []
    for t in iterator:
        out.append(t)
    return out

def check_kept(label, make):
    # consume while keeping every other tuple; compare with a list built
    # from copies
    expect = [tuple(t) for t in make()]
    got = []
    held = []
    for i, t in enumerate(make()):
        if i % 2 == 0:
            held.append((i, t))
        got.append(tuple(t))
    print(label, got == expect, all(t == expect[i] for i, t in held), len(expect))

check_kept("zip", lambda: zip(range(6), "abcdef"))
check_kept("zip3", lambda: zip(range(5), range(5, 10), range(10, 15)))
check_kept("enumerate", lambda: enumerate("hello", start=-2))
check_kept("enumerate big start", lambda: enumerate("abc", start=2**63 - 2))
check_kept("pairwise", lambda: it.pairwise(range(7)))
check_kept("zip_longest", lambda: it.zip_longest(range(3), "abcde", fillvalue="-"))
check_kept("product", lambda: it.product("ab", range(3)))
check_kept("product repeat", lambda: it.product(range(2), repeat=3))
check_kept("permutations", lambda: it.permutations(range(4), 2))
check_kept("combinations", lambda: it.combinations(range(5), 3))
check_kept("cwr", lambda: it.combinations_with_replacement("abc", 2))

# hashing: a reused tuple must not keep the hash of its old contents
for name, make in [("zip", lambda: zip(range(4), range(4))),
                   ("enumerate", lambda: enumerate("wxyz")),
                   ("pairwise", lambda: it.pairwise("wxyz")),
                   ("zip_longest", lambda: it.zip_longest("ab", "wxyz", fillvalue="-")),
                   ("product", lambda: it.product("ab", "xy")),
                   ("permutations", lambda: it.permutations("abc", 2))]:
    ok = True
    for t in make():
        h = hash(t)
        if h != hash(tuple(list(t))):
            ok = False
    seen = set()
    for t in make():
        seen.add(t)
    print(name, "hash ok", ok, sorted(seen) == sorted(set(tuple(x) for x in make())))

# the dict/set keys made from reused tuples stay correct
d = {}
for t in zip("abc", range(3)):
    d[t] = 1
print(sorted(d))
print({t: i for i, t in enumerate(it.pairwise("abcd"))})

# unpacking in a loop (the common case where reuse happens)
print(sum(x * y for x, y in zip(range(100), range(100))))
print(sum(i * len(s) for i, s in enumerate(["a", "bb", "ccc"])))
print([b - a for a, b in it.pairwise([1, 4, 9, 16, 25])])
print([a + b for a, b in it.zip_longest([1, 2, 3], [10], fillvalue=0)])

# re-entrant: the inner call happens while the outer one fills its tuple
class Reenter:
    def __init__(self):
        self.z = None
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 6:
            raise StopIteration
        if self.n == 2 and self.z is not None:
            inner = next(self.z)
            print("inner", inner)
        return self.n
r = Reenter()
z = zip(r, range(100, 200))
r.z = z
print("zip outer", list(z))

r = Reenter()
e = enumerate(r)
r.z = e
print("enumerate outer", [t for t in e])

r = Reenter()
p = it.pairwise(r)
r.z = p
print("pairwise outer", list(p))

# old items are released when the tuple is reused (or kept when held)
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def src():
    for i in range(3):
        yield Noisy("n%d" % i)
for a, b in zip(src(), "xyz"):
    print("got", a.name, b)
    del a
print("after loop")
gc.collect()

# strict zip errors after reuse
try:
    for t in zip(range(3), range(2), strict=True):
        print(t)
except ValueError as e:
    print("ValueError:", e)
try:
    for t in zip(range(2), range(3), strict=True):
        pass
except ValueError as e:
    print("ValueError:", e)

# subclasses of zip / enumerate
class Z(zip):
    pass
class E(enumerate):
    pass
print(list(Z("ab", "cd")), list(E("xy", 5)))
for t in Z("ab", "cd"):
    print(t, type(t).__name__)

# gc sees consistent objects while iterating
zz = zip(range(3), range(3))
first = next(zz)
gc.collect()
print(first, next(zz), list(zz))
pw = it.pairwise("abc")
x = next(pw)
gc.collect()
print(x, next(pw), list(pw))

# empty inputs
print(list(zip()), list(zip([])), list(enumerate([])), list(it.pairwise([])), list(it.pairwise([1])))
print(list(it.zip_longest()), list(it.zip_longest([], [])))
