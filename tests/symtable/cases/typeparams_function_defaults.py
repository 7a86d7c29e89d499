def f[T](a=1, *, b=2):
    pass
