class C[__T]:
    def f(self) -> __T:
        return __x
