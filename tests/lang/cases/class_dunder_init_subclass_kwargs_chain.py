class Base:
    def __init_subclass__(cls, prefix='', **kw):
        super().__init_subclass__(**kw)
        cls.label = prefix + cls.__name__
class A(Base, prefix='x-'): pass
class B(A): pass
class C(A, prefix='y-'): pass
print(A.label, B.label, C.label)
