# dict lookups with str keys (identity, equal copies, the str fast path's
# fallbacks), get/setdefault/items/values, resizing and big tables.

# equal strs that are distinct objects
d = {}
keys = ["k%d" % (i % 50) for i in range(500)]
for k in keys:
    d[k] = d.get(k, 0) + 1
print(len(d), d["k0"], d["k49"], "".join(["k", "7"]) in d, d.get("".join(["k", "7"])))
inv = {}
for k, v in d.items():
    inv.setdefault(v, []).append(k)
print(sorted(inv), len(inv[10]))
print(sum(d.values()), list(d)[:3], list(d.items())[-1])
merged = {k: v * 2 for k, v in d.items() if k.endswith("7")}
print(merged)

# str subclass keys: custom __hash__ / __eq__ run, in both directions
class S(str):
    def __hash__(self):
        return hash(str(self))
    def __eq__(self, other):
        print("S.__eq__", str(self), other)
        return str.__eq__(self, other)
d = {"abc": 1, "xyz": 2}
print(d[S("abc")], S("xyz") in d, d.get(S("nope"), "absent"))
d2 = {S("abc"): 10}
print(d2["abc"], "abc" in d2, d2.get("abd"))
d2["abc"] = 11
print(d2, type(list(d2)[0]).__name__)
d2.setdefault("abc", 99)
print(d2.setdefault("new", 5), d2)
class Never(str):
    def __hash__(self):
        return hash("k1")
    def __eq__(self, other):
        return False
d3 = {Never("k1"): "never", "k1": "plain"}
print(len(d3), d3["k1"], d3.get(Never("k1")))

# a key whose __eq__ mutates the dict during the lookup
class Mutator:
    def __init__(self, target, h):
        self.target, self.h = target, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        self.target.clear()
        self.target["x"] = 1
        return False
dm = {}
m1 = Mutator(dm, 7)
dm[m1] = "first"
m2 = Mutator(dm, 7)
print(dm.get(m2), dict(dm))
dm2 = {}
dm2[Mutator(dm2, 5)] = 1
print(dm2.setdefault(Mutator(dm2, 5), "dflt"), len(dm2), list(dm2.values()))
class Grower:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 3
    def __eq__(self, other):
        for i in range(100):
            self.target["g%d" % i] = i
        return False
dg = {}
dg[Grower(dg)] = 0
print(dg.get(Grower(dg), "missing"), len(dg))
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise RuntimeError("eq failed")
db = {BadEq(): 1}
for op in (lambda: db[BadEq()], lambda: db.get(BadEq()), lambda: db.setdefault(BadEq(), 0), lambda: BadEq() in db):
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError:", e)

# unhashable keys
for op in (lambda: {}.get([1]), lambda: {}.setdefault({}, 1), lambda: {}[[1]], lambda: {[1]: 2}):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)

# big tables: 1, 2 and 4-byte index slots, deletions, re-insertions
big = {}
for i in range(70000):
    big["s%d" % i] = i
print(len(big), big["s0"], big["s69999"], big.get("s70000"), "s12345" in big)
for i in range(0, 70000, 2):
    del big["s%d" % i]
print(len(big), big.get("s2"), big["s3"], list(big)[:3])
for i in range(0, 100, 2):
    big["s%d" % i] = -i
print(len(big), list(big)[-3:], big["s98"])
ok = all(big["s%d" % i] == i for i in range(1, 70000, 2))
print(ok)
mixed = {1: "int", "1": "str", 1.5: "float", (1, "a"): "tuple", None: "none", True: "bool?"}
print(mixed, mixed[1], mixed["1"], mixed[(1, "a")])
print({"a": 1} == {"a": 1}, {"".join(["a", "b"]): 1} == {"ab": 1})
# hash of strs of each kind matches across equal copies
for s in ["", "a", "\xe9t\xe9", "\u20ac", "\U0001F600", "abcdefgh", "abcdefghi", "x" * 100]:
    t = "".join(list(s))
    print(repr(s)[:12], hash(s) == hash(t), {s: 1}.get(t))
