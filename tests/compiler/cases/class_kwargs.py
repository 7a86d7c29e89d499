class C(A, B, metaclass=M, flag=True):
    pass
class D(*bases, **kw):
    pass
