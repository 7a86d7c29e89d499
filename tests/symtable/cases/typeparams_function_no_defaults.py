def f[T]():
    pass
