class Outer:
    x = 'class attr'
    def meth[T](self, v: T) -> T:
        return v
    type A[T] = list[T]
print(Outer().meth(3), Outer.A.__value__)
def g[T]():
    return T
t = g()
print(t.__name__, t is g.__type_params__[0])
