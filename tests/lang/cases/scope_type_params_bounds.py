def f[T: (int, str), U: float, *Ts, **P](): pass
T, U, Ts, P = f.__type_params__
print(T.__constraints__, U.__bound__)
print(type(Ts).__name__, type(P).__name__)
def g[X = int, Y = str](): pass
X, Y = g.__type_params__
print(X.__default__, Y.__default__, X.has_default(), T.has_default())
class C[X: int]:
    pass
print(C.__type_params__[0].__bound__)
