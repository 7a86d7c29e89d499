def f[T = int](): pass
def g[T: int = bool, U = str](): pass
def h[*Ts = *tuple[int, str]](): pass
def i[**P = [int, str]](): pass
def j[**P = ...](): pass
class C[T = int, *Ts = *tuple[()], **P = [bool]]: pass
type A[T = int] = list[T]
