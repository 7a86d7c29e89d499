# __classdictcell__ is taken out of the class namespace (PEP 649 annotation scopes).
class A:
    x: int = 1
    def f(self): return __class__
print('__classdictcell__' in A.__dict__, '__classcell__' in A.__dict__, A().f() is A, sorted(k for k in A.__dict__ if not k.startswith('__') or 'annot' in k))
class B:
    y: "int"
print(B.__annotations__, '__classdictcell__' in B.__dict__)
