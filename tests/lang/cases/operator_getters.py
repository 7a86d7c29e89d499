# itemgetter, attrgetter, methodcaller: calls, reprs, __reduce__.
import _operator as op

g = op.itemgetter(1)
print(g([1, 2, 3]), g((4, 5)), g("xyz"), g({1: "one"}), g(range(3)))
print(op.itemgetter(-1)([1, 2]), op.itemgetter(-1)((1, 2)), op.itemgetter(slice(1, None))([1, 2, 3]))
print(op.itemgetter(0, 2)("abc"), op.itemgetter("a", "b")({"a": 1, "b": 2}), op.itemgetter(1, 1)([0, 9]))
print(op.itemgetter((1, 2))({(1, 2): "t"}))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=op.itemgetter(1)))
print(list(map(op.itemgetter(0), [[1, 2], (3, 4), "56"])))
class L(list):
    def __getitem__(self, i):
        return ("L", i)
print(op.itemgetter(0)(L([1])), op.itemgetter(5)(L([])))
class T(tuple):
    pass
print(op.itemgetter(1)(T((7, 8))))
for f, arg in [(op.itemgetter(5), (1,)), (op.itemgetter(5), [1]), (op.itemgetter("k"), {}),
               (op.itemgetter(1), 1), (op.itemgetter(0, 9), [1])]:
    try:
        f(arg)
    except Exception as e:
        print(type(e).__name__, e)
print(repr(op.itemgetter(1)), repr(op.itemgetter(1, 2)), repr(op.itemgetter("a")), repr(op.itemgetter((1, 2))))
print(op.itemgetter(1).__reduce__(), op.itemgetter(1, "a").__reduce__())
r = op.itemgetter(2, 0).__reduce__()
print(r[0](*r[1])("abc"))
print(op.itemgetter(1) == op.itemgetter(1), type(hash(op.itemgetter(1))).__name__)
print(op.itemgetter(1).__call__([5, 6]))

class C:
    pass
c = C()
c.a = C()
c.a.b = C()
c.a.b.c = "deep"
c.x = 1
print(op.attrgetter("x")(c), op.attrgetter("a.b.c")(c), op.attrgetter("x", "a.b.c")(c))
print(op.attrgetter("real", "imag")(3 + 4j), op.attrgetter("__class__.__name__")(1))
print(repr(op.attrgetter("a")), repr(op.attrgetter("a.b", "c")), repr(op.attrgetter("a..b")))
print(op.attrgetter("a").__reduce__(), op.attrgetter("a.b", "c").__reduce__())
r = op.attrgetter("a.b.c", "x").__reduce__()
print(r[0](*r[1])(c))
for f in [op.attrgetter("y"), op.attrgetter("a.y"), op.attrgetter("a..b"), op.attrgetter(".a")]:
    try:
        f(c)
    except AttributeError as e:
        print("AttributeError", e)
print(sorted([c, C()], key=op.attrgetter("__class__.__name__"))[0] is c)

m = op.methodcaller("upper")
print(m("abc"), op.methodcaller("split", ",")("a,b,c"), op.methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(op.methodcaller("to_bytes", 2, byteorder="big")(258), op.methodcaller("get", "k", "dflt")({}))
print(repr(m), repr(op.methodcaller("f", 1, "x", k=2, j=[3])), repr(op.methodcaller("f", k=1)))
print(op.methodcaller("f", 1, 2).__reduce__(), op.methodcaller("g").__reduce__())
r = op.methodcaller("replace", "a", "b").__reduce__()
print(r[0](*r[1])("banana"))
try:
    op.methodcaller("nope")(1)
except AttributeError as e:
    print("AttributeError", e)
calls = []
class K:
    def meth(self, *a, **k):
        calls.append((a, k))
        return len(calls)
k = K()
mc = op.methodcaller("meth", 1, z=2)
print(mc(k), mc(k), calls)
print(type(op.itemgetter(1)).__name__, type(op.attrgetter("a")).__module__)
import gc
class Holder:
    pass
h = Holder()
h.g = op.itemgetter(h)
h.a = op.methodcaller("x", h, k=h)
del h
print(gc.collect() > 0)
