# The _operator functions (what Lib/operator.py imports with *).
import _operator as op

print(op.__name__, op.__doc__.splitlines()[0])
print(sorted(n for n in dir(op) if not n.startswith("__")))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2))
print(op.eq([1], [1]), op.lt("a", "b"), op.lt({1}, {1, 2}))
print(op.not_(0), op.not_([1]), op.truth(0), op.truth("x"), op.truth([]))
print(op.is_(None, None), op.is_not(1, None), op.is_none(None), op.is_none(0),
      op.is_not_none(None), op.is_not_none(0))
print(op.abs(-3), op.abs(-2.5), op.neg(5), op.pos(-5), op.inv(5), op.invert(0), op.index(7))
print(op.add(1, 2), op.add("a", "b"), op.sub(5, 7), op.mul(3, 4), op.mul("ab", 2),
      op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.mod("%s!", "x"), op.pow(2, 10),
      op.pow(2, -1), op.lshift(1, 10), op.rshift(1024, 3), op.and_(12, 10), op.or_(12, 10),
      op.xor(12, 10))
print(op.and_({1, 2}, {2, 3}), op.or_({1}, {2}), op.xor({1, 2}, {2, 3}))

class M:
    def __init__(self, v): self.v = v
    def __matmul__(self, o): return ("matmul", self.v, o)
    def __imatmul__(self, o): return ("imatmul", self.v, o)
    def __repr__(self): return f"M({self.v})"
print(op.matmul(M(1), 2), op.imatmul(M(1), 2))

l = [1]
r = op.iadd(l, [2])
print(r, r is l)
t = (1,)
r = op.iadd(t, (2,))
print(r, r is t)
print(op.isub(5, 2), op.imul([0], 3), op.itruediv(1, 4), op.ifloordiv(9, 2), op.imod(9, 4),
      op.ipow(3, 3), op.ilshift(1, 4), op.irshift(16, 2), op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))
s = {1}
print(op.ior(s, {2}) is s, s)
l = [1]
print(op.iconcat(l, (2, 3)) is l, l, op.iconcat((1,), (2,)), op.concat([1], [2]), op.concat("a", "b"))
print(op.concat((1,), (2,)), op.concat(b"a", b"b"), op.concat(bytearray(b"x"), b"y"))

class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError
    def __add__(self, other):
        return "Seq.__add__"
print(op.concat(Seq(), [1]))

print(op.contains([1, 2], 2), op.contains("abc", "d"), op.contains({"a": 1}, "a"))
print(op.countOf([1, 2, 1, 1], 1), op.countOf("banana", "a"), op.countOf([], 1))
nan = float("nan")
print(op.countOf([nan, nan], nan), op.indexOf([nan], nan))
print(op.indexOf([5, 6, 7], 7), op.indexOf("abc", "b"), op.indexOf(iter([1, 2]), 2))
d = {"a": 1}
print(op.getitem(d, "a"), op.getitem([1, 2, 3], -1), op.getitem("abc", slice(1, None)))
print(op.setitem(d, "b", 2), d, op.delitem(d, "a"), d)
l = [1, 2, 3, 4]
op.setitem(l, slice(0, 2), ["x"])
op.delitem(l, -1)
print(l)
print(op.length_hint([1, 2]), op.length_hint(iter([1, 2, 3])), op.length_hint(5), op.length_hint(5, 7))
print(op.length_hint(iter(range(10))), op.length_hint(x for x in "ab"), op.length_hint({}, 3))

class LH:
    def __init__(self, v): self.v = v
    def __length_hint__(self):
        if isinstance(self.v, type) and issubclass(self.v, BaseException):
            raise self.v("hint")
        return self.v
print(op.length_hint(LH(4)), op.length_hint(LH(NotImplemented), 9), op.length_hint(LH(TypeError), 2))
for v in [-1, "a", ValueError]:
    try:
        op.length_hint(LH(v))
    except Exception as e:
        print(type(e).__name__, e)
class Len:
    def __len__(self): return 5
    def __length_hint__(self): return 1
print(op.length_hint(Len()))

print(op.call(len, [1, 2]), op.call(dict, a=1), op.call(lambda *a, **k: (a, k), 1, 2, x=3))
print(op._compare_digest("abc", "abc"), op._compare_digest("abc", "abd"), op._compare_digest("a", "ab"))
print(op._compare_digest(b"abc", b"abc"), op._compare_digest(b"ab", bytearray(b"ab")),
      op._compare_digest(memoryview(b"xy"), b"xy"), op._compare_digest(b"", b""), op._compare_digest(b"a", b""))
print(op.add.__name__, op.add.__qualname__, op.add.__module__, type(op.add).__name__)
print(op.itemgetter.__module__, op.attrgetter.__name__, op.methodcaller.__qualname__)
