def f[T]():
    def g[U]():
        return T, U
    return g
