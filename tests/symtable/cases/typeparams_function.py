def f[T, *Ts, **P](x: T, *args: *Ts, **kw: P.kwargs) -> T:
    return x
