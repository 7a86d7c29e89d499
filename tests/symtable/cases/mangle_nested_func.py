class Outer:
    def f(self):
        __v = 1
        def g():
            return __v
        return g
