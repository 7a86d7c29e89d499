def f[T](a: T = 1, *, b: T = 2) -> T:
    return a
