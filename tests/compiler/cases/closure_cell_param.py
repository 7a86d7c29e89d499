def f(a, b):
    def g():
        return a
    b = 2
    return g, b
