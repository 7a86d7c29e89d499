def f(a):
    def g():
        nonlocal a
        a = 2
    return g
