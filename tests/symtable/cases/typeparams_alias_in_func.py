def f():
    y = 1
    type A = y
    return A
