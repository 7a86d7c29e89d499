import copyreg, copy

class A:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return type(o) is type(self) and o.__dict__ == self.__dict__

a = A(3)
for p in range(6):
    r = a.__reduce_ex__(p)
    print(p, r[0].__name__, r[1][0].__name__ if isinstance(r[1][0], type) else r[1], r[2:])
print(object().__reduce_ex__(2)[1:])
print(object().__reduce__()[1:])
print(A.__dict__.get('__reduce_ex__'), object.__getstate__(a), A(1).__getstate__())
e = A.__new__(A)
print(e.__getstate__(), e.__reduce_ex__(2)[2])

class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
print(S().__getstate__(), S.__slotnames__)
print(S().__reduce_ex__(2)[2])
try:
    S().__reduce_ex__(1)
except TypeError as e:
    print("TypeError:", e)

class SD(S):
    __slots__ = ('c', '__dict__')
    def __init__(self):
        super().__init__(); self.c = 5; self.d = 6
print(SD().__getstate__())

class L(list):
    pass
l = L([1, 2]); l.attr = 'v'
r = l.__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2], list(r[3]), r[4])
class D(dict):
    pass
d = D(a=1)
r = d.__reduce_ex__(3)
print(r[2], r[3], list(r[4]))

class NA:
    def __init__(self, v):
        self.v = v
    def __getnewargs__(self):
        return (self.v,)
    def __new__(cls, v):
        o = super().__new__(cls); o.v = v; return o
print(NA(4).__reduce_ex__(2)[1][1:])

class KW:
    def __new__(cls, *, k):
        o = super().__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self):
        return ((), {'k': self.k})
r = KW(k=9).__reduce_ex__(4)
print(r[0].__name__, r[1][1:], r[2])
print(copy.copy(KW(k=2)).k, copy.deepcopy(KW(k=3)).k)

class Bad:
    def __getnewargs_ex__(self): return 1
for B, m in [(Bad, 1)]:
    try:
        B().__reduce_ex__(2)
    except Exception as ex:
        print(type(ex).__name__, ex)
class Bad2:
    def __getnewargs_ex__(self): return (1,)
class Bad3:
    def __getnewargs_ex__(self): return ([], {})
class Bad4:
    def __getnewargs_ex__(self): return ((), [])
class Bad5:
    def __getnewargs__(self): return []
for B in (Bad2, Bad3, Bad4, Bad5):
    try:
        B().__reduce_ex__(2)
    except Exception as ex:
        print(type(ex).__name__, ex)

class R:
    def __reduce__(self):
        return (R, ())
print(R().__reduce_ex__(2), R().__reduce_ex__(0))

class GS:
    def __init__(self): self.a = 1
    def __getstate__(self): return {'custom': 1}
print(GS().__reduce_ex__(2)[2])

for o in (1, 2.5, 'ab', b'x', (1, 2), 1j):
    print(type(o).__name__, o.__reduce_ex__(2)[1][1:])
class I(int): pass
i = I(5); i.z = 1
print(i.__reduce_ex__(2)[1:3])
print(i.__reduce_ex__(1)[1:])
try:
    object().__reduce_ex__('x')
except TypeError as ex:
    print(ex)
for o in (iter([]), len, (x for x in ())):
    try:
        o.__reduce_ex__(2)
        print(type(o).__name__, "ok")
    except TypeError as ex:
        print(ex)
for it in (iter([1, 2]), reversed([1, 2]), iter('ab'), iter((1, 2)), iter(b'ab')):
    next(it)
    print(type(it).__name__, it.__reduce__())
    list(it)
    print(it.__reduce__())
import math
print(len.__reduce__(), [].append.__reduce__(), list.append.__reduce__(), int.__add__.__reduce__(),
      (1).__add__.__reduce__(), dict.fromkeys.__reduce__(), math.sqrt.__reduce_ex__(2))
