def f[T](x: T) -> T: return x
def g[T: int, U: (str, bytes)](a: T, b: U): pass
def h[*Ts](*args: *Ts): pass
def i[**P](f: Callable[P, int]): pass
def j[T, *Ts, **P](): pass
def k[T,](): pass
async def l[T](): pass
