class A:
    pass
class B():
    pass
class C(A, B):
    x = 1
    def m(self): return self.x
