# Inline list/tuple/dict subscripts, list item stores and augmented
# assignment on items (BINARY_OP [] and STORE_SUBSCR), truth tests: negative
# and out-of-range indexes, bool and huge indexes, __index__ objects, list
# subclasses with overridden __getitem__/__setitem__, items whose __del__
# runs when replaced, and the error messages of the generic path.
lst = [10, 20, 30, 40]
print(lst[0], lst[3], lst[-1], lst[-4], lst[True], lst[False])
for i in (4, -5, 2**63, 10**30, -10**30):   # (py314 is 32-bit: no 2**31..2**63)
    try:
        lst[i]
    except IndexError as e:
        print("get", i, e)
    try:
        lst[i] = 0
    except IndexError as e:
        print("set", i, e)
t = (1, 2, 3)
print(t[0], t[-1], t[True])
for i in (3, -4, 2**70):
    try:
        t[i]
    except IndexError as e:
        print("tuple", i, e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
for bad in ("1", 1.0, None):
    try:
        lst[bad]
    except TypeError as e:
        print(e)
    try:
        lst[bad] = 1
    except TypeError as e:
        print(e)
class Idx:
    def __index__(self):
        return 2
print(lst[Idx()])
lst[Idx()] = 33
print(lst)
lst[-1] = 44
lst[True] = 22
print(lst)
# augmented assignment on items
b = [0.0, 1.5, 2, [1], "s"]
b[0] += 2.5
b[1] -= 0.5
b[2] *= 10
b[3] += [2]
b[4] += "t"
b[-1] *= 2
print(b)
m = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        m[i][j] += i * 3 + j
        m[j][i] -= 1
print(m)
flags = [True] * 10
for j in range(4, 10, 2):
    flags[j] = False
print(flags, sum(flags))
# replaced items are released at once
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
h = [D(1), D(2)]
h[0] = D(3)
h[-1] = None
print("after")
h[0] = 5
# list subclasses
class L(list):
    def __getitem__(self, i):
        return ("L.get", i)
    def __setitem__(self, i, v):
        print("L.set", i, v)
x = L([1, 2, 3])
print(x[0], x[-1])
x[1] = 9
x[0] += (1,)
print(list(x))
class L2(list):
    pass
y = L2([1, 2])
y[0] += 5
y[-1] = 7
print(y, y[0], type(y[0]))
# dict, str
d = {"a": 1, 2: "two", (1, 2): 3}
print(d["a"], d[2], d[(1, 2)], d[2.0])
for k in ("b", 3, (1,)):
    try:
        d[k]
    except KeyError as e:
        print("KeyError", e)
s = "ab"
s += "cd"
print(s + "ef", s)
try:
    s + 1
except TypeError as e:
    print(e)
# truth tests
for v in (0, 1, -1, 2**70, 0.0, -0.0, float("nan"), "", "x", [], [0], None, (), (0,), {}, {1: 2}, True, False):
    if v:
        print(repr(v), "true")
    else:
        print(repr(v), "false")
class Z(int):
    def __bool__(self):
        return False
class E(list):
    def __len__(self):
        return 0
print("yes" if Z(5) else "no", "yes" if E([1]) else "no", not Z(1), not 0.0)
class BadBool:
    def __bool__(self):
        raise ValueError("no truth")
try:
    if BadBool():
        pass
except ValueError as e:
    print(e)
# mutation during iteration with item stores
q = [1, 2, 3, 4]
for i, v in enumerate(q):
    if i + 1 < len(q):
        q[i + 1] = v * 10
print(q)
