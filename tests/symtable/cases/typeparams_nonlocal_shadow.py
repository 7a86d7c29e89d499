def f[T]():
    def g():
        T = 1
        return T
    return g
