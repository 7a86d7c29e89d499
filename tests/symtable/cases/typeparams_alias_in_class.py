class C:
    x = int
    type A = x
    type B[T] = (T, x)
