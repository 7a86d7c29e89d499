def f():
    def g():
        class C:
            def h(self):
                return [lambda: v for v in self]
        return C
    return g
