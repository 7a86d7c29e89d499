def f[T](*, b=2):
    pass
