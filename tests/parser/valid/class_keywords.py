class A(B, metaclass=M):
    pass
class C(metaclass=M, **kw):
    pass
class D(*bases, x=1, **kw): pass
class E(B, C,): pass
