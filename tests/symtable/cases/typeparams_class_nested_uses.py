def outer():
    x = 1
    class C[T]:
        y = x
    return C
