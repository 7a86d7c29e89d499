def outer():
    def inner():
        pass
    class Local:
        def meth(self): pass
    return inner, Local
i, L = outer()
print(i.__qualname__, L.__qualname__, L.meth.__qualname__)
class A:
    class B:
        def m(self): pass
    def f(self):
        return lambda: 0
print(A.B.m.__qualname__, A().f().__qualname__, A.B.__qualname__)
print((lambda: 0).__qualname__, (lambda: 0).__name__)
