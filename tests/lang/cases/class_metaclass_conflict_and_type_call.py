class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print('TypeError:', e)
Dyn = type('Dyn', (object,), {'x': 5, 'hello': lambda self: 'hi from ' + type(self).__name__})
print(Dyn().hello(), Dyn.x, Dyn.__name__, Dyn.__qualname__, type(Dyn))
print(type(5), type('s') is str, type(type), type(object), object.__bases__, type.__bases__)
