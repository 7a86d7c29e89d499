def f(a):
    del a
    a = 2
    return a
