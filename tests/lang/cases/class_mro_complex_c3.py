class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([k.__name__ for k in A.__mro__])
try:
    class Bad(O, F): pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Dup(O, O): pass
except TypeError as e:
    print('TypeError:', e)
