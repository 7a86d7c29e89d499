class D:
    if c:
        x: int
    def f(self): return __classdict__
