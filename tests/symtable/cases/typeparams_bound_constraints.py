def f[T: int, U: (str, bytes), V = list, *Ts = tuple, **P = [int]](): pass
